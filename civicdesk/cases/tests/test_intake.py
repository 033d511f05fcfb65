import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from civicdesk.cases.models import Case, CaseEvent, Channel
from civicdesk.cases.services.citizen import case_authenticate
from civicdesk.cases.services.common import CaseError
from civicdesk.cases.services.intake import (
    case_confirm,
    case_expire_unconfirmed,
    case_record,
    case_submit,
)
from civicdesk.cases.states import State
from civicdesk.cases.tests.conftest import petition
from civicdesk.notifications.models import OutboundMail

pytestmark = pytest.mark.django_db


def test_web_petition_waits_for_email_confirmation():
    case, token = case_submit(data=petition())
    assert case.state == State.RECEIVED
    assert case.number is None and case.deadline is None  # the clock has not started
    assert case.unit.code == "operations"  # routed by its category
    assert case.petitioner.name == "林美華"
    assert case.events.filter(kind=CaseEvent.Kind.SUBMITTED).exists()
    mail = OutboundMail.objects.get(to="citizen@example.com", template="case_confirm")
    assert token in mail.body
    assert "/petitions/confirm/" in mail.body


def test_english_petition_gets_english_mail():
    case_submit(data=petition(language="en"))
    mail = OutboundMail.objects.get(template="case_confirm", reference="")
    assert mail.language == "en"
    assert "/en/petitions/confirm/" in mail.body


def test_confirmation_starts_the_case_with_number_password_and_deadline():
    case, token = case_submit(data=petition(), channel=Channel.MAILBOX)
    confirmed, credentials = case_confirm(token=token)
    assert confirmed.state == State.CONFIRMED
    assert re.fullmatch(r"\d{7}\d{4}", credentials.number)
    assert confirmed.number == credentials.number
    assert len(credentials.password) == 8
    assert confirmed.received_on == timezone.localdate()
    assert confirmed.deadline > confirmed.received_on
    assert case_authenticate(number=credentials.number, password=credentials.password).pk == case.pk
    mail = OutboundMail.objects.get(template="case_confirmed", reference=credentials.number)
    assert credentials.password in mail.body


def test_case_numbers_count_up_within_a_day(make_case):
    first, second = make_case(), make_case()
    assert int(second.number[-4:]) == int(first.number[-4:]) + 1
    assert first.number[:7] == second.number[:7]


@pytest.mark.parametrize("bad", ["", "nonsense", "x" * 43])
def test_bad_confirmation_links_are_refused(bad):
    with pytest.raises(CaseError, match="not valid"):
        case_confirm(token=bad)


def test_a_link_works_once():
    _case, token = case_submit(data=petition())
    case_confirm(token=token)
    with pytest.raises(CaseError):
        case_confirm(token=token)


def test_expired_links_are_refused_and_swept():
    case, token = case_submit(data=petition())
    Case.objects.filter(pk=case.pk).update(
        confirm_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(CaseError, match="expired"):
        case_confirm(token=token)
    assert case_expire_unconfirmed() >= 1
    case.refresh_from_db()
    assert case.state == State.EXPIRED


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"content": "   "}, "concrete content"),
        ({"name": ""}, "name"),
        ({"email": "", "phone": "", "address": ""}, "at least one contact"),
    ],
)
def test_intake_rules(overrides, message, users):
    with pytest.raises(CaseError, match=message):
        case_record(
            data=petition(**overrides), channel=Channel.LETTER, recorded_by=users["coordinator"]
        )


def test_web_petitions_need_an_email():
    with pytest.raises(CaseError, match="e-mail"):
        case_submit(data=petition(email="", phone="0912345678"))


def test_staff_record_phone_petitions_without_email(users):
    case, credentials = case_record(
        data=petition(email="", phone="07-1234567"),
        channel=Channel.PHONE,
        recorded_by=users["officer"],
    )
    assert case.state == State.CONFIRMED
    assert case.recorded_by == users["officer"]
    assert case.deadline is not None
    assert not OutboundMail.objects.filter(reference=credentials.number).exists()  # no address


def test_staff_cannot_record_as_web(users):
    with pytest.raises(CaseError):
        case_record(data=petition(), channel=Channel.WEB, recorded_by=users["coordinator"])


def test_recording_needs_permission(users):
    with pytest.raises(PermissionDenied):
        case_record(data=petition(), channel=Channel.LETTER, recorded_by=users["editor"])


def test_wrong_password_and_unknown_number_look_the_same(make_case):
    case = make_case()
    for number, password in (
        (case.number, "wrong-pass"),
        ("0000000000", case.credentials.password),
    ):
        with pytest.raises(CaseError, match="not correct"):
            case_authenticate(number=number, password=password)


def test_errors_speak_the_petitioners_language():
    from django.utils import translation

    with translation.override("zh-hant"), pytest.raises(CaseError, match="確認連結無效"):
        case_confirm(token="nonsense")
