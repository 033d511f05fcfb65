from decimal import Decimal

import pytest

from civicdesk.courtesy import scoring
from civicdesk.courtesy.scoring import Item, ScoreError

ITEMS = [
    Item(1, 10, "switchboard", 25),
    Item(2, 11, "switchboard", 20),
    Item(3, 20, "unit", 15),
    Item(4, 21, "unit", 25),
    Item(5, 22, "unit", 15),
]


def test_the_default_weighting_adds_up_to_100():
    assert scoring.rubric_total(ITEMS) == 100
    assert scoring.rubric_problems(ITEMS) == []


@pytest.mark.parametrize(
    ("items", "fragment"),
    [([], "no items"), (ITEMS[:-1], "85 points")],
)
def test_a_rubric_not_adding_up_to_100_cannot_be_used(items, fragment):
    assert fragment in scoring.rubric_problems(items)[0]


def test_call_totals_by_section_part_and_all():
    totals = scoring.call_totals(ITEMS, {1: 25, 2: 18, 3: 15, 4: 20, 5: Decimal("12.5")})
    assert totals.total == Decimal("90.5")
    assert totals.by_part == {"switchboard": 43, "unit": Decimal("47.5")}
    assert totals.by_section[21] == 20


@pytest.mark.parametrize(
    ("points", "message"),
    [(26, "At most 25"), (-1, "negative"), (None, "needs a score")],
)
def test_points_stay_within_the_item(points, message):
    with pytest.raises(ScoreError, match=message) as info:
        scoring.call_totals(ITEMS, {1: points, 2: 0, 3: 0, 4: 0, 5: 0})
    assert info.value.item == 1


def test_a_missing_item_is_refused():
    with pytest.raises(ScoreError) as info:
        scoring.call_totals(ITEMS, {1: 1, 2: 1, 3: 1, 4: 1})
    assert info.value.item == 5


def test_points_for_an_unknown_item_are_refused():
    with pytest.raises(ScoreError, match="not in the rubric"):
        scoring.call_totals(ITEMS, {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 99: 1})


def test_a_units_round_score_is_the_mean_of_its_calls():
    scores = scoring.unit_scores([(7, 100), (7, 85), (8, 92), (7, Decimal("90.5"))])
    assert scores == {7: Decimal("91.83"), 8: Decimal("92.00")}


def test_mean_of_nothing_is_none_and_rounds_half_up():
    assert scoring.mean([]) is None
    assert scoring.mean([Decimal("89.995")]) == Decimal("90.00")


@pytest.mark.parametrize(
    ("score", "expected"),
    [(None, None), (Decimal("89.99"), False), (Decimal("90"), True), (Decimal(100), True)],
)
def test_the_threshold_itself_passes(score, expected):
    assert scoring.passes(score, 90) is expected


def test_units_below_the_threshold_lowest_first():
    scores = {1: Decimal(95), 2: Decimal("89.5"), 3: Decimal(70), 4: Decimal(90)}
    assert scoring.units_below(scores, 90) == [3, 2]


def test_weakest_items_are_those_losing_the_largest_share():
    calls = [{1: 25, 2: 10, 3: 15, 4: 20, 5: 15}, {1: 20, 2: 20, 3: 15, 4: 25, 5: 15}]
    shortfalls = scoring.item_shortfalls(ITEMS, calls)
    assert [item for item, _share in shortfalls] == [2, 1, 4]
    assert shortfalls[0][1] == Decimal("0.25")
