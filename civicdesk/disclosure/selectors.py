"""Reads of the document library and the disclosure pages for public screens and the search."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from civicdesk.accounts.models import Unit
from civicdesk.accounts.selectors import agency_get_current
from civicdesk.core.i18n import localized
from civicdesk.core.siteurl import absolute_url
from civicdesk.disclosure.categories import CATEGORIES, Category
from civicdesk.disclosure.models import (
    DisclosureItemPage,
    Document,
    DocumentFile,
    DocumentKind,
    DocumentVersion,
    ServiceProcedurePage,
)
from civicdesk.disclosure.querysets import DocumentQuerySet
from civicdesk.metadata.dublincore import Metadata
from civicdesk.metadata.models import ClassificationCode, Scheme


def _with_public_versions(documents: DocumentQuerySet) -> DocumentQuerySet:
    versions = DocumentVersion.objects.public().prefetch_related("files").order_by("-number")
    return documents.select_related(
        "theme_code", "cake_code", "service_code", "owner_unit"
    ).prefetch_related(Prefetch("versions", queryset=versions, to_attr="public_versions"))


def document_list_public(
    *,
    kind: str = "",
    theme: str = "",
    cake: str = "",
    service: str = "",
    unit: str = "",
) -> DocumentQuerySet:
    """Published documents, newest change first, narrowed by type, codes and unit."""
    documents = Document.objects.published()
    if kind:
        documents = documents.filter(kind=kind)
    if theme:
        documents = documents.filter(theme_code__code=theme)
    if cake:
        documents = documents.filter(cake_code__code=cake)
    if service:
        documents = documents.filter(service_code__code=service)
    if unit:
        documents = documents.filter(owner_unit__code=unit)
    return _with_public_versions(documents).order_by("-last_published_at", "-pk")


def document_get_public(*, pk: int) -> Document | None:
    """A published document with `public_versions` (newest first, each with its files)."""
    return _with_public_versions(Document.objects.published().filter(pk=pk)).first()


def document_list_public_by_ids(*, ids: list[int]) -> list[Document]:
    """The published documents among `ids`, in the order given (attachments of a page)."""
    found = {
        doc.pk: doc
        for doc in _with_public_versions(Document.objects.published()).filter(pk__in=ids)
    }
    return [found[pk] for pk in ids if pk in found]


def document_file_get_public(*, pk: int, number: int, extension: str) -> DocumentFile | None:
    """A file the public may download: of a published document and a published version."""
    return (
        DocumentFile.objects.public()
        .select_related("version__document")
        .filter(version__document_id=pk, version__number=number, extension=extension)
        .first()
    )


def document_latest_public_version(document: Document) -> DocumentVersion | None:
    versions = getattr(document, "public_versions", None)
    if versions is None:
        versions = list(
            DocumentVersion.objects.public()
            .filter(document=document)
            .prefetch_related("files")
            .order_by("-number")
        )
    return versions[0] if versions else None


def document_version_list(*, document: Document) -> QuerySet[DocumentVersion]:
    """Every version, published or waiting, for the staff's read-only history panel."""
    return (
        DocumentVersion.objects.filter(document=document)
        .select_related("created_by")
        .prefetch_related("files")
        .order_by("-number")
    )


@dataclass(frozen=True)
class DocumentFilterOptions:
    """The choices of the public list's filters: only values some published document has."""

    themes: list[ClassificationCode]
    cakes: list[ClassificationCode]
    services: list[ClassificationCode]
    units: list[Unit]


def document_filter_options() -> DocumentFilterOptions:
    published = Document.objects.published()

    def codes(scheme: str, field: str) -> list[ClassificationCode]:
        used = published.values_list(f"{field}_id", flat=True)
        return list(ClassificationCode.objects.of(scheme).filter(pk__in=used).order_by("code"))

    return DocumentFilterOptions(
        themes=codes(Scheme.THEME, "theme_code"),
        cakes=codes(Scheme.CAKE, "cake_code"),
        services=codes(Scheme.SERVICE, "service_code"),
        units=list(Unit.objects.filter(pk__in=published.values_list("owner_unit_id", flat=True))),
    )


