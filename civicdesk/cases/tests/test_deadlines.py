import datetime

import pytest

from civicdesk.cases import deadlines
from civicdesk.core.workdays import WorkdayCalendar

D = datetime.date
# A fixture calendar: a long weekend (Fri 2026-10-09 off) and a make-up Saturday.
CALENDAR = WorkdayCalendar(
    days_off=frozenset({D(2026, 10, 9), D(2026, 12, 25)}),
    workdays=frozenset({D(2026, 10, 17)}),
)


@pytest.mark.parametrize(
    ("received", "workdays", "expected"),
    [
        # Friday receipt: day 1 is Monday 11-23, day 6 is Monday 11-30.
        (D(2026, 11, 20), 6, D(2026, 11, 30)),
        # Received on a Saturday: counting starts Monday.
        (D(2026, 11, 21), 6, D(2026, 11, 30)),
        # Thursday before the long weekend: Fri 10-09 is off; Sat 10-17 is a workday.
        (D(2026, 10, 8), 5, D(2026, 10, 16)),
        (D(2026, 10, 8), 6, D(2026, 10, 17)),
        (D(2026, 10, 8), 7, D(2026, 10, 19)),
        (D(2026, 10, 8), 1, D(2026, 10, 12)),
    ],
)
def test_initial_deadline_counts_from_the_next_working_day(received, workdays, expected):
    assert (
        deadlines.initial_deadline(received_on=received, workdays=workdays, calendar=CALENDAR)
        == expected
    )


def test_deadline_never_exceeds_thirty_calendar_days():
    received = D(2026, 11, 2)
    due = deadlines.initial_deadline(received_on=received, workdays=30, calendar=CALENDAR)
    assert due == D(2026, 12, 2)


def test_a_deadline_needs_at_least_one_day():
    with pytest.raises(ValueError):
        deadlines.initial_deadline(received_on=D(2026, 11, 2), workdays=0, calendar=CALENDAR)


def test_pause_moves_the_deadline_by_the_working_days_waited():
    # Paused Mon 11-23, resumed Thu 11-26: 3 working days waited (Tue, Wed, Thu).
    moved = deadlines.deadline_after_pause(
        deadline=D(2026, 11, 30),
        paused_on=D(2026, 11, 23),
        resumed_on=D(2026, 11, 26),
        calendar=CALENDAR,
    )
    assert moved == D(2026, 12, 3)


def test_pause_over_a_weekend_only_costs_nothing():
    moved = deadlines.deadline_after_pause(
        deadline=D(2026, 11, 30),
        paused_on=D(2026, 11, 20),
        resumed_on=D(2026, 11, 22),
        calendar=CALENDAR,
    )
    assert moved == D(2026, 11, 30)


@pytest.mark.parametrize(
    ("today", "left"),
    [(D(2026, 11, 26), 2), (D(2026, 11, 30), 0), (D(2026, 12, 1), -1), (D(2026, 12, 7), -5)],
)
def test_workdays_left(today, left):
    assert deadlines.workdays_left(deadline=D(2026, 11, 30), today=today, calendar=CALENDAR) == left


def test_overdue_is_strictly_after_the_deadline():
    assert not deadlines.is_overdue(deadline=D(2026, 11, 30), today=D(2026, 11, 30))
    assert deadlines.is_overdue(deadline=D(2026, 11, 30), today=D(2026, 12, 1))
    assert not deadlines.is_overdue(deadline=None, today=D(2026, 12, 1))
