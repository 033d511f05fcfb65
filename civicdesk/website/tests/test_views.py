import re

import pytest
from django.test import RequestFactory

from civicdesk.website.views import server_error

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: https://civicdesk.example.gov.tw/sitemap.xml" in body


def test_sitemap_lists_both_languages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    english = [loc for loc in locations if "/en/" in loc]
    chinese = [loc for loc in locations if "/en/" not in loc]
    assert len(english) == len(chinese) >= 14


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [("/no-such-page/", "zh-Hant-TW", "找不到網頁"), ("/en/no-such-page/", "en", "Page not found")],
)
def test_friendly_404_in_each_language(client, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert 'accesskey="C"' in html  # the full page chrome, not a bare error
    assert 'name="DC.Identifier" content="DEMO39705"' in html


def test_500_page_is_bilingual_and_needs_no_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "系統暫時無法服務" in html
    assert "Service temporarily unavailable" in html
    assert 'lang="en"' in html


def test_text_size_sets_a_cookie_and_returns(client):
    response = client.get("/text-size/", {"size": "large", "next": "/en/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"
    assert response.cookies["textsize"].value == "large"
    assert 'class="text-large"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_text_size_never_redirects_off_site(client, target):
    response = client.get("/text-size/", {"size": "small", "next": target})
    assert response["Location"] == "/"


def test_text_size_ignores_unknown_sizes(client):
    response = client.get("/text-size/", {"size": "enormous", "next": "/"})
    assert "textsize" not in response.cookies
    client.cookies["textsize"] = "enormous"
    assert 'class="text-medium"' in client.get("/").content.decode()


def test_csp_header_on_public_pages(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
