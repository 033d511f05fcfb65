"""Admin registration of the FAQ: its staff URLs and the helpfulness report in Reports."""

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from civicdesk.core.menu import PermissionMenuItem
from civicdesk.faq.permissions import VIEW_REPORT
from civicdesk.faq.staff import urls as staff_urls


@hooks.register("register_admin_urls")
def register_faq_urls() -> list[Any]:
    return [path("faq/", include(staff_urls, namespace="faq_admin"))]


@hooks.register("register_reports_menu_item")
def register_faq_report_menu() -> MenuItem:
    return PermissionMenuItem(
        _("FAQ helpfulness"),
        reverse("faq_admin:report"),
        icon_name="help",
        order=60,
        permission=VIEW_REPORT,
    )
