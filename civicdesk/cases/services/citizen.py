"""What the petitioner does after filing: look up the case, rate the answer, reopen."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases import deadlines
from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, CaseEvent, SatisfactionResponse
from civicdesk.cases.services.clock import calendar_around, today
from civicdesk.cases.services.credentials import password_matches
from civicdesk.cases.services.notify import notify_staff
from civicdesk.cases.services.timeline import lock, transition
from civicdesk.cases.states import Action, State


def case_authenticate(*, number: str, password: str) -> Case:
    """The case for a number + query password; one message for every failure, so the form
    does not reveal which case numbers exist."""
    case = Case.objects.select_related("category", "unit").filter(number=number.strip()).first()
    if case is None or not password_matches(case, password.strip()):
        raise CaseError(_("The case number or the query password is not correct."))
    return case


def reopen_is_open(case: Case, *, now: datetime.datetime | None = None) -> bool:
    """The closing mail promises reopening for `CASES_SURVEY_DAYS` after closure, whether or
    not the survey was answered."""
    now = now or timezone.now()
    return (
        case.state == State.CLOSED
        and case.closed_at is not None
        and now <= case.closed_at + datetime.timedelta(days=settings.CASES_SURVEY_DAYS)
    )


def survey_is_open(case: Case, *, now: datetime.datetime | None = None) -> bool:
    return (
        reopen_is_open(case, now=now)
        and not SatisfactionResponse.objects.filter(case=case).exists()
    )


@transaction.atomic
def survey_submit(
    *, case: Case, speed: int, attitude: int, clarity: int, overall: int, comment: str = ""
) -> SatisfactionResponse:
    case = lock(case)
    if not survey_is_open(case):
        raise CaseError(_("The satisfaction survey for this case is closed or already answered."))
    scores = (speed, attitude, clarity, overall)
    if any(not 1 <= score <= 5 for score in scores):
        raise CaseError(_("Rate each question from 1 to 5."))
    response = SatisfactionResponse.objects.create(
        case=case,
        speed=speed,
        attitude=attitude,
        clarity=clarity,
        overall=overall,
        comment=comment.strip(),
    )
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.SURVEYED, actor_label="citizen", data={"overall": overall}
    )
    return response


@transaction.atomic
def case_reopen(*, case: Case, reason: str) -> Case:
    """The petitioner says the matter is not resolved: the case goes back to its officer with
    a fresh deadline, within the survey period."""
    if not reason.strip():
        raise CaseError(_("Say what is still unresolved."))
    case = lock(case)
    if case.state != State.CLOSED or case.closed_at is None:
        raise CaseError(_("Only a closed case can be reopened."))
    if not reopen_is_open(case):
        raise CaseError(
            _("The period for reopening this case has ended; please file a new petition.")
        )
    reopened_on = today()
    case.deadline = deadlines.initial_deadline(
        received_on=reopened_on,
        workdays=case.category.deadline_workdays,
        calendar=calendar_around(reopened_on),
    )
    case.closed_at, case.outcome = None, ""
    transition(
        case,
        Action.REOPEN,
        actor_label="citizen",
        message=reason.strip(),
        update_fields=("deadline", "closed_at", "outcome"),
    )
    notify_staff(case.officer, case, "case_reopened", reason=reason)
    return case
