"""Reads of the courtesy test for screens, documents and exports."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet

from civicdesk.courtesy import scoring
from civicdesk.courtesy.models import (
    CallScore,
    RoundUnit,
    Rubric,
    RubricItem,
    TestCall,
    TestRound,
)


def rubric_scoring_items(rubric: Rubric) -> list[tuple[RubricItem, scoring.Item]]:
    """The rubric's items in order, each with its plain form for `scoring`."""
    items = RubricItem.objects.filter(section__rubric=rubric).select_related("section")
    return [
        (row, scoring.Item(row.pk, row.section_id, row.section.part, row.max_points))
        for row in items.order_by("section__order", "section__pk", "order", "pk")
    ]


def rubric_list() -> QuerySet[Rubric]:
    return Rubric.objects.prefetch_related("sections__items", "rounds")


def round_list_for_user(user: Any) -> QuerySet[TestRound]:
    return TestRound.objects.visible_to(user).select_related("rubric").prefetch_related("units")


def round_get_for_user(user: Any, pk: int) -> TestRound:
    """The round, or TestRound.DoesNotExist if the user may not see it."""
    return round_list_for_user(user).get(pk=pk)


def round_units_for_user(user: Any, round: TestRound) -> QuerySet[RoundUnit]:
    return (
        RoundUnit.objects.visible_to(user)
        .filter(round=round)
        .select_related("unit", "improvement", "improvement__filed_by")
        .order_by("unit__sort_order", "unit__pk")
    )


def round_unit_get_for_user(user: Any, pk: int) -> RoundUnit:
    return (
        RoundUnit.objects.visible_to(user)
        .select_related("round", "round__rubric", "unit")
        .get(pk=pk)
    )


def call_list_for_user(user: Any, **filters: Any) -> QuerySet[TestCall]:
    return (
        TestCall.objects.visible_to(user)
        .filter(**filters)
        .select_related("unit", "tester", "round")
        .prefetch_related(Prefetch("scores", queryset=CallScore.objects.select_related("item")))
    )


def call_points(call: TestCall) -> dict[int, Decimal]:
    return {score.item_id: score.points for score in call.scores.all()}


@dataclass(frozen=True)
class UnitRow:
    result: RoundUnit
    calls: int
    by_section: dict[int, Decimal | None]


def round_unit_rows(user: Any, round: TestRound) -> list[UnitRow]:
    """Per visible unit: its status, call count and mean points per section."""
    items = [item for _row, item in rubric_scoring_items(round.rubric)]
    calls = list(call_list_for_user(user, round=round, is_retest=False))
    rows = []
    for result in round_units_for_user(user, round):
        mine = [c for c in calls if c.unit_id == result.unit_id]
        by_section: dict[int, list[Decimal]] = {}
        for call in mine:
            totals = scoring.call_totals(items, call_points(call))
            for section, value in totals.by_section.items():
                by_section.setdefault(section, []).append(value)
        rows.append(
            UnitRow(
                result=result,
                calls=len(mine),
                by_section={s: scoring.mean(v) for s, v in by_section.items()},
            )
        )
    return rows


def improvement_due_list(on: Any) -> QuerySet[RoundUnit]:
    return RoundUnit.objects.improvement_due().select_related("round", "unit")
