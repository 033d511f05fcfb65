"""Shared steps of the case services: numbers, secrets, transitions and the timeline."""

import datetime
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import AbstractBaseUser, User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.cases import states
from civicdesk.cases.models import Case, CaseEvent, DailySequence
from civicdesk.cases.states import Action, State
from civicdesk.core.rocdate import roc_year
from civicdesk.core.selectors import workday_calendar_around
from civicdesk.core.siteurl import site_base_url
from civicdesk.core.workdays import WorkdayCalendar
from civicdesk.notifications.services import mail_queue

# No 0/O, 1/l/I: the password is read aloud over the phone and typed from paper.
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"  # noqa: S105
PASSWORD_LENGTH = 8


class CaseError(ValueError):
    """A request that the rules refuse; the message is shown to the person who made it."""


def today() -> datetime.date:
    return timezone.localdate()


def calendar_around(day: datetime.date) -> WorkdayCalendar:
    return workday_calendar_around(day)


def new_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def password_matches(case: Case, password: str) -> bool:
    return bool(case.query_password_hash) and check_password(password, case.query_password_hash)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_number(day: datetime.date) -> str:
    """`1151124` + 4-digit sequence of the day: ROC date first, as officers read it."""
    with transaction.atomic():
        sequence, _created = DailySequence.objects.select_for_update().get_or_create(day=day)
        sequence.value += 1
        sequence.save(update_fields=["value"])
    return f"{roc_year(day.year):03d}{day.month:02d}{day.day:02d}{sequence.value:04d}"


def record_event(
    case: Case,
    kind: str,
    *,
    actor: AbstractBaseUser | None = None,
    actor_label: str = "",
    from_state: str = "",
    to_state: str = "",
    message: str = "",
    data: dict[str, Any] | None = None,
    is_public: bool = False,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor if isinstance(actor, User) else None,
        actor_label=actor_label or (actor.get_username() if actor is not None else ""),
        from_state=from_state,
        to_state=to_state,
        message=message,
        data=data or {},
        is_public=is_public,
    )


def transition(
    case: Case,
    action: Action,
    *,
    actor: AbstractBaseUser | None = None,
    actor_label: str = "",
    message: str = "",
    data: dict[str, Any] | None = None,
    is_public: bool = True,
    update_fields: tuple[str, ...] = (),
) -> CaseEvent:
    """Move the case to the action's target state, save the changed fields and log the event."""
    if not states.allowed(action, case.state):
        raise CaseError(
            _("This case is now “%(state)s”; “%(action)s” is not possible.")
            % {"state": State(case.state).label, "action": Action(action).label}
        )
    before = case.state
    case.state = states.target(action, case.state)
    case.save(update_fields=["state", *update_fields])
    return record_event(
        case,
        action,
        actor=actor,
        actor_label=actor_label,
        from_state=before,
        to_state=case.state,
        message=message,
        data=data,
        is_public=is_public,
    )


def lock(case: Case) -> Case:
    """Re-read the case under a row lock so concurrent actions serialise."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("category", "unit")
        .get(pk=case.pk)
    )


def notify_petitioner(
    case: Case,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    secrets: dict[str, str] | None = None,
) -> None:
    """Mail the petitioner; `secrets` (password, token) are sealed, never stored in the text."""
    petitioner = getattr(case, "petitioner", None)
    if petitioner is None or not petitioner.email:
        return
    mail_queue(
        to=petitioner.email,
        template=template,
        context={
            "case": case,
            "petitioner": petitioner,
            "site_url": site_url(),
            "survey_days": settings.CASES_SURVEY_DAYS,
            "agency": agency_get_current(),
            **(context or {}),
        },
        language=case.language,
        reference=case.number or "",
        secrets=secrets,
        is_confidential=petitioner.is_confidential,
    )


def notify_staff(user: AbstractBaseUser | None, case: Case, template: str, **context: Any) -> None:
    email = getattr(user, "email", "")
    if not email:
        return
    mail_queue(
        to=email,
        template=template,
        context={"case": case, "user": user, "site_url": site_url(), **context},
        language=settings.LANGUAGE_CODE,
        reference=case.number or "",
    )


def site_url() -> str:
    return site_base_url()
