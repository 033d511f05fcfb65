"""Admin hooks of the reports: the freshness report's URLs and its item in the Reports menu."""

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from civicdesk.core.menu import PermissionMenuItem
from civicdesk.reports.staff import urls as staff_urls
from civicdesk.reports.staff.views import FRESHNESS_PERMISSION


@hooks.register("register_admin_urls")
def register_freshness_urls() -> list[Any]:
    return [path("freshness/", include(staff_urls, namespace="reports_admin"))]


@hooks.register("register_reports_menu_item")
def register_freshness_menu() -> MenuItem:
    return PermissionMenuItem(
        _("Freshness report"),
        reverse("reports_admin:freshness"),
        icon_name="time",
        order=50,
        permission=FRESHNESS_PERMISSION,
    )
