"""Admin hooks of the public website: the accessibility-label reminder, the freshness report."""

from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from civicdesk.core.menu import PermissionMenuItem
from civicdesk.website import admin_urls
from civicdesk.website.admin_views import PERMISSION as FRESHNESS_PERMISSION
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


@hooks.register("register_admin_urls")
def register_freshness_urls() -> list[Any]:
    return [path("freshness/", include(admin_urls, namespace="website_admin"))]


@hooks.register("register_reports_menu_item")
def register_freshness_menu() -> MenuItem:
    return PermissionMenuItem(
        _("Freshness report"),
        reverse("website_admin:freshness"),
        icon_name="time",
        order=50,
        permission=FRESHNESS_PERMISSION,
    )
