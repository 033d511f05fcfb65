"""Petition statistics for staff: a period form, charts beside their tables, CSV and ODS exports.

The screen and both exports are built from the same figure groups (`figure_groups`), so the
table on screen, the CSV section and the ODS sheet of a group always hold the same figures.
Charts are inline SVG drawn on the server; the table beside each chart is the accessible source.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
from odf.style import Style, TextProperties  # type: ignore[import-untyped]
from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
from odf.text import P  # type: ignore[import-untyped]

from civicdesk.cases.statistics import CaseStatistics, Tally, case_statistics

MAX_SPAN_YEARS = 5
EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}

Value = str | int | float | datetime.date | None


class PeriodForm(forms.Form):
    """Which cases count: those whose receipt was confirmed from `start` to `end`, inclusive."""

    start = forms.DateField(
        label=gettext_lazy("Received from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("Received to"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, datetime.date) and isinstance(end, datetime.date):
            if end < start:
                raise forms.ValidationError(
                    gettext_lazy("The end date must not be before the start date."),
                    code="end_before_start",
                )
            if end >= _years_after(start, MAX_SPAN_YEARS):
                raise forms.ValidationError(
                    gettext_lazy("Choose a period of at most %(years)d years.")
                    % {"years": MAX_SPAN_YEARS},
                    code="too_long",
                )
        return data


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, month=3, day=1)


def period_form(request: HttpRequest) -> PeriodForm:
    """Bound to the query string; this calendar year to today when nothing is chosen."""
    today = timezone.localdate()
    return PeriodForm(
        {
            "start": request.GET.get("start") or today.replace(month=1, day=1).isoformat(),
            "end": request.GET.get("end") or today.isoformat(),
        }
    )


@dataclass(frozen=True)
class Cell:
    value: Value  # what the exports hold: numbers stay numbers, rates are percentages
    text: str  # what the screen shows


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    label_y: int
    bar_y: int
    width: str
    text_x: str
    height: int


@dataclass(frozen=True)
class Chart:
    summary: str
    bars: tuple[Bar, ...]
    height: int
    width: int


@dataclass(frozen=True)
class FigureGroup:
    slug: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: Chart | None
    note: str = ""


# Drawn about the size it is shown, so that the 14px labels stay legible.
CHART_WIDTH = 480
BAR_AREA = 400  # the rest of the width holds the figure at the end of the longest bar
ROW_HEIGHT = 42
BAR_HEIGHT = 16


def bar_chart(
    title: str, items: Sequence[tuple[str, float | None, str]], *, scale: float = 0
) -> Chart:
    """A horizontal bar chart: each item is (label, value, the value as shown)."""
    top = max([value or 0 for _label, value, _text in items] + [scale])
    bars = []
    for index, (label, value, text) in enumerate(items):
        width = BAR_AREA * (value or 0) / top if top else 0
        y = index * ROW_HEIGHT
        bars.append(
            Bar(
                label=label,
                text=text,
                label_y=y + 15,
                bar_y=y + 21,
                width=f"{width:.1f}",
                text_x=f"{width + 6:.1f}",
                height=BAR_HEIGHT,
            )
        )
    summary = "; ".join(f"{label}: {text}" for label, _value, text in items)
    return Chart(
        summary=f"{title}. {summary}",
        bars=tuple(bars),
        height=max(len(items), 1) * ROW_HEIGHT,
        width=CHART_WIDTH,
    )


def _count(value: int) -> Cell:
    return Cell(value, number_format(value, force_grouping=True))


def _days(value: float | None) -> Cell:
    return Cell(value, "—" if value is None else number_format(value, 1))


def _percent(rate: float | None) -> Cell:
    """A fraction (0-1) shown and exported as a percentage with one decimal."""
    if rate is None:
        return Cell(None, "—")
    percent = round(rate * 100, 1)
    return Cell(percent, f"{number_format(percent, 1)}%")


def _text(value: str) -> Cell:
    return Cell(value, value)


def _share_rows(tallies: Iterable[Tally], whole: int) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (_text(t.label), _count(t.count), _percent(t.count / whole if whole else None))
        for t in tallies
    )


def _breakdown(
    slug: str,
    title: str,
    heading: str,
    tallies: tuple[Tally, ...],
    whole: int,
    *,
    counted: str = "",
) -> FigureGroup:
    rows = _share_rows(tallies, whole)
    return FigureGroup(
        slug=slug,
        title=title,
        columns=(heading, counted or _("Cases"), _("Share (%)")),
        rows=rows,
        chart=bar_chart(
            title, [(t.label, t.count, row[1].text) for t, row in zip(tallies, rows, strict=True)]
        ),
    )


def figure_groups(stats: CaseStatistics) -> list[FigureGroup]:
    satisfaction = stats.satisfaction
    handling = stats.handling
    overview_rows = (
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
    overview_title = _("Cases in the period")
    handling_title = _("Handling time")
    handling_items = [
        (_("Median, calendar days"), handling.median_days),
        (_("Median, working days"), handling.median_workdays),
        (_("90th percentile, calendar days"), handling.p90_days),
        (_("90th percentile, working days"), handling.p90_workdays),
    ]
    timeliness_title = _("Concluded within the deadline")
    timeliness_rows = (
        (_("On or before the deadline"), stats.concluded_on_time),
        (_("After the deadline"), stats.concluded_late),
    )
    survey_title = _("Satisfaction survey responses")
    scores_title = _("Mean satisfaction scores")
    response_rate = _percent(satisfaction.response_rate)
    distribution_title = _("Overall satisfaction score")
    score_labels = {
        "1": _("1 (very dissatisfied)"),
        "5": _("5 (very satisfied)"),
    }
    return [
        FigureGroup(
            slug="overview",
            title=overview_title,
            columns=(_("Figure"), _("Number")),
            rows=tuple((_text(label), _count(value)) for label, value in overview_rows),
            chart=bar_chart(
                overview_title,
                [(label, value, _count(value).text) for label, value in overview_rows],
            ),
        ),
        FigureGroup(
            slug="handling-time",
            title=handling_title,
            columns=(_("Figure"), _("Calendar days"), _("Working days")),
            rows=(
                (_text(_("Median")), _days(handling.median_days), _days(handling.median_workdays)),
                (
                    _text(_("90th percentile")),
                    _days(handling.p90_days),
                    _days(handling.p90_workdays),
                ),
            ),
            chart=bar_chart(
                handling_title,
                [(label, value, _days(value).text) for label, value in handling_items],
            ),
            note=_(
                "From confirmed receipt to closure, over %(count)s concluded cases. Working days "
                "follow the office calendar, as deadlines do: a case closed on the day of "
                "receipt took 0 days."
            )
            % {"count": _count(handling.cases).text},
        ),
        FigureGroup(
            slug="timeliness",
            title=timeliness_title,
            columns=(_("Figure"), _("Cases"), _("Share of concluded cases (%)")),
            rows=(
                *_share_rows(
                    (Tally("", label, value) for label, value in timeliness_rows), stats.concluded
                ),
                (
                    _text(_("Concluded")),
                    _count(stats.concluded),
                    _percent(1 if stats.concluded else None),
                ),
            ),
            chart=bar_chart(
                timeliness_title,
                [(label, value, _count(value).text) for label, value in timeliness_rows],
            ),
            note=_(
                "On-time rate: %(rate)s. The deadline in force counts: lawful extensions and "
                "waiting for the petitioner's supplement move it."
            )
            % {"rate": _percent(stats.on_time_rate).text},
        ),
        _breakdown(
            "category", _("Cases by category"), _("Category"), stats.by_category, stats.total
        ),
        _breakdown("channel", _("Cases by channel"), _("Channel"), stats.by_channel, stats.total),
        _breakdown("unit", _("Cases by unit"), _("Unit"), stats.by_unit, stats.total),
        _breakdown("outcome", _("Cases by outcome"), _("Outcome"), stats.by_outcome, stats.total),
        _breakdown("state", _("Cases by state"), _("State"), stats.by_state, stats.total),
        FigureGroup(
            slug="survey",
            title=survey_title,
            columns=(_("Figure"), _("Number")),
            rows=(
                (_text(_("Invited (closed with a reply)")), _count(satisfaction.invited)),
                (_text(_("Responses")), _count(satisfaction.responses)),
                (_text(_("Response rate (%)")), response_rate),
            ),
            chart=bar_chart(
                survey_title,
                [
                    (
                        _("Invited (closed with a reply)"),
                        satisfaction.invited,
                        _count(satisfaction.invited).text,
                    ),
                    (_("Responses"), satisfaction.responses, _count(satisfaction.responses).text),
                ],
            ),
        ),
        FigureGroup(
            slug="scores",
            title=scores_title,
            columns=(_("Question"), _("Mean score (1-5)"), _("Responses"), _("Response rate (%)")),
            rows=tuple(
                (
                    _text(score.label),
                    Cell(score.mean, "—" if score.mean is None else number_format(score.mean, 2)),
                    _count(satisfaction.responses),
                    response_rate,
                )
                for score in satisfaction.scores
            ),
            chart=bar_chart(
                scores_title,
                [
                    (
                        score.label,
                        score.mean,
                        "—" if score.mean is None else number_format(score.mean, 2),
                    )
                    for score in satisfaction.scores
                ],
                scale=5,
            ),
            note=_(
                "Response rate %(rate)s: %(responses)s responses from %(invited)s petitioners "
                "invited. Scores run from 1 (very dissatisfied) to 5 (very satisfied)."
            )
            % {
                "rate": response_rate.text,
                "responses": _count(satisfaction.responses).text,
                "invited": _count(satisfaction.invited).text,
            },
        ),
        _breakdown(
            "overall-score",
            distribution_title,
            _("Overall score"),
            tuple(
                Tally(t.code, score_labels.get(t.code, t.label), t.count)
                for t in satisfaction.overall_distribution
            ),
            satisfaction.responses,
            counted=_("Responses"),
        ),
    ]


def key_figures(stats: CaseStatistics) -> list[tuple[str, str]]:
    """The headline figures above the groups."""
    return [
        (_("Received"), _count(stats.total).text),
        (_("Concluded"), _count(stats.concluded).text),
        (_("On-time rate"), _percent(stats.on_time_rate).text),
        (_("Median handling time, working days"), _days(stats.handling.median_workdays).text),
        (_("Survey response rate"), _percent(stats.satisfaction.response_rate).text),
    ]


def _period_group(stats: CaseStatistics) -> FigureGroup:
    """Exports only: which cases the figures cover (the screen shows it in the heading)."""
    return FigureGroup(
        slug="period",
        title=_("Period"),
        columns=(_("Figure"), _("Date")),
        rows=(
            (_text(_("Received from")), Cell(stats.start, stats.start.isoformat())),
            (_text(_("Received to")), Cell(stats.end, stats.end.isoformat())),
            (_text(_("Figures as of")), Cell(stats.as_of, stats.as_of.isoformat())),
        ),
        chart=None,
    )


@permission_required("cases.view_statistics", raise_exception=True)
def statistics_view(request: HttpRequest) -> HttpResponse:
    form = period_form(request)
    context: dict[str, object] = {"form": form, "stats": None}
    if form.is_valid():
        stats = case_statistics(
            user=request.user, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
        )
        context.update(stats=stats, groups=figure_groups(stats), key_figures=key_figures(stats))
    return TemplateResponse(request, "cases/admin/case_statistics.html", context)


@permission_required("cases.view_statistics", raise_exception=True)
def statistics_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    form = period_form(request)
    if not form.is_valid():
        return HttpResponseBadRequest(
            " ".join(str(error) for errors in form.errors.values() for error in errors),
            content_type="text/plain; charset=utf-8",
        )
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    stats = case_statistics(user=request.user, start=start, end=end)
    groups = [_period_group(stats), *figure_groups(stats)]
    content = export_csv(groups) if fmt == "csv" else export_ods(groups)
    response = HttpResponse(content, content_type=EXPORT_FORMATS[fmt])
    filename = f"petition-statistics-{start.isoformat()}-{end.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export_value(value: Value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def export_csv(groups: Iterable[FigureGroup]) -> bytes:
    """One section per group (title, header row, rows, blank line); UTF-8 with a BOM so that
    Excel reads the Chinese text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for group in groups:
        writer.writerow([group.title])
        writer.writerow(group.columns)
        writer.writerows([_export_value(cell.value) for cell in row] for row in group.rows)
        writer.writerow([])
    return buffer.getvalue().encode("utf-8-sig")


