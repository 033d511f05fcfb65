"""Reads of the kernel: the working-day calendar for a date range."""

import datetime
from functools import lru_cache

import holidays
from holidays.constants import GOVERNMENT, PUBLIC

from civicdesk.core.models import OfficeDay, OfficeDaySource
from civicdesk.core.workdays import WorkdayCalendar

# Declarations are loaded this far past `end`, so a caller can count 60 working days beyond it:
# 60 working days are 84 calendar days plus at most a few weeks of holidays (春節 alone is up to 9).
WORKDAY_CALENDAR_MARGIN_DAYS = 120


def workday_calendar(*, start: datetime.date, end: datetime.date) -> WorkdayCalendar:
    """The calendar in force from `start` to `end` + WORKDAY_CALENDAR_MARGIN_DAYS. One query.

    Per calendar year: a year with imported DGPA rows uses them and nothing else (import whole
    years: an undeclared day of an imported year is judged Monday to Friday); a year without
    falls back to the `holidays` package. Staff closures apply on top of either.
    """
    last = max(start, end) + datetime.timedelta(days=WORKDAY_CALENDAR_MARGIN_DAYS)
    years = range(start.year, last.year + 1)
    # Whole years, so "is this year imported?" never depends on where the range cuts it.
    rows = list(
        OfficeDay.objects.filter(
            date__range=(datetime.date(years[0], 1, 1), datetime.date(years[-1], 12, 31))
        ).values_list("date", "is_day_off", "source")
    )
    imported_years = {day.year for day, _off, source in rows if source == OfficeDaySource.DGPA}

    days_off: set[datetime.date] = set()
    workdays: set[datetime.date] = set()
    for year in years:
        if year not in imported_years:
            fallback_off, fallback_work = _holidays_fallback(year)
            days_off |= fallback_off
            workdays |= fallback_work
    for day, is_day_off, source in rows:
        if source == OfficeDaySource.DGPA:
            (days_off if is_day_off else workdays).add(day)
    for day, _off, source in rows:
        if source == OfficeDaySource.CLOSURE:
            days_off.add(day)
            workdays.discard(day)  # a closed make-up Saturday is closed
    return WorkdayCalendar(days_off=frozenset(days_off), workdays=frozenset(workdays))


def workday_calendar_around(day: datetime.date, *, span_days: int = 400) -> WorkdayCalendar:
    """The calendar from `span_days` before `day` to `span_days` (plus the margin) after it."""
    span = datetime.timedelta(days=span_days)
    return workday_calendar(start=day - span, end=day + span)


@lru_cache(maxsize=64)
def _holidays_fallback(
    year: int,
) -> tuple[frozenset[datetime.date], frozenset[datetime.date]]:
    """Days off and make-up working days of `year` from the `holidays` package (version 0.108).

    What it offers for TW: the statutory holidays with the DGPA's observed (補假) days, the
    春節 carry-forward rule, the 2025 law's new holidays from 2025/2026 (Labor Day is off for
    civil servants only from 2026; before, it is in the OPTIONAL category, which we leave out),
    and for past years the DGPA's bridge days (調整放假) with their 補行上班 Saturdays
    (`weekend_workdays`; it has those up to 2025 and none for 2026). The GOVERNMENT category
    adds the pre-2001 days off only government offices had.
    Its limits: bridge days and make-up Saturdays of years the DGPA has not yet announced are
    unknown to it; closures are never in it; 1998-2000 alternate Saturdays are not modelled by
    our Monday-to-Friday default. Import the DGPA calendar for any year that matters.
    """
    # The package files a bridge day's make-up Saturday under the bridge day's year (2015's
    # was made up on 2014-12-27), so ask for the next year too and keep this year's days.
    calendar = holidays.country_holidays(
        "TW", years=(year, year + 1), categories=(PUBLIC, GOVERNMENT)
    )
    days_off = frozenset(day for day in calendar if day.year == year)
    workdays = frozenset(day for day in calendar.weekend_workdays if day.year == year)
    return days_off, workdays
