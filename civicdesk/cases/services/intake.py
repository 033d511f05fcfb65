"""How a petition comes in: web submission + e-mail confirmation, or recorded by staff."""

import datetime
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases import deadlines
from civicdesk.cases.attachments import attachment_store
from civicdesk.cases.errors import CaseError
from civicdesk.cases.hooks import case_started_schedule
from civicdesk.cases.models import Case, CaseEvent, Category, Channel, Petitioner
from civicdesk.cases.models.case import WEB_CHANNELS
from civicdesk.cases.services.clock import calendar_around, today
from civicdesk.cases.services.credentials import hash_token, new_number, new_password
from civicdesk.cases.services.notify import notify_petitioner
from civicdesk.cases.services.timeline import record_event, transition
from civicdesk.cases.states import Action, State


@dataclass(frozen=True)
class PetitionInput:
    """What a petitioner tells us, whoever types it in."""

    category: Category
    subject: str
    content: str
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    location: str = ""
    language: str = "zh-hant"
    is_confidential: bool = False
    answers: dict[str, str] | None = None


def petition_input_from_form(
    data: dict[str, Any], *, language: str, answers: dict[str, str] | None = None
) -> PetitionInput:
    """The petition fields of a cleaned public or staff form."""
    return PetitionInput(
        category=data["category"],
        subject=data["subject"],
        content=data["content"],
        location=data["location"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        address=data["address"],
        is_confidential=data["is_confidential"],
        language=language,
        answers=answers,
    )


@dataclass(frozen=True)
class Credentials:
    """Given to the petitioner once: the case number and the query password."""

    number: str
    password: str


def _validate(data: PetitionInput, channel: str) -> None:
    # 處理人民陳情案件要點: concrete content, a name and at least one way to reach the person.
    if not data.content.strip() or not data.subject.strip():
        raise CaseError(_("A petition needs a subject and concrete content."))
    if not data.name.strip():
        raise CaseError(_("A petition needs the petitioner's name."))
    # A forwarded case is answered through the forwarding system, which holds the contact.
    forwarded = channel in (Channel.MAYOR, Channel.HOTLINE)
    if not forwarded and not (data.email.strip() or data.phone.strip() or data.address.strip()):
        raise CaseError(_("A petition needs at least one contact: e-mail, phone or address."))
    if not data.category.is_active:
        raise CaseError(_("This category no longer takes petitions."))


def _create(data: PetitionInput, *, channel: str, state: State, recorded_by: User | None) -> Case:
    _validate(data, channel)
    case = Case.objects.create(
        channel=channel,
        category=data.category,
        unit=data.category.unit,
        subject=data.subject.strip(),
        content=data.content.strip(),
        location=data.location.strip(),
        answers=data.answers or {},
        language=data.language,
        state=state,
        submitted_at=timezone.now(),
        recorded_by=recorded_by,
    )
    Petitioner.objects.create(
        case=case,
        name=data.name.strip(),
        email=data.email.strip(),
        phone=data.phone.strip(),
        address=data.address.strip(),
        is_confidential=data.is_confidential,
        consented_at=timezone.now(),
    )
    return case


def _start_clock(case: Case, received_on: datetime.date) -> Credentials:
    password = new_password()
    case.number = new_number(received_on)
    case.query_password_hash = make_password(password)
    case.received_on = received_on
    case.deadline = deadlines.initial_deadline(
        received_on=received_on,
        workdays=case.category.deadline_workdays,
        calendar=calendar_around(received_on),
    )
    case.original_deadline = case.deadline
    case_started_schedule(case.pk)
    return Credentials(number=case.number, password=password)


@transaction.atomic
def case_submit(
    *,
    data: PetitionInput,
    channel: str = Channel.WEB,
    attachments: list[UploadedFile] | None = None,
) -> tuple[Case, str]:
    """A web petition: stored as received, and a confirmation link mailed. Returns the raw token.

    The case only starts (number, password, deadline) when the link is used, so nobody can file
    in someone else's name with an address they do not read.
    """
    if channel not in WEB_CHANNELS:
        raise CaseError(_("Only web channels submit through the public form."))
    if not data.email.strip():
        raise CaseError(_("An e-mail address is needed to confirm a web petition."))
    case = _create(data, channel=channel, state=State.RECEIVED, recorded_by=None)
    for upload in attachments or []:
        attachment_store(case=case, upload=upload)
    token = secrets.token_urlsafe(32)
    case.confirm_token_hash = hash_token(token)
    case.confirm_expires_at = timezone.now() + datetime.timedelta(days=settings.CASES_CONFIRM_DAYS)
    case.save(update_fields=["confirm_token_hash", "confirm_expires_at"])
    record_event(case, CaseEvent.Kind.SUBMITTED, actor_label="citizen", data={"channel": channel})
    notify_petitioner(
        case,
        "case_confirm",
        {"valid_days": settings.CASES_CONFIRM_DAYS},
        secrets={"token": token},
    )
    return case, token


@transaction.atomic
def case_confirm(*, token: str) -> tuple[Case, Credentials]:
    """The petitioner used the e-mailed link: the case starts and gets its number + password."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("category", "petitioner")
        .filter(confirm_token_hash=hash_token(token))
        .first()
    )
    if case is None:
        raise CaseError(_("This confirmation link is not valid. Check that you copied all of it."))
    if case.state != State.RECEIVED:
        raise CaseError(_("This petition has already been confirmed."))
    if case.confirm_expires_at is None or case.confirm_expires_at < timezone.now():
        raise CaseError(_("This confirmation link has expired. Please submit the petition again."))
    credentials = _start_clock(case, today())
    transition(
        case,
        Action.CONFIRM,
        actor_label="citizen",
        update_fields=(
            "number",
            "query_password_hash",
            "received_on",
            "deadline",
            "original_deadline",
        ),
    )
    notify_petitioner(case, "case_confirmed", secrets={"password": credentials.password})
    return case, credentials


@transaction.atomic
def case_record(
    *,
    data: PetitionInput,
    channel: str,
    recorded_by: User,
    received_on: datetime.date | None = None,
    external_reference: str = "",
    attachments: list[UploadedFile] | None = None,
) -> tuple[Case, Credentials]:
    """Staff record a phone, fax, letter, counter, e-mail or forwarded petition: it starts now."""
    if channel in WEB_CHANNELS:
        raise CaseError(_("Web petitions are filed by the petitioner through the public form."))
    if not recorded_by.has_perm("cases.add_case"):
        raise PermissionDenied("Recording petitions needs the add_case permission.")
    case = _create(data, channel=channel, state=State.CONFIRMED, recorded_by=recorded_by)
    for upload in attachments or []:
        attachment_store(case=case, upload=upload)
    credentials = _start_clock(case, received_on or today())
    case.external_reference = external_reference
    case.save()
    record_event(
        case,
        CaseEvent.Kind.RECORDED,
        actor=recorded_by,
        to_state=case.state,
        data={"channel": channel, "external_reference": external_reference},
        is_public=True,
    )
    notify_petitioner(case, "case_confirmed", secrets={"password": credentials.password})
    return case, credentials


@transaction.atomic
def case_expire_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Web submissions whose link expired are closed as never confirmed (personal data kept
    only as long as the retention rules allow; see docs)."""
    now = now or timezone.now()
    expired = 0
    for case in Case.objects.select_for_update().filter(
        state=State.RECEIVED, confirm_expires_at__lt=now
    ):
        transition(case, Action.EXPIRE, actor_label="system", is_public=False)
        expired += 1
    return expired
