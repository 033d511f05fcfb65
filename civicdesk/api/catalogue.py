"""Open metadata of what the agency publishes: the data.gov.tw dataset fields and DCAT-AP.

Pure functions over plain values; `selectors.catalogue_datasets` gathers them from the
document library and the §7 disclosure items.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class Distribution:
    url: str
    format: str  # odt, ods, odp, pdf
    byte_size: int | None = None
    title: str = ""


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
    theme: str = ""  # 主題分類 code
    theme_name: str = ""
    cake: str = ""
    service: str = ""
    service_name: str = ""
    category: str = ""  # §7 category label
    distributions: tuple[Distribution, ...] = field(default_factory=tuple)


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
        "服務分類": dataset.service_name or dataset.service,
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
        "備註": dataset.category,
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
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def dcat_catalogue(
    datasets: list[Dataset], publisher: Publisher, *, catalogue_url: str, title: str, title_en: str
) -> dict[str, Any]:
    """A DCAT-AP 2 catalogue as JSON-LD; literals carry both languages."""
    agent = {
        "@id": publisher.homepage,
        "@type": "foaf:Agent",
        "foaf:name": _texts(publisher.name, publisher.name_en),
        "dct:identifier": publisher.code,
    }
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": publisher.name,
        **({"vcard:hasTelephone": f"tel:{publisher.phone}"} if publisher.phone else {}),
        **({"vcard:hasEmail": f"mailto:{publisher.email}"} if publisher.email else {}),
    }
    return {
        "@context": DCAT_CONTEXT,
        "@id": catalogue_url,
        "@type": "dcat:Catalog",
        "dct:title": _texts(title, title_en),
        "dct:publisher": agent,
        "dct:language": [
            {"@id": "http://publications.europa.eu/resource/authority/language/ZHO"},
            {"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
        ],
        "foaf:homepage": {"@id": publisher.homepage},
        "dcat:dataset": [_dcat_dataset(d, agent, contact) for d in datasets],
    }


def _dcat_dataset(
    dataset: Dataset, agent: dict[str, Any], contact: dict[str, Any]
) -> dict[str, Any]:
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
        "dct:subject": [code for code in (dataset.theme, dataset.cake, dataset.service) if code],
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dcat:downloadURL": {"@id": d.url},
                "dcat:accessURL": {"@id": d.url},
                "dct:format": FORMAT_LABELS.get(d.format, d.format.upper()),
                "dcat:mediaType": MEDIA_TYPES.get(d.format, "application/octet-stream"),
                **(
                    {
                        "dcat:byteSize": {
                            "@value": str(d.byte_size),
                            "@type": "xsd:nonNegativeInteger",
                        }
                    }
                    if d.byte_size is not None
                    else {}
                ),
                **({"dct:title": d.title} if d.title else {}),
            }
            for d in dataset.distributions
        ],
    }
    if dataset.issued:
        node["dct:issued"] = {"@value": _date(dataset.issued), "@type": "xsd:date"}
    if dataset.modified:
        node["dct:modified"] = {"@value": _date(dataset.modified), "@type": "xsd:date"}
    if dataset.category:
        node["dcat:theme"] = dataset.category
    return node
