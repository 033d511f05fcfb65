from typing import Any

from django.urls import include, path
from wagtail import hooks

from civicdesk.triage.staff import urls as staff_urls


@hooks.register("register_admin_urls")
def register_triage_urls() -> list[Any]:
    return [path("triage/", include(staff_urls, namespace="triage_admin"))]
