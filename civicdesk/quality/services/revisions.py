"""A plan's numbered versions: the snapshot each keeps, and how two versions differ."""

from typing import Any

from civicdesk.quality.models import PlanEvent, PlanRevision, WorkPlan
from civicdesk.quality.services.trace import record_event

SNAPSHOT_PLAN_FIELDS = ("title", "title_en", "goal", "goal_en", "scope", "scope_en")


def plan_snapshot(plan: WorkPlan) -> dict[str, Any]:
    items = []
    for item in plan.items.select_related("lead_unit").prefetch_related("co_units"):
        co = sorted(unit.code for unit in item.co_units.all())
        items.append(
            {
                "code": item.code,
                "area": item.area,
                "focus": item.focus,
                "focus_en": item.focus_en,
                "details": list(item.details),
                "lead": "all" if item.lead_is_all_units else item.lead_unit.code,  # type: ignore[union-attr]
                "co": (["all"] if item.co_is_all_units else []) + co,
            }
        )
    return {"plan": {f: getattr(plan, f) for f in SNAPSHOT_PLAN_FIELDS}, "items": items}


def revision_record(*, plan: WorkPlan, reason: str, actor: Any = None) -> PlanRevision:
    """The plan as it now stands becomes the next version."""
    number = plan.revision_number + 1
    revision = PlanRevision.objects.create(
        plan=plan,
        number=number,
        reason=reason,
        snapshot=plan_snapshot(plan),
        made_by=actor if getattr(actor, "pk", None) else None,
    )
    kind = PlanEvent.Kind.ADOPTED if number == 1 else PlanEvent.Kind.REVISED
    record_event(plan, kind, actor=actor, version=number, reason=reason)
    return revision
