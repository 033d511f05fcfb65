"""The one way services leave a round's trace."""

from typing import Any

from civicdesk.courtesy.models import CourtesyEvent, TestRound


def record_event(
    round: TestRound, kind: str, *, actor: Any = None, unit: Any = None, **params: Any
) -> CourtesyEvent:
    return CourtesyEvent.objects.create(
        round=round,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        unit=unit,
        params=params,
    )
