"""Scoring rules of the courtesy test, on plain values: item points within their maximum,
section and part subtotals, a call's total out of 100, a unit's round score as the mean of its
calls, and which units fall under the pass threshold."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

FULL_MARKS = 100
TWO_PLACES = Decimal("0.01")


class ScoreError(ValueError):
    """A score the rubric does not allow; `item` is the rubric item's id (None: whole call)."""

    def __init__(self, message: str, item: int | None = None) -> None:
        super().__init__(message)
        self.item = item


@dataclass(frozen=True)
class Item:
    id: int
    section: int
    part: str
    max_points: int


@dataclass(frozen=True)
class CallTotals:
    total: Decimal
    by_section: dict[int, Decimal]
    by_part: dict[str, Decimal]


def rubric_total(items: Iterable[Item]) -> int:
    return sum(item.max_points for item in items)


def rubric_problems(items: Sequence[Item]) -> list[str]:
    """Why a rubric cannot be used for a round (empty when it can)."""
    problems = []
    if not items:
        problems.append("The rubric has no items.")
    elif rubric_total(items) != FULL_MARKS:
        problems.append(f"The items add up to {rubric_total(items)} points, not {FULL_MARKS}.")
    return problems


def check_points(item: Item, points: Decimal | int | float | None) -> Decimal:
    if points is None:
        raise ScoreError("Every item needs a score.", item.id)
    value = Decimal(str(points))
    if value < 0:
        raise ScoreError("A score cannot be negative.", item.id)
    if value > item.max_points:
        raise ScoreError(f"At most {item.max_points} points for this item.", item.id)
    return value


def call_totals(
    items: Sequence[Item], points: Mapping[int, Decimal | int | float | None]
) -> CallTotals:
    """Check every item's points and add them up by section, by part and in all."""
    by_section: dict[int, Decimal] = defaultdict(Decimal)
    by_part: dict[str, Decimal] = defaultdict(Decimal)
    unknown = set(points) - {item.id for item in items}
    if unknown:
        raise ScoreError(f"Points for items not in the rubric: {sorted(unknown)}.")
    for item in items:
        value = check_points(item, points.get(item.id))
        by_section[item.section] += value
        by_part[item.part] += value
    return CallTotals(sum(by_section.values(), Decimal(0)), dict(by_section), dict(by_part))


def mean(values: Iterable[Decimal | int | float]) -> Decimal | None:
    """The mean to two decimal places (half up, as scores are reported), None for no values."""
    numbers = [Decimal(str(value)) for value in values]
    if not numbers:
        return None
    return (sum(numbers, Decimal(0)) / len(numbers)).quantize(TWO_PLACES, ROUND_HALF_UP)


def unit_scores(calls: Iterable[tuple[int, Decimal | int | float]]) -> dict[int, Decimal]:
    """(unit id, call total) pairs → each unit's round score, the mean of its calls."""
    by_unit: dict[int, list[Decimal | int | float]] = defaultdict(list)
    for unit, total in calls:
        by_unit[unit].append(total)
    return {unit: score for unit, totals in by_unit.items() if (score := mean(totals)) is not None}


def passes(score: Decimal | None, threshold: int) -> bool | None:
    """None while a unit has no score; a score equal to the threshold passes."""
    if score is None:
        return None
    return score >= threshold


def units_below(scores: Mapping[int, Decimal], threshold: int) -> list[int]:
    """The units under the threshold, lowest score first."""
    return [unit for unit, score in sorted(scores.items(), key=lambda p: p[1]) if score < threshold]


def item_shortfalls(
    items: Sequence[Item], calls: Iterable[Mapping[int, Decimal | int | float]]
) -> list[tuple[int, Decimal]]:
    """Per item, the share of its points lost over `calls` (0-1), largest first: the weakest
    items. Items never lost are left out."""
    lost: dict[int, Decimal] = defaultdict(Decimal)
    possible: dict[int, Decimal] = defaultdict(Decimal)
    for points in calls:
        for item in items:
            if item.id in points:
                lost[item.id] += item.max_points - Decimal(str(points[item.id]))
                possible[item.id] += item.max_points
    shares = [(i, (lost[i] / possible[i]).quantize(Decimal("0.0001"))) for i in possible if lost[i]]
    return sorted(shares, key=lambda pair: (-pair[1], pair[0]))
