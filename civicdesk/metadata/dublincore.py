"""The `<meta>` tags every public page and file carries: 15 Dublin Core elements, DC.Keywords
and the three classification codes (行政機關電子資料流通詮釋資料及分類檢索規範)."""

import datetime
from dataclasses import dataclass

DC_ELEMENTS = (
    "DC.Title",
    "DC.Creator",
    "DC.Subject",
    "DC.Description",
    "DC.Contributor",
    "DC.Type",
    "DC.Format",
    "DC.Source",
    "DC.Language",
    "DC.Coverage",
    "DC.Publisher",
    "DC.Date",
    "DC.Identifier",
    "DC.Relation",
    "DC.Rights",
)
CATEGORY_ELEMENTS = ("Category.Theme", "Category.Cake", "Category.Service")


@dataclass(frozen=True)
class Metadata:
    title: str
    creator: str
    subject: str
    description: str
    contributor: str
    type: str
    format: str
    source: str
    language: str
    coverage: str
    publisher: str
    date: datetime.date | None
    identifier: str
    relation: str
    rights: str
    keywords: str
    theme: str
    cake: str
    service: str


def meta_tags(md: Metadata) -> list[tuple[str, str]]:
    """(name, content) pairs in the order the government guideline lists them."""
    values = {
        "DC.Title": md.title,
        "DC.Creator": md.creator,
        "DC.Subject": md.subject,
        "DC.Description": md.description,
        "DC.Contributor": md.contributor,
        "DC.Type": md.type,
        "DC.Format": md.format,
        "DC.Source": md.source,
        "DC.Language": md.language,
        "DC.Coverage": md.coverage,
        "DC.Publisher": md.publisher,
        "DC.Date": md.date.isoformat() if md.date else "",
        "DC.Identifier": md.identifier,
        "DC.Relation": md.relation,
        "DC.Rights": md.rights,
    }
    tags = [(name, values[name]) for name in DC_ELEMENTS]
    tags.append(("DC.Keywords", md.keywords))
    tags += [
        ("Category.Theme", md.theme),
        ("Category.Cake", md.cake),
        ("Category.Service", md.service),
    ]
    return tags
