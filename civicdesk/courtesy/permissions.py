"""Row-level rules of the courtesy test: who may record a round's calls, who files a unit's
improvement report. Screen permissions (`courtesy.<codename>`) come from the roles."""

from typing import Any

from civicdesk.accounts.selectors import user_sees_all_units, user_unit
from civicdesk.courtesy.models import RoundUnit, TestRound

RUN_ROUNDS = "courtesy.run_rounds"
RECORD_CALL = "courtesy.record_call"
FILE_IMPROVEMENT = "courtesy.file_improvement"
VIEW_RESULTS = "courtesy.view_testround"
VIEW_REPORT = "courtesy.view_director_report"


def can_run_rounds(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm(RUN_ROUNDS))


def can_record_call(user: Any, round: TestRound) -> bool:
    """A round's testers record its calls; the coordinator may too (and corrects them)."""
    if not (user.is_authenticated and user.has_perm(RECORD_CALL)):
        return False
    if can_run_rounds(user) and user_sees_all_units(user):
        return True
    return round.testers.filter(pk=user.pk).exists()


def can_file_improvement(user: Any, round_unit: RoundUnit) -> bool:
    """Only the head of the unit concerned files its improvement report."""
    if not (user.is_authenticated and user.has_perm(FILE_IMPROVEMENT)):
        return False
    unit = user_unit(user)
    return unit is not None and unit.pk == round_unit.unit_id
