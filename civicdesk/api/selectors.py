"""Gathers the open-data catalogue from the document library and the §7 disclosure items."""

from django.utils import translation
from wagtail.models import Locale

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.api.catalogue import Dataset, Distribution, Publisher
from civicdesk.core.siteurl import absolute_url, page_url
from civicdesk.disclosure.models import Document, DocumentVersion
from civicdesk.disclosure.selectors import (
    disclosure_item_list_public,
    document_list_public,
    page_attachment_documents,
)


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


def _latest(document: Document) -> DocumentVersion | None:
    versions = getattr(document, "public_versions", None)
    return versions[0] if versions else None


def _distributions(documents: list[Document]) -> tuple[Distribution, ...]:
    out: list[Distribution] = []
    for document in documents:
        version = _latest(document)
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
    """One dataset per published document and per §7 item, with their downloadable files.

    Addresses are those of the Chinese site (the default language); titles and
    descriptions carry both languages.
    """
    agency = agency_get_current()
    prefix = agency.code if agency else "civicdesk"
    english = Locale.objects.filter(language_code="en").first()
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
                    theme=document.theme_code.code if document.theme_code else "",
                    theme_name=document.theme_code.name if document.theme_code else "",
                    cake=document.cake_code.code if document.cake_code else "",
                    service=document.service_code.code if document.service_code else "",
                    service_name=document.service_code.name if document.service_code else "",
                    category=str(document.get_kind_display()),
                    distributions=_distributions([document]),
                )
            )
        for item in disclosure_item_list_public():
            translated = item.get_translation_or_none(english) if english else None
            category = item.category_info
            datasets.append(
                Dataset(
                    identifier=f"{prefix}-disclosure-{item.pk}",
                    title=item.title,
                    title_en=translated.title if translated else "",
                    description=item.intro or item.search_description,
                    description_en=(translated.specific.intro if translated else ""),
                    landing_page=page_url(item),
                    issued=item.first_published_at.date() if item.first_published_at else None,
                    modified=item.last_published_at.date() if item.last_published_at else None,
                    publisher_unit=item.owner_unit.name if item.owner_unit else "",
                    keywords=_keywords(item.keywords),
                    theme=item.theme_code.code if item.theme_code else "",
                    theme_name=item.theme_code.name if item.theme_code else "",
                    cake=item.cake_code.code if item.cake_code else "",
                    service=item.service_code.code if item.service_code else "",
                    service_name=item.service_code.name if item.service_code else "",
                    category=category.label if category else "",
                    distributions=_distributions(
                        page_attachment_documents(page=item, relation="attachments")
                    ),
                )
            )
    return datasets
