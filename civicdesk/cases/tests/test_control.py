import pytest

from civicdesk.cases.models import Case, CaseEvent
from civicdesk.cases.services import handling
from civicdesk.cases.services.clock import calendar_around
from civicdesk.cases.services.control import cases_control
from civicdesk.notifications.models import OutboundMail

pytestmark = pytest.mark.django_db


def test_reminder_before_the_deadline_once(assigned, users):
    calendar = calendar_around(assigned.deadline)
    day_before = calendar.add_workdays(assigned.deadline, 0)
    two_before = next(
        d
        for d in (calendar.add_workdays(assigned.received_on, n) for n in range(1, 10))
        if calendar.workdays_between(d, assigned.deadline) == 2
    )
    result = cases_control(on=two_before)
    assert result.reminded >= 1
    assigned.refresh_from_db()
    assert assigned.reminded_on == two_before
    assert OutboundMail.objects.filter(template="case_reminder", to=users["officer"].email).exists()
    assert assigned.events.filter(kind=CaseEvent.Kind.REMINDED).count() == 1
    cases_control(on=day_before)
    assert assigned.events.filter(kind=CaseEvent.Kind.REMINDED).count() == 1  # not twice


def test_overdue_cases_escalate_to_unit_head_and_director(assigned, users):
    calendar = calendar_around(assigned.deadline)
    late = calendar.next_workday(assigned.deadline)
    result = cases_control(on=late)
    assert result.escalated >= 1
    recipients = set(
        OutboundMail.objects.filter(template="case_overdue", reference=assigned.number).values_list(
            "to", flat=True
        )
    )
    assert users["unithead"].email in recipients
    assert users["director"].email in recipients
    assert users["officer"].email not in recipients
    assigned.refresh_from_db()
    assert assigned.escalated_on == late


def test_paused_cases_are_not_overdue(assigned, users):
    handling.case_start(case=assigned, actor=users["officer"])
    handling.case_request_supplement(case=assigned, actor=users["officer"], message="請提供照片")
    late = calendar_around(assigned.deadline).next_workday(assigned.deadline)
    assert not Case.objects.overdue(on=late).filter(pk=assigned.pk).exists()


def test_daily_digest_per_officer(assigned, users):
    result = cases_control(on=assigned.received_on)
    assert result.digests >= 1
    digest = OutboundMail.objects.filter(template="case_digest", to=users["officer"].email).last()
    assert assigned.number in digest.body
