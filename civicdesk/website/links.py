"""Finding and checking the links of published pages (freshness report).

Internal links are answered in-process by the site itself; external ones by a short HTTP
request. Nothing here runs while an editor publishes: a background task calls it afterwards.
"""

import concurrent.futures
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

USER_AGENT = "civicdesk-linkcheck/1.0 (+https://github.com/civicdesk)"
_DB_ANCHOR = re.compile(r"<a\b[^>]*>")
_LINKTYPE = re.compile(r'\blinktype="(page|document)"')
_LINK_ID = re.compile(r'\bid="(\d+)"')


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None  # HTTP status, None when no answer came
    error: str = ""

    @property
    def is_broken(self) -> bool:
        return self.status is None or self.status >= 400


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href.strip())


def hrefs_in(html: str) -> list[str]:
    parser = _Anchors()
    parser.feed(html)
    return list(dict.fromkeys(parser.hrefs))


def db_links_in(source: str) -> list[tuple[str, int]]:
    """Wagtail's stored rich-text links to pages and documents, as (type, id)."""
    links = []
    for anchor in _DB_ANCHOR.findall(source):
        kind, pk = _LINKTYPE.search(anchor), _LINK_ID.search(anchor)
        if kind and pk:
            links.append((kind.group(1), int(pk.group(1))))
    return links


def is_checkable(href: str) -> bool:
    scheme = urlsplit(href).scheme
    return scheme in ("http", "https", "") and not href.startswith("#")


def is_internal(href: str, own_hosts: set[str]) -> bool:
    """Relative, or on one of our own host[:port] names."""
    netloc = urlsplit(href).netloc.lower()
    return not netloc or netloc in own_hosts


def check_external(url: str, *, timeout: float) -> LinkResult:
    """HEAD first (cheap); GET when the server refuses HEAD. Never follows more than
    urllib's redirect limit and never waits longer than `timeout` per request."""
    if urlsplit(url).scheme not in ("http", "https"):
        return LinkResult(url, None, "not a web address")
    for method in ("HEAD", "GET"):
        headers = {"User-Agent": USER_AGENT}
        request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return LinkResult(url, int(response.status))
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return LinkResult(url, int(error.code), str(error.reason))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return LinkResult(url, None, str(reason)[:200])
    return LinkResult(url, None, "no answer")


def check_external_many(urls: list[str], *, timeout: float, workers: int = 8) -> list[LinkResult]:
    if not urls:
        return []
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda url: check_external(url, timeout=timeout), urls))


def absolute(href: str, base: str) -> str:
    return urljoin(base, href)
