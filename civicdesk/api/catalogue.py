"""Open metadata of what the agency publishes: the data.gov.tw dataset fields and DCAT-AP.

Pure functions over plain values; `selectors.catalogue_datasets` gathers them from the
document library and the §7 disclosure items.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

# 政府資料開放平臺 dataset metadata, in the platform's own field names and order.
DATAGOVTW_FIELDS = (
    "資料集識別碼",
    "資料集名稱",
    "資料提供屬性",
    "服務分類",
    "檔案格式",
    "資料下載網址",
    "編碼格式",
    "資料集描述",
    "主要欄位說明",
    "提供機關",
    "提供機關聯絡人姓名",
    "提供機關聯絡人電話",
    "更新頻率",
    "授權方式",
    "授權說明網址",
    "相關網址",
    "計費方式",
    "上架日期",
    "詮釋資料更新時間",
    "備註",
)
LICENCE_NAME = "政府資料開放授權條款-第1版"
LICENCE_URL = "https://data.gov.tw/license"
FORMAT_LABELS = {"odt": "ODT", "ods": "ODS", "odp": "ODP", "pdf": "PDF"}
MEDIA_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "pdf": "application/pdf",
}
# DCAT-AP's controlled vocabularies: the EU file types and IANA's media types.
FILE_TYPE_BASE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE_BASE = "http://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Distribution:
    url: str
    format: str  # odt, ods, odp, pdf
    byte_size: int | None = None
    title: str = ""


@dataclass(frozen=True)
class Concept:
    """A code of one of the agency's classification schemes, in both languages."""

    scheme: str  # theme, cake, service (分類檢索規範), disclosure (§7), kind (document type)
    code: str
    label: str
    label_en: str = ""


@dataclass(frozen=True)
class Scheme:
    key: str
    title: str
    title_en: str


@dataclass(frozen=True)
class Dataset:
    identifier: str
    title: str
    title_en: str
    description: str
    description_en: str
    landing_page: str
    issued: datetime.date | None
    modified: datetime.date | None
    publisher_unit: str
    keywords: tuple[str, ...] = ()
    theme: Concept | None = None  # 主題分類
    cake: Concept | None = None  # 施政分類
    service: Concept | None = None  # 服務分類
    category: Concept | None = None  # the §7 category, or the document's type
    distributions: tuple[Distribution, ...] = field(default_factory=tuple)

    @property
    def subjects(self) -> list[Concept]:
        return [code for code in (self.theme, self.cake, self.service) if code is not None]


@dataclass(frozen=True)
class Publisher:
    name: str
    name_en: str
    code: str
    homepage: str
    phone: str = ""
    email: str = ""
    contact_name: str = ""


def _date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def datagovtw_record(dataset: Dataset, publisher: Publisher) -> dict[str, str]:
    formats = sorted({FORMAT_LABELS.get(d.format, d.format.upper()) for d in dataset.distributions})
    return {
        "資料集識別碼": dataset.identifier,
        "資料集名稱": dataset.title,
        "資料提供屬性": "原始資料",
        "服務分類": (dataset.service.label or dataset.service.code) if dataset.service else "",
        "檔案格式": ";".join(formats),
        "資料下載網址": ";".join(d.url for d in dataset.distributions),
        "編碼格式": "UTF-8",
        "資料集描述": dataset.description,
        "主要欄位說明": "",
        "提供機關": publisher.name,
        "提供機關聯絡人姓名": dataset.publisher_unit or publisher.contact_name,
        "提供機關聯絡人電話": publisher.phone,
        "更新頻率": "不定期更新",
        "授權方式": LICENCE_NAME,
        "授權說明網址": LICENCE_URL,
        "相關網址": dataset.landing_page,
        "計費方式": "免費",
        "上架日期": _date(dataset.issued),
        "詮釋資料更新時間": _date(dataset.modified),
        "備註": dataset.category.label if dataset.category else "",
    }


def datagovtw_catalogue(datasets: list[Dataset], publisher: Publisher) -> list[dict[str, str]]:
    return [datagovtw_record(dataset, publisher) for dataset in datasets]


def _texts(zh: str, en: str) -> list[dict[str, str]]:
    texts = [{"@value": zh, "@language": "zh-Hant-TW"}] if zh else []
    if en:
        texts.append({"@value": en, "@language": "en"})
    return texts


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def concept_iri(catalogue_url: str, concept: Concept) -> str:
    """Codes are described in the catalogue itself, so their IRIs resolve to it."""
    return f"{catalogue_url}#{concept.scheme}-{quote(concept.code, safe='')}"


