"""Every public GET address of the site in both languages, built from the demo plant, with the
status it answers: the walks of the HEAD and page-chrome tests read it, and a test checks that
it leaves out no public route."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page

from civicdesk.disclosure.selectors import document_latest_public_version, document_list_public
from civicdesk.faq.selectors import faq_index_get

LANGUAGES = ("zh-hant", "en")
# Routes no anonymous GET reaches with content of its own: the admin, and Wagtail's forms for
# password-protected pages and documents (the demo protects none).
NOT_PUBLIC = ("admin/", "django-admin/")
NOT_WALKED = {
    "cases:reopen",  # POST only: its GET answers 405 (asserted in the cases tests)
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
}


@dataclass(frozen=True)
class Address:
    url: str
    status: int
    language: str
    is_screen: bool = True  # an HTML screen in the site chrome (base.html)


def _language_routes(language: str, *, tracked: str | None) -> list[Address]:
    document = document_list_public().first()
    assert document is not None
    version = document_latest_public_version(document)
    assert version is not None
    file = version.files.all()[0]
    index = faq_index_get(language=language)
    assert index is not None
    untracked = "11501010001"
    with translation.override(language):
        case_routes = [
            Address(reverse("cases:start"), 200, language),
            Address(reverse("cases:new"), 200, language),
            Address(reverse("cases:mailbox"), 200, language),
            Address(reverse("cases:sent"), 200, language),
            Address(reverse("cases:confirm", kwargs={"token": "not-a-token"}), 200, language),
            Address(reverse("cases:track"), 200, language),
            Address(reverse("cases:survey_entry"), 302, language, is_screen=False),
            Address(reverse("cases:status", kwargs={"number": untracked}), 302, language, False),
            Address(reverse("cases:survey", kwargs={"number": untracked}), 302, language, False),
        ]
        if tracked:
            case_routes += [
                Address(reverse("cases:status", kwargs={"number": tracked}), 200, language),
                Address(reverse("cases:survey", kwargs={"number": tracked}), 200, language),
            ]
        return [
            *case_routes,
            Address(reverse("search:results"), 200, language),
            Address(reverse("search:results") + "?q=回收", 200, language),
            Address(reverse("search:browse"), 200, language),
            Address(reverse("disclosure:documents"), 200, language),
            Address(document.get_absolute_url(), 200, language),
            Address(file.get_absolute_url(), 200, language, is_screen=False),
            Address(reverse("feeds:updates_feed"), 200, language, is_screen=False),
            Address(reverse("text_size") + "?size=large&next=/", 302, language, is_screen=False),
            Address(
                (index.url or "") + index.reverse_subpage("suggest") + "?text=臭味",
                200,
                language,
                is_screen=False,
            ),
            Address(("/en" if language == "en" else "") + "/no-such-page/", 404, language),
        ]


def public_addresses(*, tracked: str | None = None) -> list[Address]:
    """The addresses in both languages; `tracked`: the number of a case this client tracks,
    whose status and survey screens are then walked as well."""
    addresses = [
        Address("/robots.txt", 200, "zh-hant", is_screen=False),
        Address("/sitemap.xml", 200, "zh-hant", is_screen=False),
        Address("/catalogue.json", 200, "zh-hant", is_screen=False),
        Address("/catalogue.jsonld", 200, "zh-hant", is_screen=False),
        Address("/healthz", 200, "zh-hant", is_screen=False),
        Address("/readyz", 200, "zh-hant", is_screen=False),
        Address("/_util/login/", 200, "zh-hant", is_screen=False),
    ]
    for document in get_document_model().objects.order_by("pk")[:1]:
        addresses.append(Address(document.url, 200, "zh-hant", is_screen=False))
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        language = page.locale.language_code
        addresses.append(Address(page.get_url() or "", 200, language))
    for language in LANGUAGES:
        addresses += _language_routes(language, tracked=tracked)
    return addresses


def _route_names(patterns: list[URLPattern | URLResolver], prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(NOT_PUBLIC):
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _route_names(pattern.url_patterns, namespace)
        elif pattern.name:
            names.add(prefix + pattern.name)
    return names


def public_route_names() -> set[str]:
    """Every named public route, less those no anonymous GET reaches."""
    return _route_names(get_resolver().url_patterns) - NOT_WALKED


def route_name(address: Address) -> str:
    with translation.override(address.language):
        return resolve(address.url.split("?")[0]).view_name
