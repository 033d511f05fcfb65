"""Reads of petitions for screens: staff lists and details, the public status page, statistics.

Personal data is read only through `petitioner_for_staff`, which writes the access log.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Case as Switch
from django.db.models import F, IntegerField, Q, QuerySet, Value, When

from civicdesk.cases.models import AccessPurpose, Case, CaseEvent, PersonalDataAccess, Reply
from civicdesk.cases.permissions import can_see_identity
from civicdesk.cases.querysets import CaseQuerySet
from civicdesk.cases.states import OPEN_STATES, State
from civicdesk.core.masking import REDACTED, mask_email, mask_name, mask_phone


@dataclass(frozen=True)
class PetitionerView:
    name: str
    email: str
    phone: str
    address: str
    is_confidential: bool
    is_redacted: bool


@dataclass(frozen=True)
class CaseFilters:
    """The filters of the staff case list; `state` is a State value, "open" or "" (all)."""

    state: str = ""
    category: str = ""
    unit: str = ""
    overdue_on: datetime.date | None = None
    mine: bool = False


def _filtered(user: User | AnonymousUser, filters: CaseFilters) -> CaseQuerySet:
    """The filters only; visibility is applied by the caller, from querysets.py."""
    cases: CaseQuerySet = Case.objects.confirmed()
    state = filters.state
    if state == "open":
        cases = cases.open()
    elif state:
        cases = cases.filter(state=state)
    if filters.category:
        cases = cases.filter(category__code=filters.category)
    if filters.unit:
        cases = cases.filter(unit__code=filters.unit)
    if filters.overdue_on is not None:
        cases = cases.overdue(on=filters.overdue_on)
    if filters.mine and isinstance(user, User):
        cases = cases.filter(officer=user)
    return cases


def case_list_for_staff(
    user: User | AnonymousUser, filters: CaseFilters | None = None
) -> QuerySet[Case]:
    """Open cases first, nearest deadline first; then handled ones, most recently closed first."""
    cases = _filtered(user, filters or CaseFilters()).visible_to(user)
    is_open = Q(state__in=OPEN_STATES)
    return cases.select_related("category", "unit", "officer").order_by(
        Switch(When(is_open, then=Value(0)), default=Value(1), output_field=IntegerField()),
        Switch(When(is_open, then=F("deadline"))).asc(nulls_last=True),
        F("closed_at").desc(nulls_last=True),
        "pk",
    )


def case_count_for_staff(user: User | AnonymousUser, filters: CaseFilters | None = None) -> int:
    """`case_list_for_staff(...).count()`, counted the way indexes answer fastest."""
    return _filtered(user, filters or CaseFilters()).count_visible_to(user)


def case_get_for_staff(user: User | AnonymousUser, pk: int) -> Case:
    return (
        Case.objects.visible_to(user)
        .select_related("category", "unit", "officer", "merged_into", "repeat_of", "petitioner")
        .get(pk=pk)
    )


def personal_data_access_log(
    user: User, case: Case, *, purpose: AccessPurpose, was_redacted: bool
) -> PersonalDataAccess:
    """Record that `user` read the case's personal data (個資法: every access is logged)."""
    return PersonalDataAccess.objects.create(
        case=case, user=user, purpose=purpose, was_redacted=was_redacted
    )


def petitioner_for_staff(user: User, case: Case, *, purpose: AccessPurpose) -> PetitionerView:
    """The petitioner's data as this staff member may see it; every call is logged."""
    petitioner = case.petitioner
    full = can_see_identity(user, case)
    personal_data_access_log(user, case, purpose=purpose, was_redacted=not full)
    if full:
        return PetitionerView(
            petitioner.name,
            petitioner.email,
            petitioner.phone,
            petitioner.address,
            petitioner.is_confidential,
            False,
        )
    return PetitionerView(REDACTED, REDACTED, REDACTED, REDACTED, True, True)


def petitioner_masked(case: Case) -> str:
    """For lists: never the full name, and nothing at all for confidential cases."""
    petitioner = case.petitioner
    return REDACTED if petitioner.is_confidential else mask_name(petitioner.name)


def petitioner_contact_masked(case: Case) -> str:
    petitioner = case.petitioner
    if petitioner.is_confidential:
        return REDACTED
    return mask_email(petitioner.email) or mask_phone(petitioner.phone)


def case_timeline(case: Case, *, public_only: bool) -> QuerySet[CaseEvent]:
    events = case.events.select_related("actor").order_by("at", "pk")
    return events.filter(is_public=True) if public_only else events


@dataclass(frozen=True)
class PublicStatus:
    """What the petitioner sees by number + password: no personal data, no internal notes."""

    number: str
    subject: str
    category: str
    state: State
    submitted_on: datetime.date
    received_on: datetime.date | None
    deadline: datetime.date | None
    closed_at: datetime.datetime | None
    replies: list[Reply]
    events: list[CaseEvent]
    transfer_agency: str


def case_public_status(case: Case) -> PublicStatus:
    from civicdesk.core.i18n import localized

    return PublicStatus(
        number=case.number or "",
        subject=case.subject,
        category=localized(case.category, "name"),
        state=State(case.state),
        submitted_on=case.submitted_at.date(),
        received_on=case.received_on,
        deadline=case.deadline,
        closed_at=case.closed_at,
        replies=list(case.replies.filter(status=Reply.Status.SENT).order_by("sent_at")),
        events=list(case_timeline(case, public_only=True)),
        transfer_agency=case.transfer_agency,
    )
