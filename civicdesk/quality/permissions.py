"""Row-level rules of the work plan: who reports progress on an item and in which role, who
manages plans. Screen permissions (`quality.<codename>`) come from the roles."""

from typing import Any

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from civicdesk.accounts.selectors import user_unit
from civicdesk.quality.models import ProgressReport, WorkPlanItem

VIEW_PLAN = "quality.view_workplan"
MANAGE_PLANS = "quality.manage_workplan"
REPORT_PROGRESS = "quality.report_progress"
VIEW_AWARDS = "quality.view_awardapplication"
KEEP_AWARDS = "quality.change_awardapplication"


def can_manage_plans(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm(MANAGE_PLANS))


def item_role(item: WorkPlanItem, unit: Any) -> str | None:
    """The unit's part in an item: 主辦 (lead), 協辦 (co) or none."""
    if unit is None:
        return None
    if item.lead_is_all_units or item.lead_unit_id == unit.pk:
        return ProgressReport.Role.LEAD
    if item.co_is_all_units or item.co_units.filter(pk=unit.pk).exists():
        return ProgressReport.Role.CO
    return None


def reporting_role(user: Any, item: WorkPlanItem) -> str | None:
    """The role in which the user's unit reports on the item, if the user may report."""
    if not (user.is_authenticated and user.has_perm(REPORT_PROGRESS)):
        return None
    return item_role(item, user_unit(user))


def can_edit_report(user: Any, report: ProgressReport) -> bool:
    """A draft is written by its unit's reporting staff; a submitted one is read-only."""
    if report.is_submitted or not user.has_perm(REPORT_PROGRESS):
        return False
    unit = user_unit(user)
    return unit is not None and unit.pk == report.unit_id


class WorkPlanItemPermissionPolicy(ModelPermissionPolicy):
    """Admin permission policy: an item is reachable only by the staff who can see it."""

    def user_has_any_permission_for_instance(
        self, user: Any, actions: Any, instance: WorkPlanItem
    ) -> bool:
        return bool(
            super().user_has_any_permission_for_instance(user, actions, instance)
            and WorkPlanItem.objects.visible_to(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> QuerySet[Any]:
        allowed = super().instances_user_has_any_permission_for(user, actions)
        return allowed.filter(pk__in=WorkPlanItem.objects.visible_to(user).values("pk"))
