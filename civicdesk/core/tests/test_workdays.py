import datetime

import pytest

from civicdesk.core.workdays import WorkdayCalendar


def d(text):
    return datetime.date.fromisoformat(text)


def span(first, last):
    day, days = d(first), []
    while day <= d(last):
        days.append(day)
        day += datetime.timedelta(days=1)
    return days


# A test fixture, internally consistent, not official data: 春節 2025 with its 補行上班
# Saturday, 春節 2026 as nine days off in a row, and the observed 228 holiday of 2026.
CALENDAR = WorkdayCalendar(
    days_off=frozenset(
        [*span("2025-01-25", "2025-02-02"), *span("2026-02-14", "2026-02-22"), d("2026-02-27")]
    ),
    workdays=frozenset([d("2025-02-08")]),
)
MONDAY_TO_FRIDAY = WorkdayCalendar(days_off=frozenset(), workdays=frozenset())


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2025-02-07", True),  # Friday
        ("2025-02-08", True),  # 補行上班 Saturday
        ("2025-02-09", False),  # Sunday
        ("2025-01-27", False),  # a weekday inside 春節
        ("2025-02-03", True),  # first day back
        ("2026-02-14", False),  # Saturday, first of nine days off
        ("2026-02-20", False),  # Friday inside 春節
        ("2026-02-23", True),
        ("2026-02-27", False),  # observed 228
        ("2026-03-07", False),  # an ordinary Saturday
    ],
)
def test_is_workday(day, expected):
    assert CALENDAR.is_workday(d(day)) is expected


def test_a_declared_workday_wins_over_a_declared_day_off():
    day = frozenset([d("2025-02-08")])
    assert WorkdayCalendar(days_off=day, workdays=day).is_workday(d("2025-02-08"))


def test_a_weekend_day_declared_off_is_still_off():
    calendar = WorkdayCalendar(days_off=frozenset([d("2026-02-14")]), workdays=frozenset())
    assert not calendar.is_workday(d("2026-02-14"))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2025-02-07", "2025-02-08"),  # Friday → 補行上班 Saturday
        ("2025-02-08", "2025-02-10"),
        ("2025-01-24", "2025-02-03"),  # over 春節 2025
        ("2026-02-13", "2026-02-23"),  # over nine days of 春節 2026
        ("2026-02-26", "2026-03-02"),  # over observed 228 and a weekend
        ("2026-02-16", "2026-02-23"),  # from inside a long weekend
        ("2026-03-04", "2026-03-05"),
    ],
)
def test_next_workday(day, expected):
    assert CALENDAR.next_workday(d(day)) == d(expected)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # A 6-working-day deadline counted from the next working day after a Friday confirmation.
        ("2026-02-13", 6, "2026-03-03"),  # 23 24 25 26 | 27 off | 2 3
        ("2025-02-07", 6, "2025-02-14"),  # the 補行上班 Saturday counts: 8 10 11 12 13 14
        ("2026-03-06", 6, "2026-03-16"),  # an ordinary week: 9 10 11 12 13 16
        ("2026-02-13", 1, "2026-02-23"),
        ("2026-02-13", 5, "2026-03-02"),
        ("2025-01-24", 1, "2025-02-03"),
        # n == 0: the start itself when it is a working day, else the next one.
        ("2026-02-13", 0, "2026-02-13"),
        ("2026-02-14", 0, "2026-02-23"),
        ("2025-02-08", 0, "2025-02-08"),
    ],
)
def test_add_workdays(start, n, expected):
    assert CALENDAR.add_workdays(d(start), n) == d(expected)


def test_add_workdays_refuses_a_negative_count():
    with pytest.raises(ValueError, match="negative"):
        CALENDAR.add_workdays(d("2026-02-13"), -1)


def test_a_plain_calendar_counts_monday_to_friday():
    assert MONDAY_TO_FRIDAY.add_workdays(d("2026-02-13"), 6) == d("2026-02-23")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-02-13", "2026-03-03", 6),
        ("2026-02-13", "2026-02-22", 0),  # nine days off
        ("2025-02-07", "2025-02-14", 6),  # includes the 補行上班 Saturday
        ("2025-02-07", "2025-02-08", 1),
        ("2026-03-02", "2026-03-02", 0),  # end == start
        ("2026-03-03", "2026-03-02", 0),  # end before start
        ("2026-03-01", "2026-03-02", 1),  # the end counts, the start does not
        ("2026-03-02", "2026-03-03", 1),
        # 2025 and 2026 have 261 weekdays each; the fixtures take 5 + 5 + 1 and give 1 back.
        ("2024-12-31", "2026-12-31", 522 - 5 + 1 - 5 - 1),
    ],
)
def test_workdays_between(start, end, expected):
    assert CALENDAR.workdays_between(d(start), d(end)) == expected


def brute_force_between(calendar, start, end):
    days = span(start.isoformat(), end.isoformat())[1:]
    return sum(1 for day in days if calendar.is_workday(day))


def test_workdays_between_agrees_with_counting_day_by_day():
    for start in span("2025-01-15", "2025-02-20") + span("2026-02-05", "2026-03-10"):
        for length in (0, 1, 2, 6, 13, 40):
            end = start + datetime.timedelta(days=length)
            expected = brute_force_between(CALENDAR, start, end)
            assert CALENDAR.workdays_between(start, end) == expected


@pytest.mark.parametrize("n", [1, 2, 6, 10, 30, 60])
def test_add_and_between_are_inverse(n):
    for start in span("2025-01-20", "2025-02-15") + span("2026-02-10", "2026-03-01"):
        deadline = CALENDAR.add_workdays(start, n)
        assert CALENDAR.is_workday(deadline)
        assert CALENDAR.workdays_between(start, deadline) == n
        assert CALENDAR.workdays_between(start, deadline - datetime.timedelta(days=1)) == n - 1


def test_search_is_bounded_when_no_day_is_a_workday():
    start = d("2026-01-01")
    closed = WorkdayCalendar(
        days_off=frozenset(start + datetime.timedelta(days=i) for i in range(400)),
        workdays=frozenset(),
    )
    with pytest.raises(ValueError, match="No working day within 366 days"):
        closed.next_workday(start)
    with pytest.raises(ValueError, match="No working day"):
        closed.add_workdays(start, 1)
    assert closed.workdays_between(start, start + datetime.timedelta(days=399)) == 0


def test_calendar_is_immutable():
    with pytest.raises(AttributeError):
        CALENDAR.days_off = frozenset()
