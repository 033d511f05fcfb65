"""Petition statistics as figure groups: the screen and both exports are built from these, so
the table on screen, the CSV section and the ODS sheet of a group hold the same figures."""

from collections.abc import Iterable

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicdesk.cases.statistics.results import CaseStatistics, Tally
from civicdesk.core.reporting import figures
from civicdesk.core.reporting.charts import bar_chart
from civicdesk.core.reporting.figures import Cell, FigureGroup, count, decimal, percent, text
from civicdesk.core.reporting.periods import PeriodForm


class ReceivedPeriodForm(PeriodForm):
    """Which cases count: those whose receipt was confirmed from `start` to `end`, inclusive."""

    labels = (gettext_lazy("Received from"), gettext_lazy("Received to"))


def _pairs(tallies: Iterable[Tally]) -> list[tuple[str, int]]:
    return [(t.label, t.count) for t in tallies]


def _overview(stats: CaseStatistics) -> FigureGroup:
    rows = (
        (_("Received"), stats.total),
        (_("Concluded"), stats.concluded),
        (_("Still open"), stats.open),
        (
            _("Open and past the deadline on %(date)s") % {"date": stats.as_of.isoformat()},
            stats.open_overdue,
        ),
        (_("Cases with an extended deadline"), stats.extended),
        (_("Extensions granted"), stats.extensions),
        (_("Repeats of a matter already answered"), stats.repeats),
        (_("Merged into another case"), stats.merged),
        (_("Transferred to another agency"), stats.transferred),
    )
    return figures.figure_table("overview", _("Cases in the period"), rows)


def _handling_time(stats: CaseStatistics) -> FigureGroup:
    handling = stats.handling
    title = _("Handling time")
    items = [
        (_("Median, calendar days"), handling.median_days),
        (_("Median, working days"), handling.median_workdays),
        (_("90th percentile, calendar days"), handling.p90_days),
        (_("90th percentile, working days"), handling.p90_workdays),
    ]
    return FigureGroup(
        slug="handling-time",
        title=title,
        columns=(_("Figure"), _("Calendar days"), _("Working days")),
        rows=(
            (text(_("Median")), decimal(handling.median_days), decimal(handling.median_workdays)),
            (
                text(_("90th percentile")),
                decimal(handling.p90_days),
                decimal(handling.p90_workdays),
            ),
        ),
        chart=bar_chart(title, [(label, value, decimal(value).text) for label, value in items]),
        note=_(
            "From confirmed receipt to closure, over %(count)s concluded cases. Working days "
            "follow the office calendar, as deadlines do: a case closed on the day of "
            "receipt took 0 days."
        )
        % {"count": count(handling.cases).text},
    )


def _timeliness(stats: CaseStatistics) -> FigureGroup:
    title = _("Concluded within the deadline")
    rows = [
        (_("On or before the deadline"), stats.concluded_on_time),
        (_("After the deadline"), stats.concluded_late),
    ]
    return FigureGroup(
        slug="timeliness",
        title=title,
        columns=(_("Figure"), _("Cases"), _("Share of concluded cases (%)")),
        rows=(
            *figures.share_rows(rows, stats.concluded),
            (
                text(_("Concluded")),
                count(stats.concluded),
                percent(1 if stats.concluded else None),
            ),
        ),
        chart=bar_chart(title, [(label, value, count(value).text) for label, value in rows]),
        note=_(
            "On-time rate: %(rate)s. The deadline in force counts: lawful extensions and "
            "waiting for the petitioner's supplement move it."
        )
        % {"rate": percent(stats.on_time_rate).text},
    )


def _breakdowns(stats: CaseStatistics) -> list[FigureGroup]:
    return [
        figures.breakdown(slug, title, heading, _pairs(tallies), stats.total)
        for slug, title, heading, tallies in (
            ("category", _("Cases by category"), _("Category"), stats.by_category),
            ("channel", _("Cases by channel"), _("Channel"), stats.by_channel),
            ("unit", _("Cases by unit"), _("Unit"), stats.by_unit),
            ("outcome", _("Cases by outcome"), _("Outcome"), stats.by_outcome),
            ("state", _("Cases by state"), _("State"), stats.by_state),
        )
    ]


def _survey(stats: CaseStatistics) -> FigureGroup:
    satisfaction = stats.satisfaction
    title = _("Satisfaction survey responses")
    invited = (_("Invited (closed with a reply)"), satisfaction.invited)
    responses = (_("Responses"), satisfaction.responses)
    return FigureGroup(
        slug="survey",
        title=title,
        columns=(_("Figure"), _("Number")),
        rows=(
            (text(invited[0]), count(invited[1])),
            (text(responses[0]), count(responses[1])),
            (text(_("Response rate (%)")), percent(satisfaction.response_rate)),
        ),
        chart=bar_chart(title, [(label, n, count(n).text) for label, n in (invited, responses)]),
    )


def _mean(value: float | None) -> Cell:
    return Cell(value, "—" if value is None else number_format(value, 2))


def _scores(stats: CaseStatistics) -> FigureGroup:
    satisfaction = stats.satisfaction
    title = _("Mean satisfaction scores")
    response_rate = percent(satisfaction.response_rate)
    return FigureGroup(
        slug="scores",
        title=title,
        columns=(_("Question"), _("Mean score (1-5)"), _("Responses"), _("Response rate (%)")),
        rows=tuple(
            (text(score.label), _mean(score.mean), count(satisfaction.responses), response_rate)
            for score in satisfaction.scores
        ),
        chart=bar_chart(
            title,
            [(score.label, score.mean, _mean(score.mean).text) for score in satisfaction.scores],
            scale=5,
        ),
        note=_(
            "Response rate %(rate)s: %(responses)s responses from %(invited)s petitioners "
            "invited. Scores run from 1 (very dissatisfied) to 5 (very satisfied)."
        )
        % {
            "rate": response_rate.text,
            "responses": count(satisfaction.responses).text,
            "invited": count(satisfaction.invited).text,
        },
    )


def _overall_score(stats: CaseStatistics) -> FigureGroup:
    labels = {"1": _("1 (very dissatisfied)"), "5": _("5 (very satisfied)")}
    return figures.breakdown(
        "overall-score",
        _("Overall satisfaction score"),
        _("Overall score"),
        [(labels.get(t.code, t.label), t.count) for t in stats.satisfaction.overall_distribution],
        stats.satisfaction.responses,
        counted=_("Responses"),
    )


def figure_groups(stats: CaseStatistics) -> list[FigureGroup]:
    return [
        _overview(stats),
        _handling_time(stats),
        _timeliness(stats),
        *_breakdowns(stats),
        _survey(stats),
        _scores(stats),
        _overall_score(stats),
    ]


def key_figures(stats: CaseStatistics) -> list[tuple[str, str]]:
    """The headline figures above the groups."""
    return [
        (_("Received"), count(stats.total).text),
        (_("Concluded"), count(stats.concluded).text),
        (_("On-time rate"), percent(stats.on_time_rate).text),
        (_("Median handling time, working days"), decimal(stats.handling.median_workdays).text),
        (_("Survey response rate"), percent(stats.satisfaction.response_rate).text),
    ]


def export_groups(stats: CaseStatistics) -> list[FigureGroup]:
    """The figure groups of the exports: first which cases they cover."""
    period = figures.period_group(
        [
            (_("Received from"), stats.start),
            (_("Received to"), stats.end),
            (_("Figures as of"), stats.as_of),
        ]
    )
    return [period, *figure_groups(stats)]
