"""Per-unit scores and their trend across rounds, and each unit's weakest items, as figure
groups (`core.reporting`): the screen, the CSV and the ODS hold the same figures."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from civicdesk.core.i18n import localized
from civicdesk.core.reporting.charts import bar_chart, line_chart
from civicdesk.core.reporting.figures import Cell, FigureGroup, decimal, percent, text
from civicdesk.courtesy import scoring
from civicdesk.courtesy.models import TestRound
from civicdesk.courtesy.selectors import (
    call_list_for_user,
    call_points,
    round_units_for_user,
    rubric_scoring_items,
)

WEAKEST = 3  # items listed per unit


@dataclass(frozen=True)
class Trends:
    rounds: list[TestRound]
    units: list[Any]
    # unit pk → round pk → (score, retest score, status label)
    scores: dict[int, dict[int, tuple[Decimal | None, Decimal | None, str]]]
    weakest: dict[int, list[tuple[str, Decimal]]]  # unit pk → (item text, share lost)


def trends_for_user(user: Any) -> Trends:
    rounds = sorted(
        TestRound.objects.visible_to(user).filter(state=TestRound.State.COMPLETED),
        key=lambda r: r.sort_key,
    )
    units: dict[int, Any] = {}
    scores: dict[int, dict[int, tuple[Decimal | None, Decimal | None, str]]] = defaultdict(dict)
    lost_points: dict[int, list[tuple[list[scoring.Item], dict[int, Decimal]]]] = defaultdict(list)
    texts: dict[int, str] = {}
    for round in rounds:
        pairs = rubric_scoring_items(round.rubric)
        items = [item for _row, item in pairs]
        texts.update({row.pk: localized(row, "text") for row, _item in pairs})
        for result in round_units_for_user(user, round):
            units[result.unit_id] = result.unit
            scores[result.unit_id][round.pk] = (
                result.score,
                result.retest_score,
                str(result.get_status_display()),
            )
        for call in call_list_for_user(user, round=round, is_retest=False):
            lost_points[call.unit_id].append((items, call_points(call)))
    weakest = {}
    for unit_id, calls in lost_points.items():
        shares: dict[str, Decimal] = {}
        for items, points in calls:
            for item_id, share in scoring.item_shortfalls(items, [points]):
                shares.setdefault(texts[item_id], Decimal(0))
                shares[texts[item_id]] += share / len(calls)
        ranked = sorted(shares.items(), key=lambda pair: -pair[1])
        weakest[unit_id] = ranked[:WEAKEST]
    ordered = sorted(units.values(), key=lambda u: (u.sort_order, u.pk))
    return Trends(rounds=rounds, units=ordered, scores=dict(scores), weakest=weakest)


def _score(value: Decimal | None) -> Cell:
    return decimal(float(value) if value is not None else None, 2)


def _round_label(round: TestRound) -> str:
    return f"{round.year_label}{round.get_half_display()}"


def _latest(trends: Trends) -> FigureGroup | None:
    if not trends.rounds:
        return None
    latest = trends.rounds[-1]
    rows = []
    bars = []
    for unit in trends.units:
        score, retest, status = trends.scores.get(unit.pk, {}).get(latest.pk, (None, None, ""))
        if score is None and not status:
            continue
        rows.append((text(unit.display_name), _score(score), _score(retest), text(status)))
        bars.append(
            (unit.display_name, float(score) if score is not None else None, _score(score).text)
        )
    title = _("Unit scores, %(round)s") % {"round": latest.title}
    return FigureGroup(
        slug="latest",
        title=title,
        columns=(_("Unit"), _("Round score"), _("Retest score"), _("Status")),
        rows=tuple(rows),
        chart=bar_chart(title, bars, scale=100),
        note=_("Pass threshold: %(threshold)s points out of 100.")
        % {"threshold": latest.rubric.pass_threshold},
    )


def _trend(trends: Trends) -> FigureGroup:
    title = _("Unit scores across rounds")
    columns = (_("Unit"), *(_round_label(r) for r in trends.rounds))
    rows = tuple(
        (
            text(unit.display_name),
            *(_score(trends.scores.get(unit.pk, {}).get(r.pk, (None,))[0]) for r in trends.rounds),
        )
        for unit in trends.units
    )
    # The line follows the plant's mean over the rounds.
    means = []
    for r in trends.rounds:
        values = [
            s[r.pk][0] for s in trends.scores.values() if r.pk in s and s[r.pk][0] is not None
        ]
        mean = scoring.mean(v for v in values if v is not None)
        means.append(
            (_round_label(r), float(mean) if mean is not None else None, _score(mean).text)
        )
    return FigureGroup(
        slug="trend",
        title=title,
        columns=columns,
        rows=rows,
        chart=line_chart(_("Mean unit score by round"), means, scale=100) if means else None,
        note=_("The line shows the mean of the units' round scores; the table each unit's."),
    )


def _weakest(trends: Trends) -> FigureGroup:
    title = _("Weakest items per unit")
    rows = []
    for unit in trends.units:
        for item, share in trends.weakest.get(unit.pk, []):
            rows.append((text(unit.display_name), text(item), percent(float(share))))
    return FigureGroup(
        slug="weakest",
        title=title,
        columns=(_("Unit"), _("Item"), _("Share of its points lost (%)")),
        rows=tuple(rows),
        chart=None,
        note=_("Over every scored call of the completed rounds; at most three items per unit."),
    )


def figure_groups(trends: Trends) -> list[FigureGroup]:
    latest = _latest(trends)
    return [*([latest] if latest else []), _trend(trends), _weakest(trends)]
