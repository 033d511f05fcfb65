"""Admin permission policy: a work-plan item is reachable only by the staff who can see it."""

from typing import Any

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from civicdesk.quality.models import WorkPlanItem


class WorkPlanItemPermissionPolicy(ModelPermissionPolicy):
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
