"""The site search provider for Wagtail pages, and the signals that keep their entries fresh."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from civicdesk.search.documents import SearchDocument
from civicdesk.search.registry import SearchProvider, register
from civicdesk.search.services import search_reindex_later
from civicdesk.website.base import PAGE_SEARCH_SOURCE, ClassifiedPage


def page_documents(object_id: str) -> list[SearchDocument]:
    """A live, public page's text; nothing for drafts, private or deleted pages."""
    page = Page.objects.filter(pk=object_id).live().public().first()
    if page is None:
        return []
    specific = page.specific
    if not isinstance(specific, ClassifiedPage):
        return []
    published = specific.last_published_at or specific.first_published_at
    facets = specific.search_facets()
    return [
        SearchDocument(
            source=PAGE_SEARCH_SOURCE,
            object_id=str(specific.pk),
            language=specific.locale.language_code,
            kind=specific.search_kind,
            title=specific.title,
            body=specific.search_body(),
            url=specific.get_url() or "",
            updated_on=timezone.localdate(published) if published else None,
            keywords=specific.keywords,
            theme=specific.theme_code.code if specific.theme_code else "",
            cake=specific.cake_code.code if specific.cake_code else "",
            service=specific.service_code.code if specific.service_code else "",
            unit=specific.owner_unit.code if specific.owner_unit else "",
            disclosure_category=facets.get("disclosure_category", ""),
        )
    ]


def page_ids() -> list[str]:
    return [str(pk) for pk in Page.objects.live().public().values_list("pk", flat=True)]


def register_page_provider() -> None:
    register(
        SearchProvider(source=PAGE_SEARCH_SOURCE, documents_for=page_documents, all_ids=page_ids)
    )


def reindex_page(sender: Any, instance: Page, **kwargs: Any) -> None:
    search_reindex_later(source=PAGE_SEARCH_SOURCE, object_id=instance.pk)


def check_links_later(sender: Any, instance: Page, **kwargs: Any) -> None:
    """After publishing, check the page's links in the background; publishing never waits."""
    from civicdesk.website.tasks import page_links_check_task

    if not settings.WEBSITE_CHECK_LINKS_ON_PUBLISH:
        return
    pk = instance.pk
    transaction.on_commit(lambda: page_links_check_task.enqueue(pk), robust=True)


def reindex_moved_pages(sender: Any, instance: Page, **kwargs: Any) -> None:
    # A move changes the URL of the page and of everything under it.
    for pk in Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True):
        search_reindex_later(source=PAGE_SEARCH_SOURCE, object_id=pk)


def forget_deleted_page(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        search_reindex_later(source=PAGE_SEARCH_SOURCE, object_id=instance.pk)


def reindex_restricted_pages(sender: Any, instance: Any, **kwargs: Any) -> None:
    # A view restriction hides the page and everything under it from the public search.
    page = getattr(instance, "page", None)
    if page is not None:
        reindex_moved_pages(sender, page)
