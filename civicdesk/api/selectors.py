"""Gathers the open-data catalogue from the document library and the §7 disclosure items."""

from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.api.catalogue import Concept, Dataset, Distribution, Publisher, Scheme
from civicdesk.core.siteurl import absolute_url, page_url
from civicdesk.disclosure.categories import Category
from civicdesk.disclosure.models import Document, DocumentKind
from civicdesk.disclosure.selectors import (
    disclosure_item_list_public,
    disclosure_item_translations,
    document_latest_public_version,
    document_list_public,
    page_attachment_documents,
)
from civicdesk.metadata.models import ClassificationCode
from civicdesk.metadata.models import Scheme as CodeScheme

CATALOGUE_TITLE = _("%(agency)s: open data catalogue")
CATALOGUE_DESCRIPTION = _(
    "Information, documents and forms that %(agency)s publishes proactively, each with its "
    "files to download."
)


def in_both_languages(message: Promise, **values: str) -> tuple[str, str]:
    """A translatable text in Chinese and in English (`values` may end in `_en`)."""
    english = {key: values.get(f"{key}_en") or value for key, value in values.items()}
    with translation.override("zh-hant"):
        chinese = str(message) % values
    with translation.override("en"):
        return chinese, str(message) % english


def catalogue_texts(publisher: Publisher) -> tuple[tuple[str, str], tuple[str, str]]:
    """The catalogue's title and description, each in Chinese and in English."""
    names = {"agency": publisher.name, "agency_en": publisher.name_en}
    return (
        in_both_languages(CATALOGUE_TITLE, **names),
        in_both_languages(CATALOGUE_DESCRIPTION, **names),
    )


def catalogue_schemes() -> list[Scheme]:
    """The schemes the catalogue's concepts belong to, with their titles in both languages."""
    titles: list[tuple[str, Any]] = [
        *((scheme.value, scheme.label) for scheme in CodeScheme),
        ("disclosure", _("Disclosure category (§7)")),
        ("kind", _("Document type")),
    ]
    return [Scheme(key, *in_both_languages(title)) for key, title in titles]


def _code(code: ClassificationCode | None) -> Concept | None:
    if code is None:
        return None
    return Concept(scheme=code.scheme, code=code.code, label=code.name, label_en=code.name_en)


def _kind(document: Document) -> Concept:
    label = DocumentKind(document.kind).label
    return Concept("kind", document.kind, *in_both_languages(label))


def _disclosure(category: Category | None) -> Concept | None:
    if category is None:
        return None
    return Concept("disclosure", category.code, category.label, category.label_en)


def catalogue_publisher() -> Publisher:
    agency = agency_get_current()
    homepage = absolute_url("/")
    if agency is None:
        return Publisher(name="", name_en="", code="", homepage=homepage)
    return Publisher(
        name=agency.name,
        name_en=agency.name_en,
        code=agency.code,
        homepage=agency.website or homepage,
        phone=agency.phone,
        email=agency.email,
    )


def _distributions(documents: list[Document]) -> tuple[Distribution, ...]:
    out: list[Distribution] = []
    for document in documents:
        version = document_latest_public_version(document)
        if version is None:
            continue
        for file in version.files.all():
            out.append(
                Distribution(
                    url=absolute_url(file.get_absolute_url()),
                    format=file.extension,
                    byte_size=file.size,
                    title=document.title,
                )
            )
    return tuple(out)


def _keywords(*values: str) -> tuple[str, ...]:
    words = [w.strip() for value in values for w in value.replace("，", ",").split(",")]
    return tuple(dict.fromkeys(w for w in words if w))


def catalogue_datasets() -> list[Dataset]:
    """One dataset per published document and per §7 item that has files to download (an
    item without any is a web page, not a dataset).

    Addresses are those of the Chinese site (the default language); titles and
    descriptions carry both languages.
    """
    agency = agency_get_current()
    prefix = agency.code if agency else "civicdesk"
    datasets: list[Dataset] = []
    with translation.override("zh-hant"):
        for document in document_list_public():
            published = document.first_published_at
            updated = document.last_published_at
            datasets.append(
                Dataset(
                    identifier=f"{prefix}-document-{document.pk}",
                    title=document.title,
                    title_en=document.title_en,
                    description=document.description,
                    description_en=document.description_en,
                    landing_page=absolute_url(document.get_absolute_url()),
                    issued=published.date() if published else None,
                    modified=updated.date() if updated else None,
                    publisher_unit=document.owner_unit.name if document.owner_unit else "",
                    keywords=_keywords(document.keywords, document.keywords_en),
                    theme=_code(document.theme_code),
                    cake=_code(document.cake_code),
                    service=_code(document.service_code),
                    category=_kind(document),
                    distributions=_distributions([document]),
                )
            )
        items = disclosure_item_list_public()
        translations = disclosure_item_translations(items=items, language="en")
        for item in items:
            translated = translations.get(item.translation_key)
            datasets.append(
                Dataset(
                    identifier=f"{prefix}-disclosure-{item.pk}",
                    title=item.title,
                    title_en=translated.title if translated else "",
                    description=item.intro or item.search_description,
                    description_en=translated.intro if translated else "",
                    landing_page=page_url(item),
                    issued=item.first_published_at.date() if item.first_published_at else None,
                    modified=item.last_published_at.date() if item.last_published_at else None,
                    publisher_unit=item.owner_unit.name if item.owner_unit else "",
                    keywords=_keywords(item.keywords),
                    theme=_code(item.theme_code),
                    cake=_code(item.cake_code),
                    service=_code(item.service_code),
                    category=_disclosure(item.category_info),
                    distributions=_distributions(
                        page_attachment_documents(page=item, relation="attachments")
                    ),
                )
            )
    return [dataset for dataset in datasets if dataset.distributions]
