"""Figure groups: a titled table of typed cells, its chart and a note, described once and
shown on screen (`reporting/figure_group.html`), in CSV and in ODS (`export`) alike, so the
three always hold the same figures."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from civicdesk.core.office.ods import Value
from civicdesk.core.reporting.charts import Chart, bar_chart


@dataclass(frozen=True)
class Cell:
    value: Value  # what the exports hold: numbers stay numbers, rates are percentages
    text: str  # what the screen shows


@dataclass(frozen=True)
class FigureGroup:
    slug: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: Chart | None
    note: str = ""


def count(value: int) -> Cell:
    return Cell(value, number_format(value, force_grouping=True))


def decimal(value: float | None, places: int = 1) -> Cell:
    return Cell(value, "—" if value is None else number_format(value, places))


def percent(rate: float | None) -> Cell:
    """A fraction (0-1) shown and exported as a percentage with one decimal."""
    if rate is None:
        return Cell(None, "—")
    value = round(rate * 100, 1)
    return Cell(value, f"{number_format(value, 1)}%")


def text(value: str) -> Cell:
    return Cell(value, value)


def date(value: datetime.date) -> Cell:
    return Cell(value, value.isoformat())


def share_rows(items: Iterable[tuple[str, int]], whole: int) -> tuple[tuple[Cell, ...], ...]:
    """(label, count, share of `whole` in %) rows."""
    return tuple(
        (text(label), count(n), percent(n / whole if whole else None)) for label, n in items
    )


def breakdown(
    slug: str,
    title: str,
    heading: str,
    items: Iterable[tuple[str, int]],
    whole: int,
    *,
    counted: str = "",
) -> FigureGroup:
    """How `whole` things divide among labels: a table of counts and shares, and bars."""
    pairs = list(items)
    rows = share_rows(pairs, whole)
    return FigureGroup(
        slug=slug,
        title=title,
        columns=(heading, counted or _("Cases"), _("Share (%)")),
        rows=rows,
        chart=bar_chart(
            title, [(label, n, row[1].text) for (label, n), row in zip(pairs, rows, strict=True)]
        ),
    )


def figure_table(
    slug: str, title: str, rows: Iterable[tuple[str, int]], *, note: str = ""
) -> FigureGroup:
    """Labelled counts, (figure, number), with bars."""
    pairs = list(rows)
    return FigureGroup(
        slug=slug,
        title=title,
        columns=(_("Figure"), _("Number")),
        rows=tuple((text(label), count(n)) for label, n in pairs),
        chart=bar_chart(title, [(label, n, count(n).text) for label, n in pairs]),
        note=note,
    )


def period_group(rows: Iterable[tuple[str, datetime.date]]) -> FigureGroup:
    """Exports only: which dates the figures cover (the screen shows them in its heading)."""
    return FigureGroup(
        slug="period",
        title=_("Period"),
        columns=(_("Figure"), _("Date")),
        rows=tuple((text(label), date(day)) for label, day in rows),
        chart=None,
    )
