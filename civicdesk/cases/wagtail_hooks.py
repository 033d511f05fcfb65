from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from civicdesk.cases.hooks import petitions_menu
from civicdesk.cases.models import AccessPurpose, Case
from civicdesk.cases.permissions import can_see_identity
from civicdesk.cases.selectors import personal_data_access_log
from civicdesk.cases.staff import urls as staff_urls
from civicdesk.cases.staff.viewsets import (
    access_log_viewset,
    category_viewset,
    reply_template_viewset,
)
from civicdesk.core.menu import PermissionMenuItem
from civicdesk.notifications.models import OutboundMail
from civicdesk.notifications.staff.viewsets import BODY_READ_HOOK


class CasesSubmenu(SubmenuMenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("cases.view_case"))


@hooks.register("register_admin_urls")
def register_case_urls() -> list[Any]:
    return [path("petitions/", include(staff_urls, namespace="cases_admin"))]


@hooks.register("register_admin_viewset")
def register_case_viewsets() -> list[Any]:
    return [category_viewset, reply_template_viewset, access_log_viewset]


@hooks.register(BODY_READ_HOOK)
def log_mail_reading(*, user: Any, mail: OutboundMail) -> None:
    """Reading a case's mail reads the petitioner's data: it goes into the case's access log."""
    case = Case.objects.filter(number=mail.reference).first() if mail.reference else None
    if case is not None:
        personal_data_access_log(
            user,
            case,
            purpose=AccessPurpose.OUTBOUND_MAIL,
            was_redacted=not can_see_identity(user, case),
        )


@hooks.register("register_admin_menu_item")
def register_case_menu() -> MenuItem:
    items = [
        PermissionMenuItem(
            _("Petitions"),
            reverse("cases_admin:index"),
            icon_name="mail",
            order=10,
            permission="cases.view_case",
        ),
        PermissionMenuItem(
            _("Record a petition"),
            reverse("cases_admin:record"),
            icon_name="plus",
            order=20,
            permission="cases.add_case",
        ),
        PermissionMenuItem(
            _("Statistics"),
            reverse("cases_admin:statistics"),
            icon_name="table",
            order=30,
            permission="cases.view_statistics",
        ),
        PermissionMenuItem(
            _("Petition categories"),
            reverse(category_viewset.get_url_name("index")),
            icon_name="tag",
            order=40,
            permission="cases.change_category",
        ),
        PermissionMenuItem(
            _("Reply templates"),
            reverse(reply_template_viewset.get_url_name("index")),
            icon_name="doc-full",
            order=50,
            permission="cases.view_replytemplate",
        ),
        # Apps built on the petitions add theirs (triage's reports), placed by their order.
        *(make_item() for make_item in petitions_menu.entries()),
    ]
    return CasesSubmenu(_("Petitions"), Menu(items=items), icon_name="mail", order=100)
