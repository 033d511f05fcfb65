"""The one way services leave a plan's trace."""

from typing import Any

from civicdesk.quality.models import PlanEvent, WorkPlan


def record_event(
    plan: WorkPlan,
    kind: str,
    *,
    actor: Any = None,
    item: Any = None,
    unit: Any = None,
    **params: Any,
) -> PlanEvent:
    return PlanEvent.objects.create(
        plan=plan,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        item=item,
        unit=unit,
        params=params,
    )
