"""Admin hooks of the public website: the accessibility-label reminder on the dashboard."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from laces.components import Component
from wagtail import hooks
from wagtail.models import Site

from civicdesk.website.label import label_status
from civicdesk.website.models import SiteChrome


class LabelPanel(Component):
    name = "accessibility_label"
    order = 50
    template_name = "website/admin/label_panel.html"

    def __init__(self, chrome: SiteChrome) -> None:
        self.chrome = chrome

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {
            "status": label_status(
                has_label=self.chrome.accessibility_label_id is not None,
                expires=self.chrome.accessibility_label_expires,
                today=timezone.localdate(),
            ),
            "expires": self.chrome.accessibility_label_expires,
        }


@hooks.register("construct_homepage_panels")
def add_label_panel(request: HttpRequest, panels: list[Any]) -> None:
    # Shown to the people who can renew it: those who edit the site chrome settings.
    if not request.user.has_perm("website.change_sitechrome"):
        return
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        panels.append(LabelPanel(SiteChrome.for_site(site)))
