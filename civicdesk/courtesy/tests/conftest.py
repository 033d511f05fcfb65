"""Courtesy-test fixtures: demo staff by role, a round built through the services."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.utils import translation

from civicdesk.accounts.models import Unit
from civicdesk.courtesy.selectors import rubric_scoring_items
from civicdesk.courtesy.services import call_record, round_save, round_start, rubric_default_ensure
from civicdesk.notifications.testing import smtp  # noqa: F401 - a pytest fixture

YEAR = 2030


def staff(username: str) -> User:
    return User.objects.get(username=username)


def full_marks(rubric, minus: int = 0) -> dict[int, Decimal]:
    """Every item at its maximum, `minus` points taken off the first items (at most all of one)."""
    points = {}
    for row, _item in rubric_scoring_items(rubric):
        lost = min(minus, row.max_points)
        minus -= lost
        points[row.pk] = Decimal(row.max_points - lost)
    return points


def plan_round(*, year: int = YEAR, half: int = 1, units=("operations", "maintenance")):
    rubric = rubric_default_ensure()
    return round_save(
        actor=staff("coordinator"),
        year=year,
        half=half,
        rubric=rubric,
        starts_on=datetime.date(year, 3, 1),
        ends_on=datetime.date(year, 3, 31),
        units=list(Unit.objects.filter(code__in=units)),
        testers=[staff("staff05")],
    )


def record(round, unit_code: str, minus: int = 0, *, tester: str = "staff05", retest=False):
    return call_record(
        round=round,
        actor=staff(tester),
        unit=Unit.objects.get(code=unit_code),
        called_on=datetime.date(round.year, 3, 10),
        called_at=datetime.time(10, 15),
        extension="2301",
        scenario="詢問參訪預約方式",
        points=full_marks(round.rubric, minus),
        is_retest=retest,
    )


@pytest.fixture
def running_round(db):
    round = plan_round()
    round_start(round=round, actor=staff("coordinator"))
    return round


@pytest.fixture(autouse=True)
def english():
    """The services' refusals are matched by their English wording; the Chinese is checked by
    tests/test_translations.py and the browser test."""
    with translation.override("en"):
        yield
