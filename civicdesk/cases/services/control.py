"""以案管制: reminders before the deadline, overdue escalation, the daily digest per officer.

Run daily by the scheduled task `cases_control_task` (or `manage.py cases_control`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction

from civicdesk.accounts.models import StaffProfile
from civicdesk.accounts.roles import DIRECTOR, UNIT_HEAD, group_name
from civicdesk.cases.models import Case, CaseEvent
from civicdesk.cases.services.clock import calendar_around
from civicdesk.cases.services.intake import case_expire_unconfirmed
from civicdesk.cases.services.notify import notify_staff
from civicdesk.cases.services.timeline import record_event


@dataclass(frozen=True)
class ControlResult:
    reminded: int
    escalated: int
    digests: int
    expired: int


def _heads_of(case: Case) -> list[User]:
    heads = User.objects.filter(
        groups__name=group_name(UNIT_HEAD), staff_profile__unit=case.unit, is_active=True
    )
    directors = User.objects.filter(groups__name=group_name(DIRECTOR), is_active=True)
    return list({u.pk: u for u in [*heads, *directors]}.values())


@transaction.atomic
def cases_control(*, on: datetime.date) -> ControlResult:
    calendar = calendar_around(on)
    remind_until = calendar.add_workdays(on, settings.CASES_REMIND_WORKDAYS)
    reminded = escalated = 0
    for case in (
        Case.objects.due_within(start=on, end=remind_until)
        .filter(reminded_on__isnull=True)
        .select_related("officer", "unit")
        .select_for_update(of=("self",))
    ):
        notify_staff(case.officer, case, "case_reminder", deadline=case.deadline)
        case.reminded_on = on
        case.save(update_fields=["reminded_on"])
        record_event(case, CaseEvent.Kind.REMINDED, actor_label="system")
        reminded += 1
    for case in (
        Case.objects.overdue(on=on)
        .filter(escalated_on__isnull=True)
        .select_related("officer", "unit")
        .select_for_update(of=("self",))
    ):
        for person in _heads_of(case):
            notify_staff(person, case, "case_overdue", deadline=case.deadline)
        case.escalated_on = on
        case.save(update_fields=["escalated_on"])
        record_event(case, CaseEvent.Kind.ESCALATED, actor_label="system")
        escalated += 1
    digests = _send_digests(on)
    expired = case_expire_unconfirmed()
    return ControlResult(reminded=reminded, escalated=escalated, digests=digests, expired=expired)


def _send_digests(on: datetime.date) -> int:
    """One mail per officer listing their open cases, soonest deadline first."""
    by_officer: dict[int, list[Case]] = defaultdict(list)
    for case in Case.objects.open().filter(officer__isnull=False).order_by("deadline"):
        by_officer[case.officer_id].append(case)  # type: ignore[index]
    profiles = StaffProfile.objects.filter(user_id__in=by_officer).select_related("user")
    sent = 0
    for profile in profiles:
        cases = by_officer[profile.user_id]
        if cases:
            notify_staff(profile.user, cases[0], "case_digest", cases=cases, on=on)
            sent += 1
    return sent