def document_ids_published() -> list[int]:
    return list(Document.objects.published().values_list("pk", flat=True))


def document_metadata(*, document: Document) -> Metadata:
    """The document's 15 Dublin Core elements, keywords and codes, in the active language.

    Creator and publisher are the agency, the date its last publication, the identifier the
    agency code and the format the types of its current files.
    """
    agency = agency_get_current()
    latest = document_latest_public_version(document)
    formats = sorted({item.content_type for item in latest.files.all()}) if latest else []
    published = document.last_published_at or document.first_published_at
    url = absolute_url(document.get_absolute_url())
    return Metadata(
        title=localized(document, "title"),
        creator=agency.display_name if agency else "",
        subject=localized(document.theme_code, "name") if document.theme_code else "",
        description=localized(document, "description"),
        contributor=document.owner_unit.display_name if document.owner_unit else "",
        type=str(DocumentKind(document.kind).label),
        format="; ".join(formats),
        source=localized(document, "source") or url,
        language=document.language,
        coverage=localized(document, "coverage"),
        publisher=agency.display_name if agency else "",
        date=timezone.localdate(published) if published else None,
        identifier=agency.code if agency else "",
        relation=document.relation or absolute_url(reverse("disclosure:documents")),
        rights=localized(document, "rights"),
        keywords=localized(document, "keywords"),
        theme=document.theme_code.code if document.theme_code else "",
        cake=document.cake_code.code if document.cake_code else "",
        service=document.service_code.code if document.service_code else "",
    )


def page_attachment_documents(*, page: Any, relation: str) -> list[Document]:
    """The published documents a page links to (`attachments`, `forms`), in the editor's order;
    drafts and withdrawn documents are left out."""
    ids = [link.document_id for link in getattr(page, relation).all()]
    return document_list_public_by_ids(ids=ids)


@dataclass(frozen=True)
class CategoryGroup:
    category: Category
    items: list[DisclosureItemPage]

    @property
    def count(self) -> int:
        return len(self.items)


def disclosure_category_groups(*, index: Page) -> list[CategoryGroup]:
    """Every category, in the law's order then the plant's, with the index's live items."""
    items: dict[str, list[DisclosureItemPage]] = defaultdict(list)
    for item in DisclosureItemPage.objects.child_of(index).published().order_by("path"):
        items[item.category].append(item)
    return [CategoryGroup(category, items.get(category.code, [])) for category in CATEGORIES]


def procedure_list(*, index: Page) -> list[ServiceProcedurePage]:
    return list(
        ServiceProcedurePage.objects.child_of(index)
        .published()
        .select_related("owner_unit")
        .order_by("path")
    )


def document_list_due_for_review(*, on: datetime.date) -> DocumentQuerySet:
    """Published documents whose review-by date has passed on `on`, oldest date first."""
    return (
        Document.objects.due_for_review(on=on)
        .select_related("owner_unit")
        .order_by("review_by", "pk")
    )


def document_list_unscheduled() -> DocumentQuerySet:
    """Published documents without a review-by date."""
    return Document.objects.unscheduled().select_related("owner_unit").order_by("pk")


def disclosure_item_list_public() -> list[DisclosureItemPage]:
    """Every live, public §7 item of the default language tree (the open-data catalogue)."""
    return list(
        DisclosureItemPage.objects.published()
        .filter(locale__language_code="zh-hant")
        .select_related("owner_unit", "theme_code", "cake_code", "service_code", "locale")
        .order_by("path")
    )


def disclosure_item_translations(
    *, items: list[DisclosureItemPage], language: str
) -> dict[str, DisclosureItemPage]:
    """Each item's page in `language`, by translation key, drafts included (the catalogue
    takes the English title and summary from it)."""
    keys = [item.translation_key for item in items]
    return {
        page.translation_key: page
        for page in DisclosureItemPage.objects.filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
