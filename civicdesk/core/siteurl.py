"""The site's public address (`SITE_BASE_URL`), the start of every absolute URL civicdesk writes.

Sitemaps, feeds, catalogues, hreflang links, metadata and mails never take their host from the
request (whatever name or proxy it came through) nor from Wagtail's `Site` record (`localhost`
in a fresh install): harvesters and search engines must see one host. civicdesk serves one site.
"""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from wagtail.models import Page


def site_base_url() -> str:
    """`https://www.example.gov.tw`: scheme, host and port, without a trailing slash."""
    base = str(settings.SITE_BASE_URL).rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise ImproperlyConfigured(
            f"SITE_BASE_URL must be the site's address, like https://www.example.gov.tw, "
            f"not {base!r}."
        )
    return base


def absolute_url(path: str) -> str:
    """`/en/about/` → `https://www.example.gov.tw/en/about/`. An address that already names a
    host (a link to another site) is returned unchanged."""
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        return path
    return site_base_url() + "/" + path.lstrip("/")


def page_url(page: Page, request: HttpRequest | None = None) -> str:
    """A Wagtail page's absolute address; "" for a page outside the site's tree."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    return absolute_url(parts[2])


def check_site_base_url(**kwargs: Any) -> list[checks.CheckMessage]:
    """System check: a mistyped SITE_BASE_URL stops `check --deploy` and start-up."""
    try:
        site_base_url()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="civicdesk.E001")]
    return []
