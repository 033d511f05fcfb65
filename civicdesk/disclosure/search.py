"""The site search provider for the document library, and the signals that keep it fresh."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.utils import timezone, translation

from civicdesk.core.i18n import localized
from civicdesk.disclosure.categories import category_labels
from civicdesk.disclosure.selectors import (
    document_get_public,
    document_ids_published,
    document_latest_public_version,
)
from civicdesk.search.documents import Kind, SearchDocument
from civicdesk.search.registry import SearchProvider, register, register_facet_labels
from civicdesk.search.services import search_reindex_later
from civicdesk.website.base import PAGE_SEARCH_SOURCE

SOURCE = "document"
LANGUAGES = ("zh-hant", "en")

# Our services schedule their own reindex; the signals cover Wagtail's paths that bypass them
# (scheduled publishing, the admin's unpublish and revert), without scheduling it twice.
_reindex_muted: ContextVar[bool] = ContextVar("disclosure_reindex_muted", default=False)


@contextmanager
def signal_reindex_muted() -> Iterator[None]:
    token = _reindex_muted.set(True)
    try:
        yield
    finally:
        _reindex_muted.reset(token)


def document_search_documents(object_id: str) -> list[SearchDocument]:
    """A published document in both languages; nothing for drafts or deleted documents."""
    try:
        pk = int(object_id)
    except ValueError:
        return []
    document = document_get_public(pk=pk)
    if document is None:
        return []
    latest = document_latest_public_version(document)
    texts: list[str] = []
    seen: set[str] = set()
    for item in latest.files.all() if latest else []:
        # A form's ODF and its PDF copy say the same thing: count the words once.
        key = " ".join(item.text.split())
        if key and key not in seen:
            seen.add(key)
            texts.append(item.text)
    published = document.last_published_at or document.first_published_at
    results = []
    for language in LANGUAGES:
        with translation.override(language):
            url = document.get_absolute_url()
        description = localized(document, "description", language)
        results.append(
            SearchDocument(
                source=SOURCE,
                object_id=str(document.pk),
                language=language,
                kind=Kind.DOCUMENT,
                title=localized(document, "title", language),
                body="\n".join(part for part in [description, *texts] if part),
                url=url,
                updated_on=timezone.localdate(published) if published else None,
                keywords=localized(document, "keywords", language),
                theme=document.theme_code.code if document.theme_code else "",
                cake=document.cake_code.code if document.cake_code else "",
                service=document.service_code.code if document.service_code else "",
                unit=document.owner_unit.code if document.owner_unit else "",
            )
        )
    return results


def document_search_ids() -> list[str]:
    return [str(pk) for pk in document_ids_published()]


def register_document_provider() -> None:
    register(
        SearchProvider(
            source=SOURCE, documents_for=document_search_documents, all_ids=document_search_ids
        )
    )
    register_facet_labels("disclosure_category", category_labels)


def document_reindex_later(document_id: int) -> None:
    """Refresh the document's entries and those of the pages that offer it: a disclosure item
    or a procedure lists its attachments' titles, which change or vanish with the document."""
    from civicdesk.disclosure.models import DisclosureAttachment, ProcedureForm

    search_reindex_later(source=SOURCE, object_id=document_id)
    pages = set(
        DisclosureAttachment.objects.filter(document_id=document_id).values_list(
            "page_id", flat=True
        )
    ) | set(ProcedureForm.objects.filter(document_id=document_id).values_list("page_id", flat=True))
    for page_id in sorted(pages):
        search_reindex_later(source=PAGE_SEARCH_SOURCE, object_id=page_id)


def reindex_document(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not _reindex_muted.get():
        document_reindex_later(instance.pk)
