import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from civicdesk.core.models import OfficeDay, OfficeDaySource
from civicdesk.core.selectors import workday_calendar, workday_calendar_around
from civicdesk.core.services import (
    CalendarImportError,
    OfficeClosureError,
    office_calendar_import_csv,
    office_closure_add,
    office_closure_remove,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    # Closure errors are translated for staff; the tests match the English msgids.
    with translation.override("en"):
        yield


HEADER = "西元日期,星期,是否放假,備註"
WEEKDAYS = "一二三四五六日"


def d(text):
    return datetime.date.fromisoformat(text)


def span(first, last):
    day, days = d(first), []
    while day <= d(last):
        days.append(day)
        day += datetime.timedelta(days=1)
    return days


def year_lines(year, days_off=None, workdays=None):
    """Every day of `year` in the DGPA layout; weekends off unless declared otherwise.

    Test fixtures, internally consistent, not official data.
    """
    days_off, workdays = days_off or {}, workdays or {}
    lines = []
    for day in span(f"{year}-01-01", f"{year}-12-31"):
        if day in workdays:
            is_off, note = False, workdays[day]
        elif day in days_off:
            is_off, note = True, days_off[day]
        else:
            is_off, note = day.weekday() >= 5, ""
        lines.append(f"{day:%Y%m%d},{WEEKDAYS[day.weekday()]},{2 if is_off else 0},{note}")
    return lines


CALENDAR_2025 = year_lines(
    2025,
    days_off={
        **dict.fromkeys(span("2025-01-27", "2025-01-31"), "春節"),
        d("2025-01-28"): "農曆除夕",
    },
    workdays={d("2025-02-08"): "補行上班"},
)
CALENDAR_2026 = year_lines(
    2026,
    days_off={**dict.fromkeys(span("2026-02-14", "2026-02-22"), "春節"), d("2026-02-27"): "補假"},
)


def write(tmp_path, lines, *, encoding="utf-8", name="calendar.csv", newline="\n"):
    path = tmp_path / name
    path.write_bytes(newline.join([HEADER, *lines, ""]).encode(encoding))
    return path


def closure_user(django_user_model):
    return django_user_model.objects.create_user(username="closure-officer")


# Import


def test_import_creates_every_day_and_the_calendar_uses_it(tmp_path):
    result = office_calendar_import_csv(path=write(tmp_path, CALENDAR_2026))
    assert (result.created, result.updated, result.unchanged) == (365, 0, 0)
    assert result.years == (2026,)
    calendar = workday_calendar(start=d("2026-02-01"), end=d("2026-03-31"))
    assert not any(calendar.is_workday(day) for day in span("2026-02-14", "2026-02-22"))
    # Confirmed on the Friday before 春節; six working days from the next working day.
    assert calendar.add_workdays(d("2026-02-13"), 6) == d("2026-03-03")
    assert OfficeDay.objects.get(date=d("2026-02-16")).note == "春節"


def test_make_up_saturday_is_a_workday(tmp_path):
    office_calendar_import_csv(path=write(tmp_path, CALENDAR_2025))
    day = OfficeDay.objects.get(date=d("2025-02-08"))
    assert (day.is_day_off, day.note, day.source) == (False, "補行上班", OfficeDaySource.DGPA)
    calendar = workday_calendar(start=d("2025-02-01"), end=d("2025-02-28"))
    assert calendar.is_workday(d("2025-02-08"))
    assert calendar.add_workdays(d("2025-02-07"), 6) == d("2025-02-14")


def test_big5_file(tmp_path):
    office_calendar_import_csv(path=write(tmp_path, CALENDAR_2025, encoding="cp950"))
    assert OfficeDay.objects.get(date=d("2025-01-28")).note == "農曆除夕"
    assert OfficeDay.objects.get(date=d("2025-02-08")).note == "補行上班"


def test_utf8_bom_whitespace_blank_lines_and_crlf(tmp_path):
    lines = [f"  {line.replace(',', ' , ')}  " for line in CALENDAR_2025[:40]]
    lines.insert(10, "")
    lines.insert(20, "   ")
    path = write(tmp_path, ["", *lines, "", ""], encoding="utf-8-sig", newline="\r\n")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = office_calendar_import_csv(path=path)
    assert result.created == 40
    assert OfficeDay.objects.get(date=d("2025-01-28")).note == "農曆除夕"


def test_rows_without_the_trailing_note_column(tmp_path):
    office_calendar_import_csv(path=write(tmp_path, ["20250104,六,2", "20250106,一,0"]))
    assert OfficeDay.objects.get(date=d("2025-01-04")).is_day_off


def test_reimport_is_idempotent_and_updates_changed_days(tmp_path):
    path = write(tmp_path, CALENDAR_2026)
    office_calendar_import_csv(path=path)
    again = office_calendar_import_csv(path=path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 365)
    # A revised edition: 2026-09-28 becomes a day off, and one note changes.
    revised = [
        line.replace("20260928,一,0,", "20260928,一,2,孔子誕辰紀念日").replace(
            "20260227,五,2,補假", "20260227,五,2,和平紀念日補假"
        )
        for line in CALENDAR_2026
    ]
    result = office_calendar_import_csv(path=write(tmp_path, revised, name="revised.csv"))
    assert (result.created, result.updated, result.unchanged) == (0, 2, 363)
    assert OfficeDay.objects.get(date=d("2026-09-28")).is_day_off
    assert OfficeDay.objects.get(date=d("2026-02-27")).note == "和平紀念日補假"


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("2025013,五,0,", "is not YYYYMMDD"),
        ("2025/01/31,五,0,", "is not YYYYMMDD"),
        ("20250230,日,2,", "is not a date"),
        ("20250131,五,1,", "neither 0 .workday. nor 2"),
        ("20250131,五,,", "neither 0 .workday. nor 2"),
        ("20250131,六,0,", "does not match 2025-01-31"),
        ("20250131,五", "expected 4 columns, found 2"),
        ("20250131,五,0,備註,多一欄", "expected 4 columns, found 5"),
        ("20250102,四,0,", "2025-01-02 already given on line 4"),
        ("20250131,五,0," + "長" * 201, "longer than 200"),
    ],
)
def test_a_bad_line_aborts_the_import_and_is_named(tmp_path, bad_line, message):
    lines = ["20250101,三,2,開國紀念日", "", "20250102,四,0,", bad_line, "20250203,一,0,"]
    with pytest.raises(CalendarImportError, match=message) as excinfo:
        office_calendar_import_csv(path=write(tmp_path, lines))
    # The header is line 1 and the blank line counts, so the bad line is line 5.
    assert excinfo.value.line == 5
    assert "line 5:" in str(excinfo.value)
    assert not OfficeDay.objects.exists()