def dcat_catalogue(
    datasets: list[Dataset],
    publisher: Publisher,
    *,
    catalogue_url: str,
    title: tuple[str, str],
    description: tuple[str, str],
    schemes: list[Scheme],
) -> dict[str, Any]:
    """A DCAT-AP 2 catalogue as JSON-LD; literals carry both languages (zh-Hant, en), and the
    classification codes are SKOS concepts of the schemes in `dcat:themeTaxonomy`."""
    agent = {
        "@id": publisher.homepage,
        "@type": "foaf:Agent",
        "foaf:name": _texts(publisher.name, publisher.name_en),
        "dct:identifier": publisher.code,
    }
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": publisher.name,
        **({"vcard:hasTelephone": {"@id": f"tel:{publisher.phone}"}} if publisher.phone else {}),
        **({"vcard:hasEmail": {"@id": f"mailto:{publisher.email}"}} if publisher.email else {}),
    }
    return {
        "@context": DCAT_CONTEXT,
        "@id": catalogue_url,
        "@type": "dcat:Catalog",
        "dct:title": _texts(*title),
        "dct:description": _texts(*description),
        "dct:publisher": agent,
        "dct:language": [
            {"@id": "http://publications.europa.eu/resource/authority/language/ZHO"},
            {"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
        ],
        "foaf:homepage": {"@id": publisher.homepage},
        "dcat:themeTaxonomy": _taxonomies(datasets, schemes, catalogue_url),
        "dcat:dataset": [_dcat_dataset(d, agent, contact, catalogue_url) for d in datasets],
    }


def _taxonomies(
    datasets: list[Dataset], schemes: list[Scheme], catalogue_url: str
) -> list[dict[str, Any]]:
    """Each scheme with the codes the datasets use, as a SKOS concept scheme."""
    used: dict[str, dict[str, Concept]] = {}
    for dataset in datasets:
        for concept in (*dataset.subjects, dataset.category):
            if concept is not None:
                used.setdefault(concept.scheme, {})[concept.code] = concept
    taxonomies = []
    for scheme in schemes:
        concepts = used.get(scheme.key, {})
        if not concepts:
            continue
        scheme_iri = f"{catalogue_url}#{scheme.key}"
        taxonomies.append(
            {
                "@id": scheme_iri,
                "@type": "skos:ConceptScheme",
                "dct:title": _texts(scheme.title, scheme.title_en),
                "skos:hasTopConcept": [
                    {
                        "@id": concept_iri(catalogue_url, concept),
                        "@type": "skos:Concept",
                        "skos:notation": concept.code,
                        "skos:prefLabel": _texts(concept.label, concept.label_en),
                        "skos:inScheme": {"@id": scheme_iri},
                        "skos:topConceptOf": {"@id": scheme_iri},
                    }
                    for concept in sorted(concepts.values(), key=lambda c: c.code)
                ],
            }
        )
    return taxonomies


def _dcat_distribution(distribution: Distribution) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "dcat:Distribution",
        "dcat:downloadURL": {"@id": distribution.url},
        "dcat:accessURL": {"@id": distribution.url},
        "dct:license": {"@id": LICENCE_URL},
    }
    if distribution.format in FORMAT_LABELS:
        node["dct:format"] = {"@id": FILE_TYPE_BASE + FORMAT_LABELS[distribution.format]}
    if distribution.format in MEDIA_TYPES:
        node["dcat:mediaType"] = {"@id": MEDIA_TYPE_BASE + MEDIA_TYPES[distribution.format]}
    if distribution.byte_size is not None:
        node["dcat:byteSize"] = {
            "@value": str(distribution.byte_size),
            "@type": "xsd:nonNegativeInteger",
        }
    if distribution.title:
        node["dct:title"] = distribution.title
    return node


def _dcat_dataset(
    dataset: Dataset, agent: dict[str, Any], contact: dict[str, Any], catalogue_url: str
) -> dict[str, Any]:
    themes = [code for code in (dataset.theme, dataset.category) if code is not None]
    node: dict[str, Any] = {
        "@id": dataset.landing_page,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.identifier,
        "dct:title": _texts(dataset.title, dataset.title_en),
        "dct:description": _texts(dataset.description, dataset.description_en),
        "dct:publisher": {"@id": agent["@id"]},
        "dcat:contactPoint": contact,
        "dcat:landingPage": {"@id": dataset.landing_page},
        "dct:license": {"@id": LICENCE_URL},
        "dcat:keyword": list(dataset.keywords),
        "dcat:theme": [{"@id": concept_iri(catalogue_url, code)} for code in themes],
        "dct:subject": [{"@id": concept_iri(catalogue_url, code)} for code in dataset.subjects],
        "dcat:distribution": [_dcat_distribution(d) for d in dataset.distributions],
    }
    if dataset.issued:
        node["dct:issued"] = {"@value": _date(dataset.issued), "@type": "xsd:date"}
    if dataset.modified:
        node["dct:modified"] = {"@value": _date(dataset.modified), "@type": "xsd:date"}
    return node
