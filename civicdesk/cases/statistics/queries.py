"""Petition statistics: counts, handling time, timeliness and satisfaction of a period.

Sized for a million cases: everything is aggregated in the database and nothing here loops over
cases. Three aggregate queries over the period's cases, each a GROUP BY with a handful of result
rows:

- the counts, grouped by (category, channel, unit, outcome, state) with conditional counts; the
  breakdowns and totals are rolled up from these groups (bounded by the code lists, not by the
  number of cases);
- the survey, grouped by the overall score, over the cases closed with a reply;
- the handling time as a histogram: cases grouped by (calendar days, working days). The median
  and the 90th percentile are read off the histogram exactly as PostgreSQL's `percentile_cont`
  would compute them over the individual cases, on every database, without sorting a million
  rows (`_percentile`).

Besides those: the user's roles, the office calendar and the category and unit names. The query
count does not grow with the data.
"""

import datetime
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.models import Unit
from civicdesk.cases.models import Case, Category, Channel, Outcome, SatisfactionResponse
from civicdesk.cases.states import OPEN_STATES, State
from civicdesk.cases.statistics.results import (
    CaseStatistics,
    HandlingTime,
    Satisfaction,
    Score,
    Tally,
)
from civicdesk.core.i18n import localized
from civicdesk.core.reporting.expressions import DaysBetween, WorkdayNumber, workday_numbers
from civicdesk.core.reporting.histogram import percentile
from civicdesk.core.selectors import workday_calendar

QUESTIONS = {
    "speed": _("Speed"),
    "attitude": _("Attitude"),
    "clarity": _("Clarity of the answer"),
    "overall": _("Overall"),
}
SCORES = (1, 2, 3, 4, 5)
MEDIAN, P90 = 0.5, 0.9
_GROUP_BY = ("category_id", "channel", "unit_id", "outcome", "state")
# `CaseQuerySet.overdue` as a condition inside the GROUP BY (a paused clock is not overdue);
# tests check that both agree.
_OVERDUE_STATES = OPEN_STATES - {State.WAITING_SUPPLEMENT}


def case_statistics(
    *, user: User | AnonymousUser, start: datetime.date, end: datetime.date
) -> CaseStatistics:
    as_of = timezone.localdate()
    cases = (
        Case.objects.visible_to(user)
        .confirmed()
        .filter(received_on__gte=start, received_on__lte=end)
    )
    groups = _grouped_counts(cases, as_of=as_of)
    total = _sum(groups, "total")
    concluded = _sum(groups, "closed")
    on_time = _sum(groups, "on_time")
    by_channel, by_outcome, by_state = (
        _tally(groups, key) for key in ("channel", "outcome", "state")
    )
    invited = sum(
        g["total"] for g in groups if g["state"] == State.CLOSED and g["outcome"] == Outcome.REPLIED
    )
    return CaseStatistics(
        start=start,
        end=end,
        as_of=as_of,
        total=total,
        concluded=concluded,
        open=sum(g["total"] for g in groups if g["state"] in OPEN_STATES),
        concluded_on_time=on_time,
        on_time_rate=_rate(on_time, concluded),
        open_overdue=_sum(groups, "overdue"),
        extended=_sum(groups, "extended"),
        extensions=_sum(groups, "extensions"),
        repeats=_sum(groups, "repeats"),
        merged=by_outcome[Outcome.MERGED],
        transferred=by_outcome[Outcome.TRANSFERRED],
        handling=_handling_time(cases, start=start, end=max(end, as_of)),
        by_category=_by_category(groups),
        by_channel=tuple(
            Tally(value, str(label), by_channel[value]) for value, label in Channel.choices
        ),
        by_unit=_by_unit(groups),
        by_outcome=(
            Tally("", str(_("Not concluded yet")), by_outcome[""]),
            *(Tally(value, str(label), by_outcome[value]) for value, label in Outcome.choices),
        ),
        by_state=tuple(
            Tally(value, str(label), by_state[value])
            for value, label in State.choices
            if value not in {State.RECEIVED, State.EXPIRED}
        ),
        satisfaction=_satisfaction(cases, invited=invited),
    )


