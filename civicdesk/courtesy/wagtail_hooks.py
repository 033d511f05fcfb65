from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from civicdesk.core.menu import SERVICE_QUALITY_MENU_HOOK, PermissionMenuItem
from civicdesk.courtesy.permissions import RUN_ROUNDS, VIEW_RESULTS
from civicdesk.courtesy.staff import urls as staff_urls
from civicdesk.courtesy.staff.viewsets import rubric_viewsets


@hooks.register("register_admin_urls")
def register_courtesy_urls() -> list[Any]:
    return [path("courtesy/", include(staff_urls, namespace="courtesy_admin"))]


@hooks.register("register_admin_viewset")
def register_courtesy_viewsets() -> list[Any]:
    return list(rubric_viewsets)


@hooks.register(SERVICE_QUALITY_MENU_HOOK)
def courtesy_rounds_menu_item() -> PermissionMenuItem:
    return PermissionMenuItem(
        _("Courtesy-test rounds"),
        reverse("courtesy_admin:index"),
        icon_name="mobile-alt",
        order=400,
        permission=VIEW_RESULTS,
    )


@hooks.register(SERVICE_QUALITY_MENU_HOOK)
def courtesy_results_menu_item() -> PermissionMenuItem:
    return PermissionMenuItem(
        _("Courtesy-test results"),
        reverse("courtesy_admin:results"),
        icon_name="table",
        order=410,
        permission=VIEW_RESULTS,
    )


@hooks.register(SERVICE_QUALITY_MENU_HOOK)
def courtesy_rubrics_menu_item() -> PermissionMenuItem:
    return PermissionMenuItem(
        _("Courtesy-test rubrics"),
        reverse("courtesy_admin:rubrics"),
        icon_name="list-ol",
        order=420,
        permission=RUN_ROUNDS,
    )
