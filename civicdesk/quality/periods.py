"""Reporting periods of a work plan (pure rules): the plan's year cut into half-years or
quarters; each item's progress is reported once per period (the seed's periodic 執行成果)."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodSet(models.TextChoices):
    HALF_YEARS = "half", _("half-years")
    QUARTERS = "quarter", _("quarters")


@dataclass(frozen=True)
class Period:
    code: str  # "H1", "H2", "Q1" … "Q4"
    start: datetime.date
    end: datetime.date

    @property
    def label(self) -> str:
        names = {
            "H1": _("first half"),
            "H2": _("second half"),
            "Q1": _("first quarter"),
            "Q2": _("second quarter"),
            "Q3": _("third quarter"),
            "Q4": _("fourth quarter"),
        }
        return str(names[self.code])

    def has_ended(self, today: datetime.date) -> bool:
        return self.end < today


def _month_end(year: int, month: int) -> datetime.date:
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


def periods_of(year: int, period_set: str) -> list[Period]:
    """The periods of a (Gregorian) year, in order."""
    if period_set == PeriodSet.QUARTERS:
        return [
            Period(f"Q{n}", datetime.date(year, 3 * n - 2, 1), _month_end(year, 3 * n))
            for n in range(1, 5)
        ]
    return [
        Period("H1", datetime.date(year, 1, 1), datetime.date(year, 6, 30)),
        Period("H2", datetime.date(year, 7, 1), datetime.date(year, 12, 31)),
    ]


def period_get(year: int, period_set: str, code: str) -> Period | None:
    return next((p for p in periods_of(year, period_set) if p.code == code), None)
