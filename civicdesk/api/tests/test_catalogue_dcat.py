"""The DCAT-AP catalogue read as a JSON-LD processor reads it (pyld, never fetching a remote
context), and the data.gov.tw catalogue's download fields."""

import json

import pytest
from django.core.cache import cache
from pyld import jsonld

from civicdesk.disclosure.selectors import disclosure_item_list_public, page_attachment_documents

pytestmark = pytest.mark.django_db

BASE = "https://civicdesk.example.gov.tw"  # SITE_BASE_URL of the test settings
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "@type"
FILE_TYPE_BASE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE_BASE = "http://www.iana.org/assignments/media-types/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def refuse_network(url, options):
    raise AssertionError(f"the catalogue needs a remote document: {url}")


@pytest.fixture
def graph(client):
    """Every node of the flattened catalogue, by its @id."""
    document = json.loads(client.get("/catalogue.jsonld").content)
    flat = jsonld.flatten(document, None, {"documentLoader": refuse_network})
    return {node["@id"]: node for node in flat}


def typed(graph, type_iri):
    return [node for node in graph.values() if type_iri in node.get(RDF_TYPE, [])]


def values(node, prop):
    return node.get(prop, [])


def texts(node, prop):
    """(text, language) pairs; JSON-LD processors may lower-case language tags."""
    return {
        (v["@value"], (v.get("@language") or "").lower())
        for v in values(node, prop)
        if v.get("@value")
    }


def iris(node, prop):
    """The values of `prop`, each of which must be an IRI (not a literal, not a blank node)."""
    found = values(node, prop)
    assert all(set(v) == {"@id"} and not v["@id"].startswith("_:") for v in found), (prop, found)
    return [v["@id"] for v in found]


def test_the_catalogue_has_dcat_ap_mandatory_properties(graph):
    (catalogue,) = typed(graph, DCAT + "Catalog")
    assert catalogue["@id"] == f"{BASE}/catalogue.jsonld"
    assert {lang for _, lang in texts(catalogue, DCT + "title")} == {"zh-hant-tw", "en"}
    assert {lang for _, lang in texts(catalogue, DCT + "description")} == {"zh-hant-tw", "en"}
    (publisher,) = iris(catalogue, DCT + "publisher")
    assert texts(graph[publisher], FOAF + "name")
    datasets = iris(catalogue, DCAT + "dataset")
    assert len(datasets) >= 35
    assert {DCAT + "Dataset"} == {t for d in datasets for t in graph[d][RDF_TYPE]}


def test_every_dataset_has_title_description_and_distributions_with_access_urls(graph):
    datasets = typed(graph, DCAT + "Dataset")
    assert datasets
    for dataset in datasets:
        assert texts(dataset, DCT + "title"), dataset["@id"]
        assert texts(dataset, DCT + "description"), dataset["@id"]
        distributions = [v["@id"] for v in values(dataset, DCAT + "distribution")]
        assert distributions, dataset["@id"]
        for key in distributions:
            (access,) = iris(graph[key], DCAT + "accessURL")
            assert access.startswith(BASE + "/downloads/")


def test_formats_and_media_types_are_vocabulary_iris(graph):
    distributions = typed(graph, DCAT + "Distribution")
    formats = {iri for d in distributions for iri in iris(d, DCT + "format")}
    assert formats >= {FILE_TYPE_BASE + "PDF", FILE_TYPE_BASE + "ODT"}
    assert formats <= {FILE_TYPE_BASE + name for name in ("PDF", "ODT", "ODS", "ODP")}
    assert all(iris(d, DCT + "format") for d in distributions)
    media = {iri for d in distributions for iri in iris(d, DCAT + "mediaType")}
    assert MEDIA_TYPE_BASE + "application/pdf" in media
    assert all(iri.startswith(MEDIA_TYPE_BASE) for iri in media)


def test_themes_and_subjects_are_skos_concepts_of_the_catalogues_schemes(graph):
    (catalogue,) = typed(graph, DCAT + "Catalog")
    schemes = iris(catalogue, DCAT + "themeTaxonomy")
    assert {f"{BASE}/catalogue.jsonld#{key}" for key in ("theme", "cake", "service")} <= set(
        schemes
    )
    for scheme in schemes:
        assert SKOS + "ConceptScheme" in graph[scheme][RDF_TYPE]
        assert {lang for _, lang in texts(graph[scheme], DCT + "title")} == {"zh-hant-tw", "en"}
    used = set()
    for dataset in typed(graph, DCAT + "Dataset"):
        themes, subjects = iris(dataset, DCAT + "theme"), iris(dataset, DCT + "subject")
        assert themes and len(subjects) == 3, dataset["@id"]
        used |= {*themes, *subjects}
    for iri in used:
        assert iri.startswith(f"{BASE}/catalogue.jsonld#")
        concept = graph[iri]
        assert SKOS + "Concept" in concept[RDF_TYPE]
        assert values(concept, SKOS + "notation")
        assert texts(concept, SKOS + "prefLabel")
        (scheme,) = iris(concept, SKOS + "inScheme")
        assert scheme in schemes


def test_disclosure_categories_are_labelled_in_both_languages(graph):
    concepts = [node for node in typed(graph, SKOS + "Concept") if "#disclosure-" in node["@id"]]
    assert concepts
    labels = {lang for node in concepts for _, lang in texts(node, SKOS + "prefLabel")}
    assert labels == {"zh-hant-tw", "en"}


def test_every_datagovtw_dataset_has_formats_and_download_urls(client):
    records = json.loads(client.get("/catalogue.json").content)
    assert len(records) >= 20 + 15
    for record in records:
        formats = record["檔案格式"].split(";")
        urls = record["資料下載網址"].split(";")
        assert all(formats) and all(urls), record["資料集識別碼"]
        assert {url.rsplit(".", 1)[1].upper() for url in urls} == set(formats)
        for url in urls:
            assert client.get(url.replace(BASE, "")).status_code == 200, url


def test_an_item_without_files_is_not_listed_as_a_dataset(client):
    without_files = [
        item.pk
        for item in disclosure_item_list_public()
        if not page_attachment_documents(page=item, relation="attachments")
    ]
    assert without_files  # the demo has §7 items that are web pages only
    records = json.loads(client.get("/catalogue.json").content)
    catalogue = json.loads(client.get("/catalogue.jsonld").content)
    listed = {r["資料集識別碼"] for r in records}
    listed_dcat = {d["dct:identifier"] for d in catalogue["dcat:dataset"]}
    assert listed == listed_dcat
    for pk in without_files:
        assert f"DEMO39705-disclosure-{pk}" not in listed
