"""Every public screen, in both languages, tells search engines about its other language with
absolute hreflang alternates (zh-Hant-TW, en, x-default → Chinese) and describes itself with a
non-empty `<meta name="description">`."""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from civicdesk.accounts.models import Unit
from civicdesk.cases.models import Category, Channel
from civicdesk.cases.services import handling
from civicdesk.cases.services.intake import PetitionInput, case_record, case_submit
from civicdesk.website.tests.public_urls import public_addresses
from civicdesk.website.views import bad_request, server_error

pytestmark = pytest.mark.django_db

BASE = "https://civicdesk.example.gov.tw"  # SITE_BASE_URL of the test settings
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">')
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached views: no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


def petition(**overrides):
    values = {
        "category": Category.objects.get(code="odour"),
        "subject": "焚化廠附近臭味",
        "content": "每天傍晚在大中一路聞到很重的垃圾臭味，請改善。",
        "name": "林美華",
        "email": "citizen@example.com",
    }
    return PetitionInput(**{**values, **overrides})


@pytest.fixture
def closed_case():
    """A petition answered and closed today, so its survey is open."""
    users = {u.username: u for u in get_user_model().objects.all()}
    case, credentials = case_record(
        data=petition(), channel=Channel.PHONE, recorded_by=users["coordinator"]
    )
    case = handling.case_assign(
        case=case,
        actor=users["coordinator"],
        unit=Unit.objects.get(code="operations"),
        officer=users["officer"],
    )
    handling.case_start(case=case, actor=users["officer"])
    handling.case_draft_reply(
        case=case,
        actor=users["officer"],
        body="已加強貯坑負壓管理，並增加巡查。",
        legal_basis="廢棄物清理法第36條",
        method="email",
    )
    handling.case_approve_reply(case=case, actor=users["unithead"])
    handling.case_send_reply(case=case, actor=users["officer"])
    case.refresh_from_db()
    return case, credentials.password


def head_of(response):
    text = response.content.decode()
    return text[: text.index("</head>")]


def problems_of(url, response):
    head = head_of(response)
    alternates = {lang: html.unescape(href) for lang, href in ALTERNATE.findall(head)}
    found = []
    if set(alternates) != {"zh-Hant-TW", "en", "x-default"}:
        found.append(f"hreflang {sorted(alternates)}")
    if any(not href.startswith(BASE + "/") for href in alternates.values()):
        found.append(f"relative or foreign alternates {alternates}")
    if alternates.get("x-default") != alternates.get("zh-Hant-TW"):
        found.append("x-default is not the Chinese version")
    if len(DESCRIPTION.findall(head)) != 1 or not DESCRIPTION.search(head).group(1).strip():
        found.append("no meta description")
    return [(url, problem) for problem in found]


def test_every_public_screen_has_absolute_alternates_and_a_description(client, closed_case):
    case, password = closed_case
    for language in ("zh-hant", "en"):
        with translation.override(language):
            track = reverse("cases:track")
        assert client.post(track, {"number": case.number, "password": password}).status_code == 302
    screens = [a for a in public_addresses(tracked=case.number) if a.is_screen]
    assert len(screens) > 60
    problems = []
    for address in screens:
        response = client.get(address.url)
        assert response.status_code == address.status, address.url
        problems += problems_of(address.url, response)
        alternates = dict(ALTERNATE.findall(head_of(response)))
        language_tag = "en" if address.language == "en" else "zh-Hant-TW"
        if alternates.get(language_tag, "").split("?")[0] != BASE + address.url.split("?")[0]:
            problems.append((address.url, f"its own alternate is {alternates.get(language_tag)}"))
    assert problems == []


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_the_confirmed_petition_screen_too(client, language):
    _case, token = case_submit(data=petition(language=language))
    with translation.override(language):
        url = reverse("cases:confirm", kwargs={"token": token})
    response = client.post(url)
    assert response.status_code == 200
    assert "credentials" in response.content.decode()
    assert problems_of(url, response) == []


@pytest.mark.parametrize(
    ("path", "other"),
    [("/about/", f"{BASE}/en/about/"), ("/en/about/", f"{BASE}/about/")],
)
def test_a_page_names_its_translation_as_alternate(client, path, other):
    head = head_of(client.get(path))
    alternates = dict(ALTERNATE.findall(head))
    assert other in alternates.values()
    assert alternates["x-default"] == f"{BASE}/about/"


def test_descriptions_are_translated(client):
    chinese = DESCRIPTION.search(head_of(client.get("/petitions/new/"))).group(1)
    english = DESCRIPTION.search(head_of(client.get("/en/petitions/new/"))).group(1)
    assert chinese != english
    assert re.search(r"[\u4e00-\u9fff]", chinese)
    assert english.startswith("Send a petition")


def test_a_page_without_a_written_description_is_described_by_its_text(client):
    from civicdesk.faq.models import FaqPage

    page = FaqPage.objects.live().filter(search_description="").first()
    description = DESCRIPTION.search(head_of(client.get(page.url))).group(1)
    assert description
    assert html.unescape(description)[:10] in " ".join(page.search_body().split())


@pytest.mark.parametrize(
    ("view", "chinese", "english"),
    [
        (server_error, "暫時無法服務", "temporarily unavailable"),
        (bad_request, "無法處理", "nothing was sent"),
    ],
)
def test_the_static_error_pages_are_described_in_both_languages(view, chinese, english):
    """500 and 400 need neither the database nor the host: one bilingual page, no alternates."""
    response = view(RequestFactory().get("/"))
    (description,) = DESCRIPTION.findall(response.content.decode())
    assert chinese in description
    assert english in description


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_failed_form_pages_have_alternates_and_a_description(client, settings, prefix):
    csrf = Client(enforce_csrf_checks=True).post(f"{prefix}/petitions/track/", {"number": "1"})
    assert csrf.status_code == 403
    assert problems_of("403", csrf) == []
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    too_large = client.post(f"{prefix}/petitions/track/", {"number": "1" * 2000})
    assert too_large.status_code == 413
    assert problems_of("413", too_large) == []