def test_every_bad_line_is_reported(tmp_path):
    with pytest.raises(CalendarImportError, match=r"line 2: .*; line 4: ") as excinfo:
        office_calendar_import_csv(
            path=write(tmp_path, ["20250101,三,9,", "20250102,四,0,", "20250103,五,9,"])
        )
    assert excinfo.value.line == 2


@pytest.mark.parametrize(
    "content",
    [
        b"date,weekday,off,note\n20250101,\xe4\xb8\x89,2,\n",
        "西元日期,星期,是否放假\n20250101,三,2\n".encode(),
    ],
)
def test_a_file_without_the_dgpa_header_is_refused(tmp_path, content):
    path = tmp_path / "other.csv"
    path.write_bytes(content)
    with pytest.raises(CalendarImportError, match="line 1: expected the header"):
        office_calendar_import_csv(path=path)


def test_an_empty_calendar_is_refused(tmp_path):
    with pytest.raises(CalendarImportError, match="no days"):
        office_calendar_import_csv(path=write(tmp_path, ["", " "]))


def test_a_file_in_neither_encoding_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(HEADER.encode() + b"\n20250101,\xff\xfe,2,\n")
    with pytest.raises(CalendarImportError, match="neither UTF-8 nor Big5"):
        office_calendar_import_csv(path=path)


# Closures


