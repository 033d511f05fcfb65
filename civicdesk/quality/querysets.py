"""Who sees which work-plan items and progress: staff see their unit's items (as lead or
co-unit); plan-wide roles see all."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from civicdesk.accounts.selectors import user_sees_all_units, user_unit

if TYPE_CHECKING:
    from civicdesk.quality.models import ProgressReport, WorkPlanItem  # noqa: F401 - strings


def _item_visibility(user: User | AnonymousUser, prefix: str = "") -> models.Q | None:
    """The filter on items a user sees; None means every item."""
    if user_sees_all_units(user):
        return None
    unit = user_unit(user)
    # 各組室 (every unit) as lead or co-unit makes an item every unit's business.
    shared = models.Q(**{f"{prefix}lead_is_all_units": True}) | models.Q(
        **{f"{prefix}co_is_all_units": True}
    )
    if unit is None:
        return shared
    return (
        shared | models.Q(**{f"{prefix}lead_unit": unit}) | models.Q(**{f"{prefix}co_units": unit})
    )


class WorkPlanItemQuerySet(models.QuerySet["WorkPlanItem"]):
    def visible_to(self, user: User | AnonymousUser) -> "WorkPlanItemQuerySet":
        if not user.is_authenticated:
            return self.none()
        rule = _item_visibility(user)
        return self if rule is None else self.filter(rule).distinct()


class ProgressReportQuerySet(models.QuerySet["ProgressReport"]):
    def visible_to(self, user: User | AnonymousUser) -> "ProgressReportQuerySet":
        if not user.is_authenticated:
            return self.none()
        rule = _item_visibility(user, "item__")
        return self if rule is None else self.filter(rule).distinct()

    def submitted(self) -> "ProgressReportQuerySet":
        return self.filter(state="submitted")
