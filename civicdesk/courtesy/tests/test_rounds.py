import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from civicdesk.accounts.models import Unit
from civicdesk.courtesy.models import CourtesyEvent, RoundUnit, TestCall, TestRound
from civicdesk.courtesy.services import (
    improvement_file,
    round_complete,
    round_save,
    round_start,
    rubric_default_ensure,
    rubric_item_save,
    rubric_revise,
)
from civicdesk.courtesy.tests.conftest import full_marks, plan_round, record, staff

pytestmark = pytest.mark.django_db


def test_the_default_rubric_is_switchboard_45_and_unit_55():
    rubric = rubric_default_ensure()
    by_part = {}
    by_section = {}
    for section in rubric.sections.prefetch_related("items"):
        points = sum(i.max_points for i in section.items.all())
        by_part[section.part] = by_part.get(section.part, 0) + points
        by_section[section.name] = points
    assert by_part == {"switchboard": 45, "unit": 55}
    assert list(by_section.values()) == [25, 20, 15, 25, 15]
    assert rubric.pass_threshold == 90
    texts = " ".join(i.text for s in rubric.sections.all() for i in s.items.all())
    assert "一次性完整訊息" in texts and "4 聲" in texts and "姓氏" in texts


def test_a_rubric_in_use_is_kept_and_a_new_version_is_free(running_round):
    rubric = running_round.rubric
    item = rubric.sections.first().items.first()
    with pytest.raises(ValidationError, match="new version"):
        rubric_item_save(instance=item, max_points=1)
    copy = rubric_revise(rubric=rubric)
    assert copy.version == rubric.version + 1
    new_item = copy.sections.first().items.first()
    rubric_item_save(instance=new_item, max_points=new_item.max_points - 1, text=new_item.text)
    item.refresh_from_db()
    assert item.max_points == new_item.max_points + 1


def test_a_rubric_not_adding_up_to_100_cannot_run_a_round(db):
    copy = rubric_revise(rubric=rubric_default_ensure())
    item = copy.sections.first().items.first()
    rubric_item_save(instance=item, max_points=1, text=item.text)
    with pytest.raises(ValidationError) as info:
        round_save(
            actor=staff("coordinator"),
            year=2031,
            half=1,
            rubric=copy,
            starts_on=datetime.date(2031, 3, 1),
            ends_on=datetime.date(2031, 3, 2),
            units=[],
            testers=[],
        )
    assert "rubric" in info.value.error_dict


def test_one_round_per_half_and_dates_in_order(running_round):
    with pytest.raises(ValidationError) as info:
        plan_round()
    assert "half" in info.value.error_dict
    with pytest.raises(ValidationError) as info:
        round_save(
            actor=staff("coordinator"),
            year=2031,
            half=2,
            rubric=running_round.rubric,
            starts_on=datetime.date(2031, 9, 2),
            ends_on=datetime.date(2031, 9, 1),
            units=[],
            testers=[],
        )
    assert "ends_on" in info.value.error_dict


def test_only_the_coordinator_runs_rounds(db):
    with pytest.raises(ValidationError, match="coordinator"):
        round_save(
            actor=staff("unithead"),
            year=2032,
            half=1,
            rubric=rubric_default_ensure(),
            starts_on=datetime.date(2032, 3, 1),
            ends_on=datetime.date(2032, 3, 2),
            units=[],
            testers=[],
        )


def test_calls_need_a_running_round_and_a_tester(db):
    round = plan_round()
    with pytest.raises(ValidationError, match="in progress"):
        record(round, "operations")
    round_start(round=round, actor=staff("coordinator"))
    with pytest.raises(ValidationError, match="testers"):
        record(round, "operations", tester="officer")
    with pytest.raises(ValidationError) as info:
        record(round, "environment")
    assert "unit" in info.value.error_dict


