import json
import xml.etree.ElementTree as ET

import pytest

from civicdesk.api.catalogue import DATAGOVTW_FIELDS

pytestmark = pytest.mark.django_db

BASE = "https://civicdesk.example.gov.tw"  # SITE_BASE_URL of the test settings
OTHER_HOST = "127.0.0.1:8000"  # allowed by the test settings, and not the base's host


@pytest.fixture(autouse=True)
def fresh_cache():
    """The catalogue is cached for ten minutes; each test reads it afresh."""
    from django.core.cache import cache

    cache.clear()


def test_datagovtw_catalogue_lists_documents_and_disclosure_items(client):
    response = client.get("/catalogue.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    records = json.loads(response.content)
    assert len(records) >= 20 + 15  # the demo's documents and §7 items
    for record in records:
        assert tuple(record) == DATAGOVTW_FIELDS
        assert record["提供機關"] == "高雄市政府環境保護局中區資源回收廠"
        assert record["授權方式"] == "政府資料開放授權條款-第1版"
    forms = [r for r in records if r["備註"] == "表單"]
    assert forms
    assert all("ODT" in r["檔案格式"] or "ODS" in r["檔案格式"] for r in forms)
    download = forms[0]["資料下載網址"].split(";")[0]
    assert client.get(download.replace(BASE, "")).status_code == 200


def test_dcat_catalogue_is_bilingual_json_ld(client):
    response = client.get("/catalogue.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    datasets = catalogue["dcat:dataset"]
    assert {d["@type"] for d in datasets} == {"dcat:Dataset"}
    languages = {t["@language"] for d in datasets for t in d["dct:title"]}
    assert languages == {"zh-Hant-TW", "en"}
    distributions = [x for d in datasets for x in d["dcat:distribution"]]
    assert {x["dcat:mediaType"]["@id"] for x in distributions} >= {
        "http://www.iana.org/assignments/media-types/application/pdf",
        "http://www.iana.org/assignments/media-types/application/vnd.oasis.opendocument.text",
    }
    assert all(int(x["dcat:byteSize"]["@value"]) > 0 for x in distributions)


def test_an_unpublished_document_leaves_the_catalogue(client):
    from civicdesk.disclosure.models import Document
    from civicdesk.disclosure.services import document_unpublish

    document = Document.objects.filter(live=True).first()
    document_unpublish(document=document, user=None)
    identifiers = {r["資料集識別碼"] for r in json.loads(client.get("/catalogue.json").content)}
    assert f"DEMO39705-document-{document.pk}" not in identifiers


@pytest.mark.parametrize(
    ("path", "language"), [("/feeds/updates.xml", "zh-hant"), ("/en/feeds/updates.xml", "en")]
)
def test_rss_feed_of_updates_per_language(client, path, language):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    assert channel.findtext("language") == language
    items = channel.findall("item")
    assert 10 <= len(items) <= 50
    first = items[0]
    assert first.findtext("title")
    assert first.findtext("link").startswith(BASE + "/")
    assert first.findtext("pubDate")
    prefix = f"{BASE}/en/" if language == "en" else f"{BASE}/"
    assert all(item.findtext("link").startswith(prefix) for item in items)
    if language == "zh-hant":
        assert not any(item.findtext("link").startswith(f"{BASE}/en/") for item in items)


@pytest.mark.parametrize("host", ["testserver", OTHER_HOST])
def test_datagovtw_catalogue_urls_are_on_the_base_whatever_the_host(client, host):
    records = json.loads(client.get("/catalogue.json", HTTP_HOST=host).content)
    urls = [record["相關網址"] for record in records]
    urls += [url for record in records for url in record["資料下載網址"].split(";") if url]
    assert len(urls) > len(records)
    assert [url for url in urls if not url.startswith(BASE + "/")] == []


@pytest.mark.parametrize("host", ["testserver", OTHER_HOST])
def test_dcat_catalogue_urls_are_on_the_base_whatever_the_host(client, host):
    catalogue = json.loads(client.get("/catalogue.jsonld", HTTP_HOST=host).content)
    assert catalogue["@id"] == f"{BASE}/catalogue.jsonld"
    urls = []
    for dataset in catalogue["dcat:dataset"]:
        urls += [dataset["@id"], dataset["dcat:landingPage"]["@id"]]
        for distribution in dataset["dcat:distribution"]:
            urls += [distribution["dcat:accessURL"]["@id"], distribution["dcat:downloadURL"]["@id"]]
    assert len(urls) > 2 * len(catalogue["dcat:dataset"])
    assert [url for url in urls if not url.startswith(BASE + "/")] == []


@pytest.mark.parametrize("path", ["/feeds/updates.xml", "/en/feeds/updates.xml"])
def test_feed_links_are_on_the_base_whatever_the_host(client, path):
    body = client.get(path, HTTP_HOST=OTHER_HOST).content
    channel = ET.fromstring(body).find("channel")  # noqa: S314 (our own feed)
    links = [channel.findtext("link")] + [item.findtext("link") for item in channel.iter("item")]
    atom = channel.find("{http://www.w3.org/2005/Atom}link")
    assert atom.get("href") == BASE + path
    assert [link for link in links if not link.startswith(BASE + "/")] == []


def test_every_page_advertises_the_feed(client):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" href="/feeds/updates.xml"' in html
