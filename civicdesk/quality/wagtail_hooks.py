from wagtail import hooks
from wagtail.permissions import register_permission_policy

from civicdesk.quality.models import WorkPlanItem
from civicdesk.quality.permissions import WorkPlanItemPermissionPolicy
from civicdesk.quality.staff.viewsets import QualityViewSetGroup

register_permission_policy(WorkPlanItem, WorkPlanItemPermissionPolicy(WorkPlanItem))


@hooks.register("register_admin_viewset")
def register_quality() -> QualityViewSetGroup:
    return QualityViewSetGroup()
