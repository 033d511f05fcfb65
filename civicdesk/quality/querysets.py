"""Who sees which work-plan items: staff see their unit's items; plan-wide roles see all."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from civicdesk.accounts.selectors import user_sees_all_units, user_unit

if TYPE_CHECKING:
    from civicdesk.quality.models import WorkPlanItem  # noqa: F401 - used in a string


class WorkPlanItemQuerySet(models.QuerySet["WorkPlanItem"]):
    def visible_to(self, user: User | AnonymousUser) -> "WorkPlanItemQuerySet":
        if not user.is_authenticated:
            return self.none()
        if user_sees_all_units(user):
            return self
        unit = user_unit(user)
        # 各組室 (every unit) as lead or co-unit makes an item every unit's business.
        shared = models.Q(lead_is_all_units=True) | models.Q(co_is_all_units=True)
        if unit is None:
            return self.filter(shared)
        return self.filter(shared | models.Q(lead_unit=unit) | models.Q(co_units=unit)).distinct()
