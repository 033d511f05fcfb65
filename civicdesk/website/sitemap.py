"""sitemap.xml over every language tree of the site (Wagtail's own covers only the default one)."""

from typing import Any

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    def items(self) -> Any:
        root = self.get_wagtail_site().root_page
        paths = [p.path for p in root.get_translations(inclusive=True)]
        query = Page.objects.none()
        for path in paths:
            query = query | Page.objects.filter(path__startswith=path)
        return query.live().public().order_by("path").defer_streamfields().specific()
