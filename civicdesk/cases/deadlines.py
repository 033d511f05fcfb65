"""Working-day deadlines of petitions (處理人民陳情案件要點): pure rules on a WorkdayCalendar.

The deadline is counted from the next working day after confirmed receipt; a category sets the
number of working days (default 6) and no deadline may exceed 30 calendar days from receipt.
While the office waits for the petitioner's supplement (補陳) the clock stops, and the deadline
moves by the working days the case waited.
"""

import datetime

from civicdesk.core.workdays import WorkdayCalendar

HARD_CAP_DAYS = 30


def initial_deadline(
    *,
    received_on: datetime.date,
    workdays: int,
    calendar: WorkdayCalendar,
    cap_days: int = HARD_CAP_DAYS,
) -> datetime.date:
    """Day 1 is the first working day after `received_on`; the deadline is day `workdays`."""
    if workdays < 1:
        raise ValueError("A deadline needs at least one working day.")
    due = calendar.add_workdays(received_on, workdays)
    return min(due, received_on + datetime.timedelta(days=cap_days))


def deadline_after_pause(
    *,
    deadline: datetime.date,
    paused_on: datetime.date,
    resumed_on: datetime.date,
    calendar: WorkdayCalendar,
) -> datetime.date:
    """Move the deadline by the working days spent waiting for the supplement."""
    waited = calendar.workdays_between(paused_on, resumed_on)
    return calendar.add_workdays(deadline, waited) if waited else deadline


def is_overdue(*, deadline: datetime.date | None, today: datetime.date) -> bool:
    return deadline is not None and today > deadline


def workdays_left(
    *, deadline: datetime.date, today: datetime.date, calendar: WorkdayCalendar
) -> int:
    """Working days from today to the deadline (0 on the deadline; negative when overdue)."""
    if today <= deadline:
        return calendar.workdays_between(today, deadline)
    return -calendar.workdays_between(deadline, today)


def handling_workdays(
    *, received_on: datetime.date, closed_on: datetime.date, calendar: WorkdayCalendar
) -> int:
    """Working days the office took: from receipt to closure (statistics)."""
    return calendar.workdays_between(received_on, closed_on)
