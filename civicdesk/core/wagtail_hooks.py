from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from civicdesk.core.staff.viewsets import OfficeClosureViewSet


@hooks.register("register_admin_viewset")
def register_office_closures() -> OfficeClosureViewSet:
    return OfficeClosureViewSet("office_closures")


@hooks.register("insert_global_admin_js")
def date_choosers_without_inline_scripts() -> str:
    """Starts Wagtail's date pickers from our widget templates' markers (core.csp)."""
    return format_html(
        '<script src="{}" defer></script>', static("civicdesk/js/admin-date-choosers.js")
    )
