"""Staff screens of the work plan in the Wagtail admin; each person sees their unit's items."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSetGroup

from civicdesk.core.menu import SERVICE_QUALITY_MENU_HOOK
from civicdesk.core.staffscreens import ServiceDeleteView, ServiceEditView, ServiceModelViewSet
from civicdesk.quality.models import WorkPlan, WorkPlanItem
from civicdesk.quality.services import (
    workplan_delete,
    workplan_item_delete,
    workplan_item_save,
    workplan_save,
)


class WorkPlanViewSet(ServiceModelViewSet):
    model = WorkPlan
    save_service = workplan_save
    delete_service = workplan_delete
    icon = "doc-full"
    menu_label = _("Work plans")
    list_display = ["year", "title"]
    form_fields = [
        "year",
        "title",
        "title_en",
        "basis",
        "basis_en",
        "goal",
        "goal_en",
        "scope",
        "scope_en",
        "review",
        "review_en",
        "amendment",
        "amendment_en",
    ]
    inspect_view_enabled = True


class WorkPlanItemIndexView(IndexView):
    def get_base_queryset(self) -> Any:
        return WorkPlanItem.objects.visible_to(self.request.user).select_related(
            "plan", "lead_unit"
        )


# An item another unit owns is a 404, by URL as well as in the listing.
class VisibleItemsMixin:
    request: Any

    def get_queryset(self) -> Any:
        return WorkPlanItem.objects.visible_to(self.request.user)


class WorkPlanItemEditView(VisibleItemsMixin, ServiceEditView):
    pass


class WorkPlanItemDeleteView(VisibleItemsMixin, ServiceDeleteView):
    pass


class WorkPlanItemInspectView(InspectView):
    def get_object(self) -> WorkPlanItem:
        return get_object_or_404(WorkPlanItem.objects.visible_to(self.request.user), pk=self.pk)


class WorkPlanItemViewSet(ServiceModelViewSet):
    model = WorkPlanItem
    save_service = workplan_item_save
    delete_service = workplan_item_delete
    icon = "list-ul"
    menu_label = _("Work-plan items")
    list_display = ["code", "focus", "lead_unit", "lead_is_all_units", "co_is_all_units"]
    list_filter = ["plan", "area_no", "lead_unit"]
    search_fields = ["focus", "focus_en"]
    inspect_view_enabled = True
    form_fields = [
        "plan",
        "area_no",
        "area",
        "area_en",
        "seq",
        "focus",
        "focus_en",
        "details",
        "details_en",
        "lead_unit",
        "lead_is_all_units",
        "co_units",
        "co_is_all_units",
    ]

    index_view_class = WorkPlanItemIndexView
    edit_view_class = WorkPlanItemEditView
    delete_view_class = WorkPlanItemDeleteView
    inspect_view_class = WorkPlanItemInspectView


class QualityViewSetGroup(ModelViewSetGroup):
    submenu_hook = SERVICE_QUALITY_MENU_HOOK  # the other service-quality apps add items here
    menu_label = _("Service quality")
    menu_icon = "tasks"
    menu_order = 200
    items = (WorkPlanViewSet("workplans"), WorkPlanItemViewSet("workplan_items"))
