from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from civicdesk.cases import admin_urls


class CasesMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("cases.view_case"))


@hooks.register("register_admin_urls")
def register_case_urls() -> list[Any]:
    return [path("petitions/", include(admin_urls, namespace="cases_admin"))]


@hooks.register("register_admin_menu_item")
def register_case_menu() -> MenuItem:
    return CasesMenuItem(_("Petitions"), reverse("cases_admin:index"), icon_name="mail", order=100)