def test_a_closure_overrides_an_imported_workday_and_survives_reimport(tmp_path, django_user_model):
    path = write(tmp_path, CALENDAR_2026)
    office_calendar_import_csv(path=path)
    user = closure_user(django_user_model)
    closure = office_closure_add(day=d("2026-08-04"), reason=" 颱風停止上班 ", user=user)
    assert (closure.source, closure.is_day_off, closure.note) == ("closure", True, "颱風停止上班")
    assert closure.created_by == user
    assert OfficeDay.objects.filter(date=d("2026-08-04")).count() == 1

    result = office_calendar_import_csv(path=path)
    assert (result.updated, result.unchanged, result.closures_kept) == (0, 364, 1)
    assert OfficeDay.objects.get(date=d("2026-08-04")).source == OfficeDaySource.CLOSURE

    calendar = workday_calendar(start=d("2026-08-01"), end=d("2026-08-31"))
    assert not calendar.is_workday(d("2026-08-04"))
    # From Friday 31 July: 3 (4 closed) 5 6 7 10 11.
    assert calendar.add_workdays(d("2026-07-31"), 6) == d("2026-08-11")
    assert calendar.workdays_between(d("2026-07-31"), d("2026-08-07")) == 4


def test_closing_and_reopening_a_make_up_saturday(tmp_path):
    office_calendar_import_csv(path=write(tmp_path, CALENDAR_2025))
    office_closure_add(day=d("2025-02-08"), reason="颱風停止上班", user=None)
    assert not workday_calendar(start=d("2025-02-01"), end=d("2025-02-28")).is_workday(
        d("2025-02-08")
    )
    office_closure_remove(day=d("2025-02-08"))
    reopened = OfficeDay.objects.get(date=d("2025-02-08"))
    assert (reopened.source, reopened.is_day_off) == (OfficeDaySource.DGPA, False)
    assert workday_calendar(start=d("2025-02-01"), end=d("2025-02-28")).is_workday(d("2025-02-08"))
    # The next import brings the note back.
    result = office_calendar_import_csv(path=write(tmp_path, CALENDAR_2025, name="again.csv"))
    assert result.updated == 1
    assert OfficeDay.objects.get(date=d("2025-02-08")).note == "補行上班"


def test_a_closure_in_a_year_not_imported_is_deleted_on_removal():
    office_closure_add(day=d("2027-07-14"), reason="颱風", user=None)
    assert not workday_calendar(start=d("2027-07-01"), end=d("2027-07-31")).is_workday(
        d("2027-07-14")
    )
    office_closure_remove(day=d("2027-07-14"))
    assert not OfficeDay.objects.filter(date=d("2027-07-14")).exists()
    assert workday_calendar(start=d("2027-07-01"), end=d("2027-07-31")).is_workday(d("2027-07-14"))


@pytest.mark.parametrize(
    ("day", "reason", "message"),
    [
        ("2026-02-16", "颱風", "already a day off"),  # imported 春節
        ("2026-03-07", "颱風", "already a day off"),  # Saturday
        ("2026-08-04", "   ", "needs a reason"),
        ("2026-08-04", "長" * 201, "longer than 200"),
    ],
)
def test_closures_that_are_refused(tmp_path, day, reason, message):
    office_calendar_import_csv(path=write(tmp_path, CALENDAR_2026))
    with pytest.raises(OfficeClosureError, match=message):
        office_closure_add(day=d(day), reason=reason, user=None)
    assert not OfficeDay.objects.closures().exists()


def test_a_day_cannot_be_closed_twice():
    office_closure_add(day=d("2027-07-14"), reason="颱風", user=None)
    with pytest.raises(OfficeClosureError, match="already closed"):
        office_closure_add(day=d("2027-07-14"), reason="又一次", user=None)


def test_only_closures_can_be_removed(tmp_path):
    office_calendar_import_csv(path=write(tmp_path, CALENDAR_2026))
    with pytest.raises(OfficeClosureError, match="no closure"):
        office_closure_remove(day=d("2026-02-16"))
    assert OfficeDay.objects.get(date=d("2026-02-16")).is_day_off


# Fallback to the holidays package


def test_years_not_imported_fall_back_to_the_holidays_package():
    calendar = workday_calendar(start=d("2025-01-01"), end=d("2026-12-31"))
    assert calendar.is_workday(d("2025-02-08"))  # 補行上班, which the package knows for 2025
    assert not calendar.is_workday(d("2025-01-27"))  # the bridge day it made up for
    assert not any(calendar.is_workday(day) for day in span("2026-02-14", "2026-02-22"))
    # Labor Day: a working day for civil servants until 2025, a day off from 2026.
    assert calendar.is_workday(d("2025-05-01"))
    assert not calendar.is_workday(d("2026-05-01"))
    assert calendar.add_workdays(d("2026-02-13"), 6) == d("2026-03-03")