def export_ods(groups: Iterable[FigureGroup]) -> bytes:
    """One sheet per group, with a bold header row; numbers and dates as typed cells."""
    document = OpenDocumentSpreadsheet()
    header = Style(name="header", family="table-cell")
    header.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(header)
    names: set[str] = set()
    for group in groups:
        table = Table(name=_sheet_name(group.title, names))
        row = TableRow()
        for column in group.columns:
            row.addElement(_ods_cell(column, style=header))
        table.addElement(row)
        for cells in group.rows:
            row = TableRow()
            for cell in cells:
                row.addElement(_ods_cell(cell.value))
            table.addElement(row)
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _ods_cell(value: Value, *, style: object = None) -> object:
    extra = {"stylename": style} if style is not None else {}
    if value is None:
        return TableCell(**extra)
    if isinstance(value, datetime.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat(), **extra)
        text = value.isoformat()
    elif isinstance(value, int | float):
        cell = TableCell(valuetype="float", value=value, **extra)
        text = str(value)
    else:
        cell = TableCell(valuetype="string", **extra)
        text = value
    cell.addElement(P(text=text))
    return cell


def _sheet_name(title: str, taken: set[str]) -> str:
    """Sheet names that spreadsheet programs accept: no []*?:/\\, at most 31 characters."""
    cleaned = "".join(" " if char in "[]*?:/\\" else char for char in title)
    name = " ".join(cleaned.split())[:31] or "Sheet"
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{name[:28]} {number}"
        number += 1
    taken.add(candidate)
    return candidate
