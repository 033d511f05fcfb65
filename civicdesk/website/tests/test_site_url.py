"""Every absolute URL the site writes is on SITE_BASE_URL, whatever host served the request and
whatever Wagtail's Site record says (`localhost` in the demo)."""

import re

import pytest
from django.core.cache import cache
from django.utils import translation

from civicdesk.disclosure.selectors import document_list_public

pytestmark = pytest.mark.django_db

BASE = "https://civicdesk.example.gov.tw"  # SITE_BASE_URL of the test settings
OTHER_HOST = "127.0.0.1:8000"  # allowed by the test settings, and not the base's host
META_URL = re.compile(r'<meta name="([\w.]+)" content="(https?://[^"]*)">')


@pytest.fixture(autouse=True)
def fresh_cache():
    """robots.txt is cached per address: each test reads it afresh."""
    cache.clear()
    yield
    cache.clear()


def test_the_test_settings_base_is_not_a_request_host(settings):
    assert settings.SITE_BASE_URL == BASE
    assert OTHER_HOST in settings.ALLOWED_HOSTS or "127.0.0.1" in settings.ALLOWED_HOSTS


@pytest.mark.parametrize("host", ["testserver", OTHER_HOST])
def test_sitemap_locations_are_on_the_base(client, host):
    body = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert len(locations) >= 28
    assert [loc for loc in locations if not loc.startswith(BASE + "/")] == []
    assert f"<loc>{BASE}/en/</loc>" in body


@pytest.mark.parametrize("host", ["testserver", OTHER_HOST])
def test_robots_points_to_the_sitemap_on_the_base(client, host):
    body = client.get("/robots.txt", HTTP_HOST=host).content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml\n" in body


def meta_urls(html):
    return dict(META_URL.findall(html))


@pytest.mark.parametrize("path", ["/about/", "/en/about/"])
def test_page_metadata_urls_are_on_the_base(client, path):
    urls = meta_urls(client.get(path, HTTP_HOST=OTHER_HOST).content.decode())
    assert urls["DC.Source"] == BASE + path
    assert {"DC.Source", "DC.Relation", "DC.Rights"} <= set(urls)
    assert all(url.startswith(BASE + "/") for url in urls.values()), urls


@pytest.mark.parametrize("path", ["/search/", "/en/downloads/", "/en/petitions/new/"])
def test_screen_metadata_urls_are_on_the_base(client, path):
    urls = meta_urls(client.get(path, HTTP_HOST=OTHER_HOST).content.decode())
    assert urls["DC.Source"] == BASE + path
    assert urls["DC.Relation"].startswith(BASE + "/")
    assert all(url.startswith(BASE + "/") for url in urls.values()), urls


def test_document_metadata_urls_are_on_the_base(client):
    document = document_list_public().first()
    with translation.override("zh-hant"):
        path = document.get_absolute_url()
    urls = meta_urls(client.get(path, HTTP_HOST=OTHER_HOST).content.decode())
    assert urls["DC.Source"] == BASE + path
    assert all(url.startswith(BASE + "/") for url in urls.values()), urls
