"""Writes to test rounds: planning, starting and completing a round, and the unit scores."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.core.selectors import workday_calendar_around
from civicdesk.courtesy import scoring
from civicdesk.courtesy.models import CourtesyEvent, RoundUnit, TestCall, TestRound
from civicdesk.courtesy.permissions import can_run_rounds
from civicdesk.courtesy.selectors import rubric_scoring_items
from civicdesk.courtesy.services.trace import record_event

DEFAULT_IMPROVEMENT_WORKDAYS = 10


def improvement_workdays() -> int:
    return int(getattr(settings, "COURTESY_IMPROVEMENT_WORKDAYS", DEFAULT_IMPROVEMENT_WORKDAYS))


def _refuse_unless_runner(actor: Any) -> None:
    if actor is not None and not can_run_rounds(actor):
        raise ValidationError(_("Only the coordinator runs courtesy-test rounds."))


def _check_rubric(rubric: Any) -> None:
    if rubric is None:
        return
    if scoring.rubric_problems([item for _row, item in rubric_scoring_items(rubric)]):
        raise ValidationError(
            {"rubric": _("This rubric cannot be used: its items must add up to 100 points.")}
        )


def _check_change(round: TestRound, rubric: Any, units: Any) -> None:
    """A saved round keeps what its calls were scored against."""
    if round.state == TestRound.State.COMPLETED:
        raise ValidationError(_("A completed round is kept as it was."))
    if rubric is not None and rubric.pk != round.rubric_id and round.calls.exists():
        raise ValidationError({"rubric": _("Calls are already scored with this rubric.")})
    kept = {unit.pk for unit in units}
    called = set(round.calls.values_list("unit_id", flat=True))
    if called - kept:
        raise ValidationError({"units": _("A unit with recorded calls cannot be removed.")})


def _check_dates_and_half(round: TestRound) -> None:
    errors: dict[str, str] = {}
    clash = TestRound.objects.filter(year=round.year, half=round.half).exclude(pk=round.pk)
    if clash.exists():
        errors["half"] = _("There is already a round for this half of the year.")
    if round.starts_on and round.ends_on and round.ends_on < round.starts_on:
        errors["ends_on"] = _("Testing cannot end before it starts.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_save(
    *,
    instance: TestRound | None = None,
    actor: Any = None,
    units: Any,
    testers: Any,
    **fields: Any,
) -> TestRound:
    """Plan a round or change it. Its rubric must add up to 100 points; a unit with recorded
    calls stays in the round; the rubric is fixed once a call is scored with it."""
    _refuse_unless_runner(actor)
    round = instance or TestRound()
    _check_rubric(fields.get("rubric"))
    if round.pk:
        _check_change(round, fields.get("rubric"), units)
    for name, value in fields.items():
        setattr(round, name, value)
    creating = round.pk is None
    _check_dates_and_half(round)
    round.full_clean(exclude=["units", "testers"])
    round.save()
    round.units.set(units)
    round.testers.set(testers)
    unit_ids = {unit.pk for unit in units}
    RoundUnit.objects.filter(round=round).exclude(unit_id__in=unit_ids).delete()
    for unit_id in unit_ids:
        RoundUnit.objects.get_or_create(round=round, unit_id=unit_id)
    kind = CourtesyEvent.Kind.ROUND_PLANNED if creating else CourtesyEvent.Kind.ROUND_CHANGED
    record_event(round, kind, actor=actor, units=sorted(unit_ids))
    return round


@transaction.atomic
def round_start(*, round: TestRound, actor: Any = None) -> TestRound:
    _refuse_unless_runner(actor)
    if round.state != TestRound.State.PLANNED:
        raise ValidationError(_("Only a planned round can start."))
    if not round.testers.exists():
        raise ValidationError(_("Name at least one tester before testing starts."))
    round.state = TestRound.State.IN_PROGRESS
    round.save(update_fields=["state"])
    record_event(round, CourtesyEvent.Kind.ROUND_STARTED, actor=actor)
    return round


def _scores(round: TestRound, *, retest: bool) -> dict[int, Any]:
    calls = TestCall.objects.filter(round=round, is_retest=retest).values_list("unit_id", "total")
    return scoring.unit_scores(calls)


def round_scores_refresh(round: TestRound) -> None:
    """Each unit's round score, the mean of its first (not retest) calls."""
    scores = _scores(round, retest=False)
    for result in RoundUnit.objects.filter(round=round):
        result.score = scores.get(result.unit_id)
        result.save(update_fields=["score"])


@transaction.atomic
def round_complete(
    *, round: TestRound, actor: Any = None, on: datetime.date | None = None
) -> TestRound:
    """Close testing: every tested unit has a score; those under the threshold owe an
    improvement report within the working days set (COURTESY_IMPROVEMENT_WORKDAYS)."""
    from django.utils import timezone

    _refuse_unless_runner(actor)
    if round.state != TestRound.State.IN_PROGRESS:
        raise ValidationError(_("Only a round in progress can be completed."))
    on = on or timezone.localdate()
    scores = _scores(round, retest=False)
    results = list(RoundUnit.objects.filter(round=round).select_related("unit"))
    missing = [r.unit.display_name for r in results if r.unit_id not in scores]
    if missing:
        raise ValidationError(
            _("Record at least one call for every tested unit first: %(units)s.")
            % {"units": "、".join(missing)}
        )
    threshold = round.rubric.pass_threshold
    due = workday_calendar_around(on).add_workdays(on, improvement_workdays())
    below = []
    for result in results:
        result.score = scores[result.unit_id]
        if scoring.passes(result.score, threshold):
            result.status = RoundUnit.Status.PASSED
            result.improvement_due_on = None
        else:
            result.status = RoundUnit.Status.BELOW
            result.improvement_due_on = due
            below.append(result.unit.code)
        result.save(update_fields=["score", "status", "improvement_due_on"])
    round.state = TestRound.State.COMPLETED
    round.completed_on = on
    round.save(update_fields=["state", "completed_on"])
    record_event(round, CourtesyEvent.Kind.ROUND_COMPLETED, actor=actor, below=below)
    return round
