"""RSS 2.0 feed of new and updated items, one per language, read from the site search index
(which holds exactly what is published, whatever app it comes from). Its links are absolute on
SITE_BASE_URL, so Django's syndication framework does not prefix the request's host."""

import datetime
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.core.i18n import is_english, localized
from civicdesk.core.siteurl import absolute_url
from civicdesk.search.documents import KIND_LABELS
from civicdesk.search.selectors import search_entries_recent

if TYPE_CHECKING:
    from civicdesk.search.models import SearchEntry

FEED_SIZE = 50
SUMMARY_LENGTH = 300


class UpdatesFeed(Feed["SearchEntry", str]):
    """`language` is left unset: Django then writes the active language (zh-hant or en)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> str:
        return "en" if is_english() else "zh-hant"

    def title(self) -> str:
        agency = agency_get_current()
        name = localized(agency, "name") if agency else "civicdesk"
        return _("%(agency)s: new and updated") % {"agency": name}

    def description(self) -> str:
        return _("Disclosed information, documents, forms, procedures and pages, newest first.")

    def link(self) -> str:
        return absolute_url(reverse("search:results"))

    def feed_url(self) -> str:
        return absolute_url(reverse("feeds:updates_feed"))

    def items(self, language: str) -> "list[SearchEntry]":
        return search_entries_recent(language=language, limit=FEED_SIZE)

    def item_title(self, item: "SearchEntry") -> str:
        return item.title

    def item_description(self, item: "SearchEntry") -> str:
        summary = " ".join(item.body.split())
        if len(summary) > SUMMARY_LENGTH:
            summary = summary[:SUMMARY_LENGTH] + "…"
        return summary

    def item_link(self, item: "SearchEntry") -> str:
        return absolute_url(item.url)

    def item_guid(self, item: "SearchEntry") -> str:
        return f"{item.source}:{item.object_id}:{item.language}:{item.updated_on}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: "SearchEntry") -> datetime.datetime | None:
        if item.updated_on is None:
            return None
        midnight = datetime.datetime.combine(item.updated_on, datetime.time())
        return timezone.make_aware(midnight)

    def item_categories(self, item: "SearchEntry") -> list[str]:
        label = KIND_LABELS.get(item.kind)
        return [str(label)] if label else []
