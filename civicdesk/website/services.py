"""Writes of the public website app: link checks of published pages."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from civicdesk.website.links import (
    LinkResult,
    check_external_many,
    db_links_in,
    hrefs_in,
    is_checkable,
    is_internal,
)
from civicdesk.website.models import LinkCheck


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def page_content(page: Page) -> tuple[str, str]:
    """(rendered HTML, stored source) of the page's rich text and StreamFields."""
    rendered: list[str] = []
    stored: list[str] = []
    for field in page._meta.get_fields():
        value = getattr(page, field.name, None) if hasattr(field, "attname") else None
        if value is None:
            continue
        if isinstance(field, StreamField):
            rendered.append(str(value.render_as_block()))
            stored.extend(_strings(value.get_prep_value()))
        elif isinstance(field, RichTextField):
            from wagtail.rich_text import expand_db_html

            rendered.append(expand_db_html(value))
            stored.append(value)
    return "\n".join(rendered), "\n".join(stored)


def _check_stored(kind: str, pk: int) -> LinkResult:
    if kind == "page":
        target = Page.objects.filter(pk=pk).first()
        if target is None:
            return LinkResult(f"page:{pk}", None, "the linked page was deleted")
        if not target.live:
            return LinkResult(target.url or f"page:{pk}", None, "the linked page is unpublished")
        return LinkResult(target.url or f"page:{pk}", 200)
    exists = get_document_model().objects.filter(pk=pk).exists()
    return LinkResult(f"document:{pk}", 200 if exists else None, "" if exists else "deleted")


def _check_internal(paths: list[str], host: str) -> list[LinkResult]:
    client = Client(raise_request_exception=False, HTTP_HOST=host)
    results = []
    for path in paths:
        response = client.get(path)
        results.append(LinkResult(path, response.status_code))
    return results


def page_links_check(*, page_id: int, timeout: float | None = None) -> list[LinkCheck]:
    """Check every link in a live page's content; replace the page's previous results.

    The checks run outside any transaction (an external site may take `timeout` seconds);
    only the results are written in one.
    """
    page = Page.objects.filter(pk=page_id).live().first()
    if page is None:
        LinkCheck.objects.filter(page_id=page_id).delete()
        return []
    specific = page.specific
    site = specific.get_site() or Site.objects.filter(is_default_site=True).first()
    host = site.hostname if site else "localhost"
    html, stored = page_content(specific)
    results = [_check_stored(kind, pk) for kind, pk in db_links_in(stored)]
    stored_urls = {result.url for result in results}
    own_hosts = {host, *[h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".")]}
    if site and site.port not in (80, 443):
        own_hosts.add(f"{host}:{site.port}")
    internal, external = [], []
    for href in hrefs_in(html):
        if not is_checkable(href) or href in stored_urls:
            continue
        (internal if is_internal(href, own_hosts) else external).append(href)
    internal_paths = []
    for href in internal:
        parts = urlsplit(href)
        internal_paths.append((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
    results += _check_internal(internal_paths, host)
    results += check_external_many(external, timeout=timeout or settings.WEBSITE_LINK_CHECK_TIMEOUT)
    now = timezone.now()
    checks = [
        LinkCheck(
            page=page,
            url=result.url[:2000],
            is_internal=not result.url.startswith(("http://", "https://")),
            status=result.status,
            error=result.error[:255],
            is_broken=result.is_broken,
            checked_at=now,
        )
        for result in results
    ]
    with transaction.atomic():
        LinkCheck.objects.filter(page_id=page_id).delete()
        LinkCheck.objects.bulk_create(checks)
    return checks


def links_check_all(*, timeout: float | None = None) -> int:
    """Check every live page; return how many links are broken."""
    broken = 0
    for pk in Page.objects.live().public().values_list("pk", flat=True):
        broken += sum(check.is_broken for check in page_links_check(page_id=pk, timeout=timeout))
    LinkCheck.objects.exclude(page__live=True).delete()
    return broken


def links_check_all_later() -> None:
    """Check every live page's links in the background; the staff screen does not wait."""
    from civicdesk.website.tasks import links_check_all_task  # the task module imports this one

    links_check_all_task.enqueue()
