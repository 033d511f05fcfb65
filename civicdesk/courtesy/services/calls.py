"""Recording a tester's call: every item scored within its maximum, the call's total kept,
the unit's round (or retest) score brought up to date."""

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.courtesy import scoring
from civicdesk.courtesy.models import CallScore, CourtesyEvent, RoundUnit, TestCall, TestRound
from civicdesk.courtesy.permissions import can_record_call, can_run_rounds
from civicdesk.courtesy.selectors import rubric_scoring_items
from civicdesk.courtesy.services.rounds import round_scores_refresh
from civicdesk.courtesy.services.trace import record_event

RETESTABLE = (RoundUnit.Status.IMPROVEMENT_FILED, RoundUnit.Status.RETEST_FAILED)


def item_field(item_id: int) -> str:
    """The form field (and error key) of an item's points."""
    return f"item_{item_id}"


def _totals(round: TestRound, points: Mapping[int, Any]) -> scoring.CallTotals:
    items = [item for _row, item in rubric_scoring_items(round.rubric)]
    try:
        return scoring.call_totals(items, points)
    except scoring.ScoreError as exc:
        maximum = {item.id: item.max_points for item in items}
        if exc.item is None:
            raise ValidationError(_("These scores do not belong to this round's rubric.")) from exc
        value = points.get(exc.item)
        if value is None:
            message = _("Score this item.")
        elif Decimal(str(value)) < 0:
            message = _("A score cannot be negative.")
        else:
            message = _("At most %(max)s points for this item.") % {"max": maximum[exc.item]}
        raise ValidationError({item_field(exc.item): message}) from exc


def _check(round: TestRound, actor: Any, unit: Any, is_retest: bool) -> RoundUnit:
    if not can_record_call(actor, round):
        raise ValidationError(_("Only this round's testers record its calls."))
    result = RoundUnit.objects.filter(round=round, unit=unit).first()
    if result is None:
        raise ValidationError({"unit": _("This unit is not tested in this round.")})
    if is_retest:
        if round.state != TestRound.State.COMPLETED or result.status not in RETESTABLE:
            raise ValidationError(
                _("A unit is retested after the round, once its improvement report is filed.")
            )
    elif round.state != TestRound.State.IN_PROGRESS:
        raise ValidationError(_("Calls are recorded while the round is in progress."))
    return result


def _write_scores(call: TestCall, points: Mapping[int, Any]) -> None:
    CallScore.objects.filter(call=call).delete()
    CallScore.objects.bulk_create(
        CallScore(call=call, item_id=item_id, points=Decimal(str(value)))
        for item_id, value in points.items()
    )


def _retest_refresh(result: RoundUnit, actor: Any) -> None:
    totals = TestCall.objects.filter(round=result.round, unit=result.unit, is_retest=True)
    score = scoring.mean(totals.values_list("total", flat=True))
    result.retest_score = score
    passed = scoring.passes(score, result.round.rubric.pass_threshold)
    result.status = RoundUnit.Status.RETEST_PASSED if passed else RoundUnit.Status.RETEST_FAILED
    result.save(update_fields=["retest_score", "status"])
    record_event(
        result.round,
        CourtesyEvent.Kind.RETESTED,
        actor=actor,
        unit=result.unit,
        score=str(score),
        passed=bool(passed),
    )


@transaction.atomic
def call_record(
    *,
    round: TestRound,
    actor: Any,
    unit: Any,
    called_on: datetime.date,
    called_at: datetime.time,
    scenario: str,
    points: Mapping[int, Any],
    extension: str = "",
    answered_by: str = "",
    notes: str = "",
    is_retest: bool = False,
) -> TestCall:
    result = _check(round, actor, unit, is_retest)
    totals = _totals(round, points)
    call = TestCall(
        round=round,
        unit=unit,
        called_on=called_on,
        called_at=called_at,
        extension=extension,
        scenario=scenario,
        answered_by=answered_by,
        notes=notes,
        is_retest=is_retest,
        tester=actor,
        total=totals.total,
    )
    call.full_clean()
    call.save()
    _write_scores(call, points)
    record_event(
        round,
        CourtesyEvent.Kind.CALL_RECORDED,
        actor=actor,
        unit=unit,
        call=call.pk,
        total=str(totals.total),
        retest=is_retest,
    )
    if is_retest:
        _retest_refresh(result, actor)
    else:
        round_scores_refresh(round)
    return call


@transaction.atomic
def call_update(
    *, call: TestCall, actor: Any, points: Mapping[int, Any], **fields: Any
) -> TestCall:
    """Correct a call while its round is open to it; the unit stays as recorded."""
    fields.pop("unit", None)
    round = call.round
    result = _check(round, actor, call.unit, call.is_retest)
    if call.tester_id != actor.pk and not can_run_rounds(actor):
        raise ValidationError(_("Only the tester who recorded a call corrects it."))
    totals = _totals(round, points)
    for name, value in fields.items():
        setattr(call, name, value)
    call.total = totals.total
    call.full_clean()
    call.save()
    _write_scores(call, points)
    record_event(
        round,
        CourtesyEvent.Kind.CALL_CHANGED,
        actor=actor,
        unit=call.unit,
        call=call.pk,
        total=str(totals.total),
    )
    if call.is_retest:
        _retest_refresh(result, actor)
    else:
        round_scores_refresh(round)
    return call
