"""What surrounds every public page: agency, menu, language links, text size, metadata defaults."""

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.core.i18n import is_english, language_tag, localized
from civicdesk.core.siteurl import absolute_url, page_url
from civicdesk.metadata.dublincore import Metadata
from civicdesk.website.base import ClassifiedPage
from civicdesk.website.models import SiteChrome

if TYPE_CHECKING:
    from civicdesk.accounts.models import Agency

TEXT_SIZES = ("small", "medium", "large")
TEXT_SIZE_COOKIE = "textsize"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    label: str
    tag: str
    url: str  # where the language switch goes
    is_current: bool
    alternate: str = ""  # the same content in this language, absolute; "" when there is none


def text_size(request: HttpRequest) -> str:
    size = request.COOKIES.get(TEXT_SIZE_COOKIE, "medium")
    return size if size in TEXT_SIZES else "medium"


def language_links(request: HttpRequest, page: Page | None) -> list[LanguageLink]:
    """Links to this page in each language: the translated page, or the same route."""
    current = translation.get_language() or "zh-hant"
    translations: dict[str, Page] = {}
    if page is not None:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    links = []
    for code, label in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request) or "/"
            alternate = page_url(translations[code], request)
        elif page is not None:
            # No translation of this page: send the reader to the home page in that language,
            # which is no alternate version of it.
            home = Page.objects.filter(depth=2, locale__language_code=code).first()
            url = home.get_url(request) or "/" if home else translate_url("/", code)
            alternate = ""
        else:
            url = translate_url(request.get_full_path(), code)
            alternate = absolute_url(url)
        links.append(LanguageLink(code, label, language_tag(code), url, code == current, alternate))
    return links


def default_alternate(links: list[LanguageLink]) -> str:
    """`hreflang="x-default"`: the version in the site's default language (zh-Hant), or this
    one when it has none."""
    by_code = {link.code: link.alternate for link in links}
    current = next((link.alternate for link in links if link.is_current), "")
    return by_code.get(settings.LANGUAGE_CODE) or current


def home_page(request: HttpRequest) -> Page | None:
    locale = Locale.get_active()
    return Page.objects.filter(depth=2, locale=locale).live().first()


def menu_pages(home: Page | None) -> list[Page]:
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


def site_updated_on() -> datetime.datetime | None:
    """For screens that are not pages (search, errors): the last time anything was published."""
    return Page.objects.live().aggregate(latest=Max("last_published_at"))["latest"]


def metadata_for_page(page: ClassifiedPage, request: HttpRequest | None = None) -> Metadata:
    """A page's 15 Dublin Core elements, keywords and codes: the agency creates and publishes
    it, its unit contributes, and the site chrome gives coverage and the rights page."""
    agency = agency_get_current()
    chrome = SiteChrome.for_request(request) if request else None
    parent = page.get_parent()
    rights_page = chrome.open_data_page if chrome else None
    published = page.last_published_at or page.latest_revision_created_at
    return Metadata(
        title=page.seo_title or page.title,
        creator=agency.display_name if agency else "",
        subject=localized(page.theme_code, "name") if page.theme_code else "",
        description=page.search_description or page.summary(),
        contributor=page.owner_unit.display_name if page.owner_unit else "",
        type=str(page.specific_class._meta.verbose_name) if page.specific_class else "",
        format="text/html",
        source=page_url(page, request),
        language=language_tag(page.locale.language_code),
        coverage=localized(chrome, "coverage") if chrome else "",
        publisher=agency.display_name if agency else "",
        date=published.date() if published else None,
        identifier=agency.code if agency else "",
        relation=page_url(parent, request) if parent and parent.depth > 1 else "",
        rights=page_url(rights_page.localized, request) if rights_page else "",
        keywords=page.keywords,
        theme=page.theme_code.code if page.theme_code else "",
        cake=page.cake_code.code if page.cake_code else "",
        service=page.service_code.code if page.service_code else "",
    )


def screen_metadata(request: HttpRequest, title: str, description: str = "") -> Metadata | None:
    """Metadata for a screen that is not a page (search, errors): the home page's
    classification and agency data, with this screen's title, description, address and date
    (the home page's description when the screen has none)."""
    home = home_page(request)
    if home is None:
        return None
    base = metadata_for_page(home.specific, request)
    updated = site_updated_on()
    return replace(
        base,
        title=title,
        description=description or base.description,
        type="text",
        source=absolute_url(request.path),
        relation=page_url(home, request),
        date=updated.date() if updated else None,
    )


def agency_heading(agency: "Agency | None") -> dict[str, str]:
    """The agency's name as the header shows it: its own short name, with the supervising
    agency on a line beneath (the full English name takes five lines on a phone). Without a
    short name in this language, the full name alone."""
    if agency is None:
        return {"agency_title": "civicdesk", "agency_parent": ""}
    short = agency.short_name_en if is_english() else agency.short_name
    if not short:
        return {"agency_title": localized(agency, "name"), "agency_parent": ""}
    return {"agency_title": short, "agency_parent": localized(agency, "parent_name")}


def chrome_context(request: HttpRequest, page: Page | None) -> dict[str, Any]:
    agency = agency_get_current()
    home = home_page(request)
    links = language_links(request, page)
    return {
        "agency": agency,
        "agency_name": localized(agency, "name") if agency else "civicdesk",
        **agency_heading(agency),
        "home_page": home,
        "menu_pages": menu_pages(home),
        "language_links": links,
        "default_alternate": default_alternate(links),
        "lang_tag": language_tag(),
        "text_size": text_size(request),
        "text_sizes": TEXT_SIZES,
        "updated_on": page.updated_on if page is not None else site_updated_on(),
    }
