"""Link checks: pure helpers against a loopback HTTP server, the page service, the report."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from wagtail.models import Locale

from civicdesk.website.links import check_external, db_links_in, hrefs_in, is_internal
from civicdesk.website.models import LinkCheck, StandardPage
from civicdesk.website.services import page_links_check


class Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body: bool) -> None:
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path in ("/ok", "/no-head", "/slow"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def web():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_hrefs_and_stored_links_are_found():
    html = '<p><a href="/a/">a</a> <a href="https://x.test/b">b</a> <a href="/a/">again</a></p>'
    assert hrefs_in(html) == ["/a/", "https://x.test/b"]
    stored = '<a linktype="page" id="12">p</a><a id="3" linktype="document">d</a>'
    assert db_links_in(stored) == [("page", 12), ("document", 3)]


def test_internal_is_relative_or_our_own_host():
    assert is_internal("/en/", {"www.plant.gov.tw"})
    assert is_internal("https://www.plant.gov.tw/x/", {"www.plant.gov.tw"})
    assert not is_internal("https://law.moj.gov.tw/", {"www.plant.gov.tw"})


@pytest.mark.parametrize(
    ("path", "status", "broken"),
    [("/ok", 200, False), ("/missing", 404, True), ("/no-head", 200, False)],
)
def test_external_check(web, path, status, broken):
    result = check_external(web + path, timeout=2)
    assert result.status == status
    assert result.is_broken is broken


def test_a_slow_site_times_out_quickly(web):
    started = time.monotonic()
    result = check_external(web + "/slow", timeout=0.3)
    assert time.monotonic() - started < 1.5
    assert result.status is None
    assert result.is_broken


def test_an_unreachable_site_is_broken():
    result = check_external("http://127.0.0.1:9/", timeout=1)
    assert result.is_broken
    assert result.error


def test_only_web_addresses_are_fetched():
    assert check_external("file:///etc/passwd", timeout=1).error == "not a web address"


@pytest.fixture
def page_with_links(db, web):
    zh = Locale.objects.get(language_code="zh-hant")
    parent = StandardPage.objects.filter(locale=zh).live().first()
    gone = StandardPage(title="將刪除", slug="to-delete", live=False)
    parent.add_child(instance=gone)
    gone_id = gone.pk
    gone.delete()
    page = StandardPage(
        title="連結測試",
        slug="link-test",
        theme_code=parent.theme_code,
        cake_code=parent.cake_code,
        service_code=parent.service_code,
        body=[
            (
                "paragraph",
                f'<p><a href="{web}/ok">好</a> <a href="{web}/missing">壞</a> '
                f'<a href="/">首頁</a> <a href="/no-such-page/">無此頁</a> '
                f'<a linktype="page" id="{gone_id}">已刪除</a> <a href="mailto:a@b.tw">信</a></p>',
            )
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_page_links_are_checked_and_results_replaced(page_with_links, web):
    checks = {check.url: check for check in page_links_check(page_id=page_with_links.pk, timeout=2)}
    assert not checks[f"{web}/ok"].is_broken
    assert checks[f"{web}/missing"].status == 404
    assert not checks["/"].is_broken
    assert checks["/no-such-page/"].status == 404
    assert any(url.startswith("page:") and check.is_broken for url, check in checks.items())
    assert not any(url.startswith("mailto:") for url in checks)
    page_links_check(page_id=page_with_links.pk, timeout=2)
    assert LinkCheck.objects.filter(page=page_with_links).count() == len(checks)


def test_an_unpublished_page_loses_its_results(page_with_links):
    page_links_check(page_id=page_with_links.pk, timeout=2)
    page_with_links.unpublish()
    assert page_links_check(page_id=page_with_links.pk) == []
    assert not LinkCheck.objects.filter(page=page_with_links).exists()


@override_settings(WEBSITE_CHECK_LINKS_ON_PUBLISH=True, WEBSITE_LINK_CHECK_TIMEOUT=2)
def test_publishing_checks_the_links_afterwards(
    page_with_links, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page_with_links.save_revision().publish()
    assert LinkCheck.objects.filter(page=page_with_links, is_broken=True).count() == 3
