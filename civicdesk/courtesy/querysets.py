"""Who sees which rounds, calls and unit results.

The coordinator (研考) and the director see everything. A tester sees the rounds they test and
the calls they recorded. Unit staff see their own unit's calls and results once the round is
completed (tests are unannounced), and never another unit's.
"""

from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from civicdesk.accounts.selectors import user_sees_all_units, user_unit

if TYPE_CHECKING:
    from civicdesk.courtesy.models import RoundUnit, TestCall, TestRound  # noqa: F401

COMPLETED = "completed"


def _scope(user: User | AnonymousUser) -> tuple[bool, Any]:
    if not user.is_authenticated:
        return False, None
    return user_sees_all_units(user), user_unit(user)


class TestRoundQuerySet(models.QuerySet["TestRound"]):
    def visible_to(self, user: User | AnonymousUser) -> "TestRoundQuerySet":
        if not user.is_authenticated:
            return self.none()
        sees_all, unit = _scope(user)
        if sees_all:
            return self
        rule = models.Q(testers=user)
        if unit is not None:
            rule |= models.Q(state=COMPLETED, units=unit)
        return self.filter(rule).distinct()

    def tested_by(self, user: User | AnonymousUser) -> "TestRoundQuerySet":
        """Rounds in which `user` may record calls: as a tester, or as one who sees all."""
        if not user.is_authenticated:
            return self.none()
        if user_sees_all_units(user):
            return self
        return self.filter(testers=user).distinct()


class TestCallQuerySet(models.QuerySet["TestCall"]):
    def visible_to(self, user: User | AnonymousUser) -> "TestCallQuerySet":
        if not user.is_authenticated:
            return self.none()
        sees_all, unit = _scope(user)
        if sees_all:
            return self
        rule = models.Q(tester=user)
        if unit is not None:
            rule |= models.Q(unit=unit, round__state=COMPLETED)
        return self.filter(rule)


class RoundUnitQuerySet(models.QuerySet["RoundUnit"]):
    def visible_to(self, user: User | AnonymousUser) -> "RoundUnitQuerySet":
        if not user.is_authenticated:
            return self.none()
        sees_all, unit = _scope(user)
        if sees_all:
            return self
        rule = models.Q(round__testers=user)
        if unit is not None:
            rule |= models.Q(unit=unit, round__state=COMPLETED)
        return self.filter(rule).distinct()

    def improvement_due(self) -> "RoundUnitQuerySet":
        return self.filter(status="below", improvement_due_on__isnull=False)