def _grouped_counts(cases: QuerySet[Case], *, as_of: datetime.date) -> list[dict[str, Any]]:
    """Every count but the survey and the handling time, by (category, channel, unit, outcome,
    state)."""
    closed = Q(closed_at__isnull=False)
    rows: list[dict[str, Any]] = list(
        cases.values(*_GROUP_BY)
        .annotate(
            total=Count("pk"),
            closed=Count("pk", filter=closed),
            # Against the deadline in force: lawful extensions and supplement pauses moved it.
            on_time=Count("pk", filter=closed & Q(deadline__gte=TruncDate("closed_at"))),
            overdue=Count("pk", filter=Q(state__in=_OVERDUE_STATES, deadline__lt=as_of)),
            extended=Count("pk", filter=Q(extension_count__gt=0)),
            extensions=Sum("extension_count"),
            repeats=Count(
                "pk", filter=Q(outcome=Outcome.FILED_REPEAT) | Q(repeat_of__isnull=False)
            ),
        )
        .order_by()
    )
    return rows


def _sum(groups: Iterable[dict[str, Any]], key: str) -> int:
    return sum(group[key] or 0 for group in groups)


def _tally(groups: Iterable[dict[str, Any]], key: str) -> Counter[Any]:
    counts: Counter[Any] = Counter()
    for group in groups:
        counts[group[key]] += group["total"]
    return counts


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _ranked(rows: Iterable[Tally]) -> tuple[Tally, ...]:
    return tuple(sorted(rows, key=lambda row: (-row.count, row.label)))


def _by_category(groups: list[dict[str, Any]]) -> tuple[Tally, ...]:
    counts = _tally(groups, "category_id")
    if not counts:
        return ()
    categories = Category.objects.filter(pk__in=counts).only("code", "name", "name_en")
    return _ranked(Tally(c.code, localized(c, "name"), counts[c.pk]) for c in categories)


def _by_unit(groups: list[dict[str, Any]]) -> tuple[Tally, ...]:
    counts = _tally(groups, "unit_id")
    if not counts:
        return ()
    units = Unit.objects.filter(pk__in=counts).only("code", "name", "name_en")
    return _ranked(Tally(u.code, localized(u, "name"), counts[u.pk]) for u in units)


def _satisfaction(cases: QuerySet[Case], *, invited: int) -> Satisfaction:
    """Responses of the petitioners invited: those whose case is closed with a reply. A rating
    of a case reopened since no longer counts: it rated an answer that did not settle the
    matter, and the case will be rated again when it closes."""
    rows = list(
        SatisfactionResponse.objects.filter(
            case__in=cases.filter(state=State.CLOSED, outcome=Outcome.REPLIED)
        )
        .values("overall")
        .annotate(responses=Count("pk"), **{f"{code}_sum": Sum(code) for code in QUESTIONS})
        .order_by()
    )
    responses = _sum(rows, "responses")
    by_overall = {row["overall"]: row["responses"] for row in rows}
    return Satisfaction(
        invited=invited,
        responses=responses,
        response_rate=_rate(responses, invited),
        scores=tuple(
            Score(
                code,
                str(label),
                round(_sum(rows, f"{code}_sum") / responses, 2) if responses else None,
            )
            for code, label in QUESTIONS.items()
        ),
        overall_distribution=tuple(
            Tally(str(score), str(score), by_overall.get(score, 0)) for score in SCORES
        ),
    )


def _handling_time(
    cases: QuerySet[Case], *, start: datetime.date, end: datetime.date
) -> HandlingTime:
    """Median and 90th percentile of the days from receipt to closure, in calendar and in
    working days, from a histogram of the concluded cases by (days, working days).

    Working days need the office calendar (declared holidays, make-up Saturdays, closures): it
    goes to the database as one number per date from `start` to `end`, the working days after
    `start` up to that date, so a case's working days are `w(closed) - w(received)`, the count
    `deadlines.handling_workdays` gives. A closure dated outside [start, end], that is before
    the period began (so before the receipt) or in the future, is left out.
    """
    numbers = workday_numbers(workday_calendar(start=start, end=end), start=start, end=end)
    zone = timezone.get_current_timezone()
    closed = cases.filter(
        closed_at__gte=datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
        closed_at__lt=datetime.datetime.combine(
            end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        ),
    ).alias(closed_on=TruncDate("closed_at"))
    rows = list(
        closed.values(
            days=DaysBetween("closed_on", "received_on"),
            workdays=WorkdayNumber("closed_on", numbers=numbers, first=start)
            - WorkdayNumber("received_on", numbers=numbers, first=start),
        )
        .annotate(cases=Count("pk"))
        .order_by()
    )
    days: Counter[int] = Counter()
    workdays: Counter[int] = Counter()
    for row in rows:
        days[row["days"]] += row["cases"]
        workdays[row["workdays"]] += row["cases"]
    return HandlingTime(
        cases=sum(days.values()),
        median_days=percentile(days, MEDIAN),
        p90_days=percentile(days, P90),
        median_workdays=percentile(workdays, MEDIAN),
        p90_workdays=percentile(workdays, P90),
    )
