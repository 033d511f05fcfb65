"""The reporting kit: periods, charts (bars and lines), figure groups and their exports."""

import csv
import datetime
import io
from collections import Counter

import pytest
from django.test import RequestFactory
from django.utils import translation
from odf.namespaces import OFFICENS
from odf.opendocument import load
from odf.table import Table, TableCell

from civicdesk.core.reporting import figures
from civicdesk.core.reporting.charts import BAR_AREA, bar_chart, line_chart
from civicdesk.core.reporting.export import export_csv, export_groups_response, export_ods
from civicdesk.core.reporting.expressions import workday_numbers
from civicdesk.core.reporting.histogram import percentile
from civicdesk.core.reporting.periods import PeriodForm, period_form
from civicdesk.core.workdays import WorkdayCalendar


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


class MeasuredPeriodForm(PeriodForm):
    labels = ("Measured from", "Measured to")


def test_a_report_names_its_dates():
    form = MeasuredPeriodForm({"start": "2026-01-01", "end": "2026-01-31"})
    assert form.is_valid()
    assert [form[name].label for name in ("start", "end")] == ["Measured from", "Measured to"]
    assert PeriodForm().fields["start"].label == "From"


def test_the_period_defaults_to_this_year():
    request = RequestFactory().get("/")
    form = period_form(request, MeasuredPeriodForm)
    assert isinstance(form, MeasuredPeriodForm) and form.is_valid()
    assert form.cleaned_data["start"].timetuple()[1:3] == (1, 1)


@pytest.mark.parametrize(
    ("start", "end", "valid"),
    [("2026-01-02", "2026-01-01", False), ("2020-01-01", "2024-12-31", True)],
)
def test_the_period_is_checked(start, end, valid):
    assert PeriodForm({"start": start, "end": end}).is_valid() is valid


def test_bars_scale_to_the_largest_value():
    chart = bar_chart("Trucks", [("Mon", 4, "4"), ("Tue", 2, "2"), ("Wed", None, "—")])
    assert [bar.width for bar in chart.bars] == [f"{BAR_AREA:.1f}", f"{BAR_AREA / 2:.1f}", "0.0"]
    assert chart.summary == "Trucks. Mon: 4; Tue: 2; Wed: —"


def test_a_line_breaks_where_a_value_is_missing():
    """An hourly emissions series with a gap: two runs, no point drawn at zero."""
    items = [("01:00", 10.0, "10"), ("02:00", 20.0, "20"), ("03:00", None, "—"), ("04:00", 5, "5")]
    chart = line_chart("SO2 (ppm)", items)
    assert chart.kind == "line"
    assert len(chart.lines) == 2 and len(chart.markers) == 3
    top = min(float(marker.y) for marker in chart.markers)
    assert float(chart.markers[1].y) == top  # the largest value is highest
    assert [label.label for label in chart.axis_labels] == ["01:00", "04:00"]
    assert "03:00: —" in chart.summary


def groups():
    return [
        figures.period_group([("From", datetime.date(2026, 3, 1))]),
        figures.breakdown(
            "source", "Complaints by source", "Source", [("Odour", 3), ("Noise", 1)], 4
        ),
    ]


def test_csv_has_a_section_per_group():
    text = export_csv(groups()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[:3] == [["Period"], ["Figure", "Date"], ["From", "2026-03-01"]]
    assert ["Odour", "3", "75.0"] in rows


def test_ods_has_a_sheet_per_group_with_typed_cells():
    document = load(io.BytesIO(export_ods(groups())))
    sheets = document.spreadsheet.getElementsByType(Table)
    assert [sheet.getAttribute("name") for sheet in sheets] == ["Period", "Complaints by source"]
    cells = sheets[0].getElementsByType(TableCell)
    assert cells[-1].getAttrNS(OFFICENS, "date-value") == "2026-03-01"


def test_the_download_is_an_attachment():
    response = export_groups_response(groups(), fmt="ods", filename="complaints.ods")
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert response["Content-Disposition"] == 'attachment; filename="complaints.ods"'


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [([], 0.5, None), ([1, 2, 3, 4], 0.5, 2.5), ([0, 0, 10], 0.9, 8.0)],
)
def test_percentile_from_a_histogram(values, fraction, expected):
    assert percentile(Counter(values), fraction) == expected


def test_workday_numbers_count_working_days_after_the_start():
    monday = datetime.date(2026, 3, 2)
    calendar = WorkdayCalendar(
        days_off=frozenset({monday + datetime.timedelta(days=2)}), workdays=frozenset()
    )
    numbers = workday_numbers(calendar, start=monday, end=monday + datetime.timedelta(days=7))
    # Tuesday 1, Wednesday a day off, Thursday 2, Friday 3, the weekend, Monday 4.
    assert numbers == [0, 1, 1, 2, 3, 3, 3, 4]
