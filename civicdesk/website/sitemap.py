"""sitemap.xml over every language tree of the site (Wagtail's own covers only the default one),
with addresses on SITE_BASE_URL (Wagtail's would take the host of its Site record)."""

from typing import Any

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from civicdesk.core.siteurl import page_url


class BilingualSitemap(Sitemap):
    def items(self) -> Any:
        root = self.get_wagtail_site().root_page
        paths = [p.path for p in root.get_translations(inclusive=True)]
        query = Page.objects.none()
        for path in paths:
            query = query | Page.objects.filter(path__startswith=path)
        return query.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        # Wagtail's version asks each page for its full URL, on the Site record's host.
        items = list(self.paginator.page(page).object_list.iterator())
        urls = [
            {"item": item, "location": page_url(item, self.request), "lastmod": self.lastmod(item)}
            for item in items
        ]
        last_mods = [url["lastmod"] for url in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