def test_a_score_over_the_item_maximum_names_the_item(running_round):
    points = full_marks(running_round.rubric)
    first = next(iter(points))
    points[first] += 1
    with pytest.raises(ValidationError) as info:
        from civicdesk.courtesy.services import call_record

        call_record(
            round=running_round,
            actor=staff("staff05"),
            unit=Unit.objects.get(code="operations"),
            called_on=datetime.date(2030, 3, 2),
            called_at=datetime.time(9, 0),
            scenario="x",
            points=points,
        )
    assert f"item_{first}" in info.value.error_dict
    assert not TestCall.objects.filter(round=running_round).exists()


def test_a_unit_score_is_the_mean_of_its_calls(running_round):
    record(running_round, "operations", 0)
    record(running_round, "operations", 15)
    result = RoundUnit.objects.get(round=running_round, unit__code="operations")
    assert result.score == Decimal("92.50")


def test_completing_needs_every_unit_scored_then_sorts_pass_and_below(running_round):
    record(running_round, "operations", 20)
    with pytest.raises(ValidationError, match="every tested unit"):
        round_complete(round=running_round, actor=staff("coordinator"))
    record(running_round, "maintenance", 5)
    round_complete(round=running_round, actor=staff("coordinator"), on=datetime.date(2030, 4, 1))
    ops = RoundUnit.objects.get(round=running_round, unit__code="operations")
    maint = RoundUnit.objects.get(round=running_round, unit__code="maintenance")
    assert (ops.status, ops.score) == (RoundUnit.Status.BELOW, Decimal("80.00"))
    assert maint.status == RoundUnit.Status.PASSED
    assert ops.improvement_due_on > datetime.date(2030, 4, 1)
    assert running_round.state == TestRound.State.COMPLETED


def test_below_threshold_improvement_then_retest(running_round):
    record(running_round, "operations", 20)
    record(running_round, "maintenance", 0)
    round_complete(round=running_round, actor=staff("coordinator"))
    ops = RoundUnit.objects.get(round=running_round, unit__code="operations")
    with pytest.raises(ValidationError, match="after the round"):
        record(running_round, "operations", 0, retest=True)
    with pytest.raises(ValidationError, match="head of this unit"):
        improvement_file(
            round_unit=ops,
            actor=staff("officer"),
            problems="x",
            measures="y",
            responsible="z",
            complete_by=datetime.date(2030, 5, 1),
        )
    improvement_file(
        round_unit=ops,
        actor=staff("unithead"),
        problems="未報單位名稱及姓名",
        measures="全組辦理電話禮貌講習",
        responsible="操作組組長",
        complete_by=datetime.date(2030, 5, 1),
    )
    ops.refresh_from_db()
    assert ops.status == RoundUnit.Status.IMPROVEMENT_FILED
    record(running_round, "operations", 15, retest=True)
    ops.refresh_from_db()
    assert ops.status == RoundUnit.Status.RETEST_FAILED
    record(running_round, "operations", 0, retest=True)
    ops.refresh_from_db()
    assert (ops.status, ops.retest_score) == (RoundUnit.Status.RETEST_PASSED, Decimal("92.50"))
    assert ops.score == Decimal("80.00")  # the round score stays the first calls'
    kinds = list(running_round.events.values_list("kind", flat=True))
    assert CourtesyEvent.Kind.IMPROVEMENT_FILED in kinds
    assert kinds.count(CourtesyEvent.Kind.RETESTED) == 2


def test_a_unit_that_passed_files_no_improvement(running_round):
    record(running_round, "operations", 0)
    record(running_round, "maintenance", 0)
    round_complete(round=running_round, actor=staff("coordinator"))
    ops = RoundUnit.objects.get(round=running_round, unit__code="operations")
    with pytest.raises(ValidationError, match="under the pass threshold"):
        improvement_file(
            round_unit=ops,
            actor=staff("unithead"),
            problems="x",
            measures="y",
            responsible="z",
            complete_by=datetime.date(2030, 5, 1),
        )
