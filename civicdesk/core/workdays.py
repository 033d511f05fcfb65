"""The working-day calendar: pure rules for counting statutory deadlines in working days.

Petition deadlines run in working days (行政程序法 §48 on computing periods; 行政院及所屬各機關
處理人民陳情案件要點). Which days are working days is data, not arithmetic: holidays, bridge
days, 補行上班 make-up Saturdays and typhoon closures (停止上班) are declared each year, so the
calendar is built from declarations by `civicdesk.core.selectors.workday_calendar`; undeclared
days fall back to Monday to Friday.
"""

import datetime
from dataclasses import dataclass

# No real calendar has a year without a working day; a longer search means corrupt data.
MAX_SEARCH_DAYS = 366


@dataclass(frozen=True)
class WorkdayCalendar:
    """Declared days off and working days; a date in both is a working day.

    Only as good as its declarations: a date outside the range the calendar was built for is
    judged Monday to Friday, so build it wide enough (the selector adds a margin).
    """

    days_off: frozenset[datetime.date]
    workdays: frozenset[datetime.date]

    def is_workday(self, day: datetime.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < 5

    def next_workday(self, day: datetime.date) -> datetime.date:
        """The first working day strictly after `day`."""
        candidate = day
        for _ in range(MAX_SEARCH_DAYS):
            candidate += datetime.timedelta(days=1)
            if self.is_workday(candidate):
                return candidate
        raise ValueError(f"No working day within {MAX_SEARCH_DAYS} days after {day}.")

    def add_workdays(self, start: datetime.date, n: int) -> datetime.date:
        """The `n`-th working day strictly after `start`.

        Day 1 is the next working day after `start` (a period does not count the day it starts
        on). `n == 0` gives `start` itself when it is a working day, else the next one.
        """
        if n < 0:
            raise ValueError(f"Cannot add a negative number of working days ({n}).")
        if n == 0:
            return start if self.is_workday(start) else self.next_workday(start)
        day = start
        for _ in range(n):
            day = self.next_workday(day)
        return day

    def workdays_between(self, start: datetime.date, end: datetime.date) -> int:
        """How many working days `d` satisfy `start < d <= end` (0 when `end <= start`)."""
        if end <= start:
            return 0
        count = _weekdays_through(end) - _weekdays_through(start)
        # Correct the Monday-to-Friday count only where a declaration changes the answer.
        for day in self.days_off | self.workdays:
            if start < day <= end:
                count += int(self.is_workday(day)) - int(day.weekday() < 5)
        return count


def _weekdays_through(day: datetime.date) -> int:
    """Mondays to Fridays from an arbitrary fixed Monday up to and including `day`."""
    ordinal = day.toordinal()  # date(1, 1, 1) is ordinal 1 and a Monday
    weeks, rest = divmod(ordinal - 1, 7)
    return weeks * 5 + min(rest + 1, 5)
