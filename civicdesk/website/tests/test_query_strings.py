"""Property: no query string a visitor (or a scanner) sends makes a public screen answer 5xx.

Arbitrary text (NUL and other control characters, any non-surrogate unicode, very long values,
repeated keys) in the parameters each screen reads and in some it does not. A bad value gives
the normal page, ignored or as a form error; on PostgreSQL a NUL reaching a query would be a 500.
"""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from civicdesk.disclosure.models import DisclosureIndexPage
from civicdesk.faq.selectors import faq_index_get

pytestmark = pytest.mark.django_db


def examples(count: int) -> settings:
    """No example database in the working tree; no deadline (a request's time varies with
    the machine's load)."""
    return settings(
        max_examples=count,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


# Screens that read parameters get more examples than those that read none (whose query
# string only varies the cache key: the catalogues are rebuilt for each example).
READING, NOT_READING = examples(40), examples(8)

ANY_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=60)
AWKWARD_VALUES = [
    "\x00",
    "odour\x00",
    "\x00" * 40,
    "1\x00",
    "²",  # a digit to str.isdigit(), not to int()
    "１２",  # full-width digits
    "-1",
    "0",
    "9" * 30,  # past any integer column
    "9" * 5000,
    "a" * 100_000,
    "回收" * 3000,
    "%00",
    "'; DROP TABLE cases_case; --",
    "\ud7ff\ue000\uffff",
    "\u202e\u200b",
    "../../etc/passwd",
    "//evil.example/",
    "\r\nSet-Cookie: x=1",
    "2026-02-30",
    "99999-01-01",
]
AWKWARD = st.sampled_from(AWKWARD_VALUES)
VALUES = st.one_of(ANY_TEXT, AWKWARD, st.from_regex(r"\A[0-9]{1,25}\Z"))


def query_strings(params: list[str]) -> st.SearchStrategy[str]:
    """Pairs of the screen's own parameters and others, keys repeated at will."""
    keys = st.one_of(st.sampled_from([*params, "page"]), ANY_TEXT)
    return st.lists(st.tuples(keys, VALUES), min_size=1, max_size=6).map(urlencode)


def in_language(language: str, path: str) -> str:
    return ("/en" if language == "en" else "") + path


def page_path(page: Page | None) -> str:
    assert page is not None
    return page.url or ""


# Each screen: a function of the language giving its path (built once the demo is loaded), and
# the parameters it reads.
SCREENS = {
    "home": (lambda lang: in_language(lang, "/"), []),
    "petition_start": (lambda lang: in_language(lang, "/petitions/"), []),
    "petition_new": (lambda lang: in_language(lang, "/petitions/new/"), ["category"]),
    "mailbox": (lambda lang: in_language(lang, "/petitions/mailbox/"), ["category"]),
    "track": (lambda lang: in_language(lang, "/petitions/track/"), ["number", "password"]),
    "search": (
        lambda lang: in_language(lang, "/search/"),
        ["q", "kind", "theme", "cake", "service", "unit", "category", "date_from", "date_to"]
        + ["sort"],
    ),
    "browse": (lambda lang: in_language(lang, "/search/browse/"), []),
    "downloads": (
        lambda lang: in_language(lang, "/downloads/"),
        ["kind", "theme", "cake", "service", "unit"],
    ),
    "disclosure_index": (
        lambda lang: page_path(
            DisclosureIndexPage.objects.live().filter(locale__language_code=lang).first()
        ),
        ["category"],
    ),
    "faq_index": (lambda lang: page_path(faq_index_get(language=lang)), ["q", "category"]),
    "faq_suggest": (
        lambda lang: page_path(faq_index_get(language=lang)) + "suggest/",
        ["text", "category"],
    ),
    "feed": (lambda lang: in_language(lang, "/feeds/updates.xml"), []),
    "catalogue_json": (lambda lang: "/catalogue.json", []),
    "catalogue_jsonld": (lambda lang: "/catalogue.jsonld", []),
    "sitemap_xml": (lambda lang: "/sitemap.xml", ["p"]),
    "text_size": (lambda lang: in_language(lang, "/text-size/"), ["next", "size"]),
}


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and cached pages live in the cache: examples start without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("name", list(SCREENS))
def test_no_query_string_makes_a_public_screen_fail(name):
    path_of, params = SCREENS[name]
    paths = {lang: path_of(lang) for lang in ("zh-hant", "en")}

    @(READING if params else NOT_READING)
    @given(language=st.sampled_from(list(paths)), query=query_strings(params))
    def check(language, query):
        cache.clear()
        response = Client().get(f"{paths[language]}?{query}")
        assert response.status_code < 500, (paths[language], query)

    check()


@pytest.mark.parametrize("name", list(SCREENS))
def test_awkward_values_in_every_parameter(name):
    """The values most likely to break a lookup, in every parameter at once (and repeated)."""
    path_of, params = SCREENS[name]
    paths = {lang: path_of(lang) for lang in ("zh-hant", "en")}
    for number, value in enumerate(AWKWARD_VALUES):
        cache.clear()
        language = ("zh-hant", "en")[number % 2]
        query = urlencode([(param, value) for param in [*params, "page"]] * 2)
        response = Client().get(f"{paths[language]}?{query}")
        assert response.status_code < 500, (name, language, value)


POSTED = {
    "track": (lambda lang: in_language(lang, "/petitions/track/"), ["number", "password"]),
    "petition_new": (
        lambda lang: in_language(lang, "/petitions/new/"),
        ["category", "subject", "content", "email", "phone", "questions_for"],
    ),
}


@pytest.mark.parametrize("name", list(POSTED))
def test_no_posted_value_makes_a_public_form_fail(name):
    """The petition form reads its category from the POST as well; tracking reads a number."""
    path_of, fields = POSTED[name]
    paths = {lang: path_of(lang) for lang in ("zh-hant", "en")}

    @READING
    @given(
        language=st.sampled_from(list(paths)),
        data=st.dictionaries(st.sampled_from(fields), VALUES, min_size=1),
    )
    def check(language, data):
        cache.clear()
        response = Client().post(paths[language], data)
        assert response.status_code < 500, (paths[language], data)

    check()
