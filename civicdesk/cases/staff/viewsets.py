"""Model screens of the petition module: categories (the routing unit) and reply templates for
the coordinator; the personal-data access log for the privacy officer."""

from typing import Any

import django_filters
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from civicdesk.cases.models import Category, PersonalDataAccess, ReplyTemplate
from civicdesk.cases.services.categories import (
    category_delete,
    category_save,
    reply_template_delete,
    reply_template_save,
)
from civicdesk.core.staffscreens import ServiceModelViewSet


class CategoryViewSet(ServiceModelViewSet):
    model = Category
    save_service = category_save
    delete_service = category_delete
    icon = "tag"
    menu_label = _("Petition categories")
    add_to_admin_menu = False
    list_display = ["name", "name_en", "unit", "deadline_workdays", "is_active"]
    list_filter = ["unit", "is_active"]
    form_fields = [
        "code",
        "name",
        "name_en",
        "description",
        "description_en",
        "unit",
        "deadline_workdays",
        "duplicate_window_days",
        "extra_questions",
        "is_active",
        "sort_order",
    ]


class ReplyTemplateViewSet(ServiceModelViewSet):
    model = ReplyTemplate
    save_service = reply_template_save
    delete_service = reply_template_delete
    icon = "doc-full"
    menu_label = _("Reply templates")
    add_to_admin_menu = False
    list_display = ["title", "category", "kind", "language"]
    list_filter = ["kind", "language", "category"]
    form_fields = ["category", "kind", "language", "title", "body", "legal_basis"]


category_viewset = CategoryViewSet("petition_categories")
reply_template_viewset = ReplyTemplateViewSet("reply_templates")


class AccessLogFilterSet(WagtailFilterSet):
    at = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget, field_name="at__date"
    )

    class Meta:
        model = PersonalDataAccess
        fields = ["at", "user", "purpose", "was_redacted"]


class AccessLogIndexView(IndexView):
    def as_spreadsheet(self, queryset: Any, spreadsheet_format: str) -> Any:
        # Wagtail streams CSV after the view returns, when the staff member's language is no
        # longer active: the headings would come out in the site's default language.
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        if not getattr(response, "streaming", False):
            return response
        content = b"".join(
            part if isinstance(part, bytes) else str(part).encode()
            for part in response.streaming_content
        )
        plain = HttpResponse(content, content_type=response["Content-Type"])
        plain["Content-Disposition"] = response["Content-Disposition"]
        return plain


def _local_time(access: PersonalDataAccess) -> str:
    return date_format(timezone.localtime(access.at), "DATETIME_FORMAT")


class AccessLogViewSet(ModelViewSet):
    """The personal-data access log (個資法), for the privacy officer: read, filter, export."""

    model = PersonalDataAccess
    icon = "view"
    menu_label = _("Personal-data access log")
    menu_hook = "register_reports_menu_item"
    list_display = [
        Column("at", label=_("time"), accessor=_local_time),
        "user",
        Column("case", label=_("case"), accessor="case.number"),
        "purpose",
        "was_redacted",
    ]
    filterset_class = AccessLogFilterSet
    index_view_class = AccessLogIndexView
    search_fields = ["case__number", "user__username"]
    list_export = ["local_time", "user.username", "case.number", "purpose_label", "was_redacted"]
    export_headings = {
        "local_time": _("Time"),
        "user.username": _("Staff"),
        "case.number": _("Case"),
        "purpose_label": _("Purpose"),
        "was_redacted": _("Identity withheld"),
    }
    export_filename = "personal-data-access-log"
    inspect_view_enabled = False
    copy_view_enabled = False
    form_fields = ["purpose"]  # never served: the log is written only by reading personal data

    def get_queryset(self, request: Any) -> Any:
        return PersonalDataAccess.objects.select_related("user", "case")

    def get_common_view_kwargs(self, **kwargs: Any) -> Any:
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )

    def get_urlpatterns(self) -> Any:
        return [p for p in super().get_urlpatterns() if p.name in {"index", "index_results"}]

    def get_permissions_to_register(self) -> Any:
        return super().get_permissions_to_register().filter(codename__startswith="view_")


access_log_viewset = AccessLogViewSet("personal_data_access")
