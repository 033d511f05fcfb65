"""A form past the size limit (413) and a failed CSRF check (403) get the site's own page, in
the language of the address, saying what happened and how to get back to what was typed."""

import re

import pytest
from django.conf import settings
from django.test import Client

from civicdesk.cases.models import Case, Category

pytestmark = pytest.mark.django_db

LANG_TAGS = {"zh-hant": "zh-Hant-TW", "en": "en"}
PREFIX = {"zh-hant": "", "en": "/en"}
TOO_BIG = {
    "zh-hant": ("表單內容過多，無法送出", "請縮短較長的文字"),
    "en": ("Your form was too large to send", "Shorten the longest texts."),
}
CSRF = {
    "zh-hant": ("表單無法送出", "為保障您的安全"),
    "en": ("Your form could not be sent", "For your security"),
}
MARKER = "Smell near the plant, typed by the citizen"


def petition(field_size=0):
    """The petition form's fields; `field_size` characters in every text field."""
    long = "臭" * field_size
    return {
        "category": str(Category.objects.get(code="noise").pk),
        "subject": MARKER + long,
        "content": "Every evening there is a strong smell." + long,
        "location": long,
        "name": "Mei-hua Lin" + long,
        "email": "citizen@example.com",
        "address": long,
        "consent": "on",
        "website": "",
    }


def token_of(client, path):
    """The CSRF token of the form's page, as a browser would send it back."""
    html = client.get(path).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match
    return match.group(1)


def assert_site_page(response, lang, status, heading, explanation):
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{LANG_TAGS[lang]}">' in html
    assert 'accesskey="C"' in html  # the whole site chrome, not a bare error
    assert f"<h1>{heading}</h1>" in html
    assert explanation in html
    assert "data-history-back" in html
    return html


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_a_form_past_the_size_limit_gets_the_sites_413_page(lang):
    # 200,000 characters in every text field: past DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
    data = petition(field_size=200_000)
    assert sum(len(v.encode()) for v in data.values()) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    client = Client(enforce_csrf_checks=True)
    path = f"{PREFIX[lang]}/petitions/new/"
    data["csrfmiddlewaretoken"] = token_of(client, path)
    before = Case.objects.count()

    response = client.post(path, data, HTTP_REFERER=f"http://testserver{path}")

    html = assert_site_page(response, lang, 413, *TOO_BIG[lang])
    assert "2.5\xa0MB" in html  # the limit, stated
    assert f'href="http://testserver{path}" data-history-back' in html
    assert MARKER not in html
    assert Case.objects.count() == before


def test_the_413_page_comes_without_csrf_enforcement_too(client):
    """The limit is hit wherever the body is first read: the CSRF check or the view."""
    response = client.post("/en/petitions/new/", petition(field_size=200_000))
    assert_site_page(response, "en", 413, *TOO_BIG["en"])


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
@pytest.mark.parametrize("token", ["missing", "wrong"])
def test_a_failed_csrf_check_gets_the_sites_403_page(lang, token):
    client = Client(enforce_csrf_checks=True)
    path = f"{PREFIX[lang]}/petitions/new/"
    data = petition()
    if token == "wrong":
        token_of(client, path)  # the cookie is set, the form's token is not its own
        data["csrfmiddlewaretoken"] = "x" * 64
    before = Case.objects.count()

    response = client.post(path, data, HTTP_REFERER=f"http://testserver{path}")

    html = assert_site_page(response, lang, 403, *CSRF[lang])
    assert f'href="http://testserver{path}" data-history-back' in html
    # A failed-CSRF POST may come from another site: nothing of it is shown again.
    assert MARKER not in html
    assert 'name="subject"' not in html
    assert Case.objects.count() == before


@pytest.mark.parametrize(
    ("referrer", "back"),
    [
        ("https://evil.example/form/", "/en/"),
        ("", "/en/"),
        ("http://testserver/en/petitions/track/", "http://testserver/en/petitions/track/"),
    ],
)
def test_go_back_leads_only_to_our_own_pages(referrer, back):
    client = Client(enforce_csrf_checks=True)
    headers = {"HTTP_REFERER": referrer} if referrer else {}
    response = client.post("/en/petitions/track/", {"number": "1"}, **headers)
    assert response.status_code == 403
    assert f'href="{back}" data-history-back' in response.content.decode()


def test_other_bad_requests_get_the_static_bilingual_page(client):
    """A host not ours: the page names no host and needs no site chrome."""
    response = client.get("/en/petitions/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "無法處理此要求" in html
    assert "The request could not be handled" in html
    assert "evil.example" not in html


def test_the_petition_form_states_its_limits_up_front(client):
    html = client.get("/en/petitions/new/").content.decode()
    assert 'maxlength="5000"' in html
    assert 'maxlength="200"' in html
    assert "Up to 3 files of at most 2.0\xa0MB each" in html
