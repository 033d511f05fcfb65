"""What petition statistics report: the figures of a period, as plain frozen dataclasses."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    """One row of a breakdown: a category, channel, unit, outcome, state or score, and its count."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class Score:
    """The mean rating (1-5) of one survey question."""

    code: str
    label: str
    mean: float | None


@dataclass(frozen=True)
class HandlingTime:
    """Days from confirmed receipt (`received_on`) to the local date of closure, over concluded
    cases. Working days are counted on the office calendar, like the deadlines: day 1 is the
    first working day after receipt, so a case closed on its day of receipt took 0 days."""

    cases: int
    median_days: float | None
    p90_days: float | None
    median_workdays: float | None
    p90_workdays: float | None


@dataclass(frozen=True)
class Satisfaction:
    """The survey offered to petitioners whose case was closed with a reply."""

    invited: int
    responses: int
    response_rate: float | None
    scores: tuple[Score, ...]
    overall_distribution: tuple[Tally, ...]


@dataclass(frozen=True)
class CaseStatistics:
    """Cases confirmed as received in [start, end] and visible to the user, as of `as_of`.

    "Concluded" means closed with a reply, transferred, registered (art. 173) or merged: the case
    has a closing time. Rates are fractions (0-1), None when there is nothing to divide by.
    """

    start: datetime.date
    end: datetime.date
    as_of: datetime.date
    total: int
    concluded: int
    open: int
    concluded_on_time: int
    on_time_rate: float | None
    open_overdue: int
    extended: int
    extensions: int
    repeats: int
    merged: int
    transferred: int
    handling: HandlingTime
    by_category: tuple[Tally, ...]
    by_channel: tuple[Tally, ...]
    by_unit: tuple[Tally, ...]
    by_outcome: tuple[Tally, ...]
    by_state: tuple[Tally, ...]
    satisfaction: Satisfaction

    @property
    def concluded_late(self) -> int:
        return self.concluded - self.concluded_on_time
