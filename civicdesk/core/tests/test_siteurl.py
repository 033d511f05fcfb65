import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from civicdesk.core.siteurl import absolute_url, check_site_base_url, site_base_url


@pytest.mark.parametrize(
    ("configured", "base"),
    [
        ("https://www.example.gov.tw", "https://www.example.gov.tw"),
        ("https://www.example.gov.tw/", "https://www.example.gov.tw"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ],
)
def test_the_base_has_no_trailing_slash(settings, configured, base):
    settings.SITE_BASE_URL = configured
    assert site_base_url() == base
    assert check_site_base_url() == []


@pytest.mark.parametrize(
    "configured", ["", "www.example.gov.tw", "ftp://example.gov.tw", "https://x.gov.tw/site"]
)
def test_a_base_that_is_not_an_origin_is_refused(settings, configured):
    settings.SITE_BASE_URL = configured
    with pytest.raises(ImproperlyConfigured, match="SITE_BASE_URL"):
        site_base_url()
    (error,) = check_site_base_url()
    assert error.id == "civicdesk.E001"


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("/", "https://www.example.gov.tw/"),
        ("/en/about/", "https://www.example.gov.tw/en/about/"),
        ("downloads/3/v1.pdf", "https://www.example.gov.tw/downloads/3/v1.pdf"),
        ("/search/?q=回收", "https://www.example.gov.tw/search/?q=回收"),
        ("https://law.moj.gov.tw/", "https://law.moj.gov.tw/"),
        ("//cdn.example/x", "//cdn.example/x"),
    ],
)
def test_absolute_url_puts_paths_on_the_base(settings, path, url):
    settings.SITE_BASE_URL = "https://www.example.gov.tw/"
    assert absolute_url(path) == url


def test_the_setting_is_read_on_every_call(settings):
    settings.SITE_BASE_URL = "https://a.example.gov.tw"
    assert absolute_url("/") == "https://a.example.gov.tw/"
    settings.SITE_BASE_URL = "https://b.example.gov.tw"
    assert absolute_url("/") == "https://b.example.gov.tw/"


def production_settings(**environ):
    env = {
        **{k: v for k, v in os.environ.items() if k != "SITE_BASE_URL"},
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "www.example.gov.tw",
        **environ,
    }
    code = "import config.settings.production as s; print(s.SITE_BASE_URL, s.WAGTAILADMIN_BASE_URL)"
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_needs_the_site_base_url():
    result = production_settings()
    assert result.returncode != 0
    assert "Set the environment variable SITE_BASE_URL." in result.stderr


def test_production_writes_wagtails_urls_on_the_same_base():
    result = production_settings(SITE_BASE_URL="https://www.example.gov.tw")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://www.example.gov.tw"] * 2