def test_an_imported_year_replaces_the_fallback_and_other_years_keep_it(tmp_path):
    # The fixture deliberately disagrees with the package: 1 May is a working day, 2 March
    # a day off, and there is no 春節.
    office_calendar_import_csv(
        path=write(tmp_path, year_lines(2026, days_off={d("2026-03-02"): "測試放假"}))
    )
    calendar = workday_calendar(start=d("2025-12-01"), end=d("2026-12-31"))
    assert calendar.is_workday(d("2026-05-01"))
    assert not calendar.is_workday(d("2026-03-02"))
    assert calendar.is_workday(d("2026-02-16"))  # the fixture has no 春節
    assert not calendar.is_workday(d("2025-12-25"))  # 2025 from the package
    assert not calendar.is_workday(d("2027-01-01"))  # 2027 from the package


def test_closures_apply_on_top_of_the_fallback():
    # 2025-02-08 is a 補行上班 Saturday in the package; a closure closes it.
    office_closure_add(day=d("2025-02-08"), reason="測試", user=None)
    calendar = workday_calendar(start=d("2025-02-01"), end=d("2025-02-28"))
    assert not calendar.is_workday(d("2025-02-08"))
    assert calendar.add_workdays(d("2025-02-07"), 1) == d("2025-02-10")


def test_the_calendar_is_built_with_one_query(django_assert_num_queries, tmp_path):
    office_calendar_import_csv(path=write(tmp_path, CALENDAR_2025))
    office_closure_add(day=d("2026-08-04"), reason="颱風", user=None)
    with django_assert_num_queries(1):
        calendar = workday_calendar(start=d("2025-01-01"), end=d("2026-12-31"))
    assert not calendar.is_workday(d("2026-08-04"))
    assert calendar.is_workday(d("2025-02-08"))


def test_the_calendar_reaches_sixty_working_days_past_its_end(tmp_path):
    # A 60-day count that starts at `end` and crosses 春節 must still see every declaration.
    office_calendar_import_csv(path=write(tmp_path, CALENDAR_2026))
    office_closure_add(day=d("2026-03-20"), reason="颱風", user=None)
    end = d("2026-01-15")
    calendar = workday_calendar(start=d("2026-01-01"), end=end)
    deadline = calendar.add_workdays(end, 60)
    assert deadline > d("2026-03-20")
    full = workday_calendar(start=d("2026-01-01"), end=d("2026-12-31"))
    assert deadline == full.add_workdays(end, 60)


def test_workday_calendar_around_covers_both_sides():
    office_closure_add(day=d("2027-07-14"), reason="颱風", user=None)
    calendar = workday_calendar_around(d("2028-01-10"))
    assert not calendar.is_workday(d("2027-07-14"))
    assert not calendar.is_workday(d("2027-01-01"))
    assert not calendar.is_workday(d("2029-01-01"))


# The command


def test_command_imports_files_and_reports_counts(tmp_path, capsys):
    first = write(tmp_path, CALENDAR_2025, name="2025.csv")
    second = write(tmp_path, CALENDAR_2026, encoding="cp950", name="2026.csv")
    call_command("import_office_calendar", str(first), str(second))
    out = capsys.readouterr().out
    assert "(2025): created 365, updated 0, unchanged 0, closures kept 0" in out
    assert "(2026): created 365" in out
    call_command("import_office_calendar", str(first))
    assert "created 0, updated 0, unchanged 365" in capsys.readouterr().out


def test_command_names_the_bad_line(tmp_path):
    bad = write(tmp_path, ["20250101,三,2,", "20250102,四,X,"], name="bad.csv")
    with pytest.raises(CommandError, match="line 3: 是否放假 'X'"):
        call_command("import_office_calendar", str(bad))
    assert not OfficeDay.objects.exists()


def test_command_refuses_missing_files_before_importing(tmp_path):
    good = write(tmp_path, CALENDAR_2025)
    with pytest.raises(CommandError, match=r"No such file: .*missing\.csv"):
        call_command("import_office_calendar", str(good), str(tmp_path / "missing.csv"))
    assert not OfficeDay.objects.exists()
