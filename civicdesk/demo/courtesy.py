"""The demo plant's telephone courtesy tests: the two rounds of 2026, recorded through the
courtesy services. Operations scores under the threshold in the first half, files its
improvement report and passes its retest; every unit passes in the second half."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User

from civicdesk.accounts.models import Unit
from civicdesk.courtesy.models import RoundUnit, Rubric, TestRound
from civicdesk.courtesy.selectors import rubric_scoring_items
from civicdesk.courtesy.services import (
    call_record,
    improvement_file,
    round_complete,
    round_save,
    round_start,
    rubric_default_ensure,
)

TESTED = ("general-affairs", "operations", "maintenance", "accounting", "personnel")
# Points lost on each unit's calls, per half of the year (two calls per unit).
LOST = {
    1: {
        "general-affairs": (4, 2),
        "operations": (22, 18),
        "maintenance": (6, 8),
        "accounting": (3, 5),
        "personnel": (9, 5),
    },
    2: {
        "general-affairs": (2, 4),
        "operations": (8, 6),
        "maintenance": (5, 3),
        "accounting": (4, 0),
        "personnel": (6, 4),
    },
}
SCENARIOS = ("詢問參訪焚化廠的預約方式", "詢問回饋設施游泳池的開放時間")


def _points(rubric: Rubric, lost: int) -> dict[int, Decimal]:
    points = {}
    for row, _item in rubric_scoring_items(rubric):
        taken = min(lost, row.max_points)
        lost -= taken
        points[row.pk] = Decimal(row.max_points - taken)
    return points


def _round(year: int, half: int, month: int, actors: dict[str, User]) -> TestRound:
    rubric = rubric_default_ensure()
    round = round_save(
        actor=actors["coordinator"],
        year=year,
        half=half,
        rubric=rubric,
        starts_on=datetime.date(year, month, 1),
        ends_on=datetime.date(year, month, 28),
        units=list(Unit.objects.filter(code__in=TESTED)),
        testers=[actors["staff05"], actors["staff06"]],
    )
    round_start(round=round, actor=actors["coordinator"])
    for unit in round.units.all():
        for n, lost in enumerate(LOST[half][unit.code]):
            call_record(
                round=round,
                actor=actors["staff05" if n == 0 else "staff06"],
                unit=unit,
                called_on=datetime.date(year, month, 10 + n * 7),
                called_at=datetime.time(10 + n, 15),
                extension=f"2{unit.pk:02d}{n + 1}",
                scenario=SCENARIOS[n],
                points=_points(rubric, lost),
            )
    return round_complete(
        round=round, actor=actors["coordinator"], on=datetime.date(year, month + 1, 2)
    )


def demo_courtesy_load() -> int:
    """Two completed rounds; returns how many were created (0 when already loaded)."""
    if TestRound.objects.exists():
        return 0
    names = ("coordinator", "unithead", "staff05", "staff06")
    actors = {user.username: user for user in User.objects.filter(username__in=names)}
    first = _round(2026, 1, 4, actors)
    operations = RoundUnit.objects.get(round=first, unit__code="operations")
    improvement_file(
        round_unit=operations,
        actor=actors["unithead"],
        problems="接聽時未報單位名稱及姓名；轉接時未告知分機號碼。",
        measures="全組於6月辦理電話禮貌講習，並於話機旁張貼標準應答用語。",
        responsible="操作組組長",
        complete_by=datetime.date(2026, 6, 30),
    )
    call_record(
        round=first,
        actor=actors["staff05"],
        unit=operations.unit,
        called_on=datetime.date(2026, 7, 8),
        called_at=datetime.time(14, 30),
        extension="2301",
        scenario=SCENARIOS[0],
        points=_points(first.rubric, 5),
        is_retest=True,
    )
    _round(2026, 2, 9, actors)
    return 2
