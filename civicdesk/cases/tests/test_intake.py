import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, CaseEvent, Channel
from civicdesk.cases.services.citizen import case_authenticate
from civicdesk.cases.services.intake import (
    case_confirm,
    case_expire_unconfirmed,
    case_record,
    case_submit,
)
from civicdesk.cases.states import State
from civicdesk.cases.tests.conftest import petition
from civicdesk.notifications.models import OutboundMail
from civicdesk.notifications.services import mail_send

pytestmark = pytest.mark.django_db


def delivered(mail):
    """Send the stored mail and return the message the mail server got."""
    from django.core import mail as outbox

    outbox.outbox.clear()
    assert mail_send(mail_id=mail.pk)
    assert OutboundMail.objects.get(pk=mail.pk).sealed_secrets == ""  # wiped once sent
    (message,) = outbox.outbox
    return message


def test_web_petition_waits_for_email_confirmation():
    case, token = case_submit(data=petition())
    assert case.state == State.RECEIVED
    assert case.number is None and case.deadline is None  # the clock has not started
    assert case.unit.code == "operations"  # routed by its category
    assert case.petitioner.name == "林美華"
    assert case.events.filter(kind=CaseEvent.Kind.SUBMITTED).exists()
    mail = OutboundMail.objects.get(to="citizen@example.com", template="case_confirm")
    # The stored text never holds the link's token; the mail the citizen receives does.
    assert token not in mail.body and token not in mail.sealed_secrets
    assert "/petitions/confirm/" in mail.body
    assert f"/petitions/confirm/{token}/" in delivered(mail).body


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
    assert credentials.password not in mail.body
    assert credentials.password in delivered(mail).body


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


def test_reading_a_case_mail_in_the_admin_is_logged_against_the_case(client, users):
    from civicdesk.cases.models import AccessPurpose, PersonalDataAccess

    case, credentials = case_record(
        data=petition(), channel=Channel.PHONE, recorded_by=users["coordinator"]
    )
    mail = OutboundMail.objects.get(template="case_confirmed", reference=credentials.number)
    client.force_login(users["privacy"])
    client.get(f"/admin/outbound_mail/inspect/{mail.pk}/")
    assert not PersonalDataAccess.objects.filter(
        case=case, purpose=AccessPurpose.OUTBOUND_MAIL
    ).exists()  # the text was not shown
    html = client.get(f"/admin/outbound_mail/inspect/{mail.pk}/?show=message").content.decode()
    assert case.petitioner.name in html
    assert credentials.password not in html  # sealed: not even the privacy officer reads it
    entry = PersonalDataAccess.objects.get(case=case, purpose=AccessPurpose.OUTBOUND_MAIL)
    assert entry.user == users["privacy"]


def test_mails_stored_before_sealing_lose_their_secrets(users):
    import importlib

    from django.apps import apps

    from civicdesk.notifications.sealing import placeholder, unseal

    migration = importlib.import_module(
        "civicdesk.notifications.migrations.0003_seal_stored_secrets"
    )
    sent = OutboundMail.objects.create(
        to="a@example.test",
        subject="s",
        body="案號：1\n查詢密碼：Ab3dEf7h\n",
        language="zh-hant",
        template="case_confirmed",
        status=OutboundMail.Status.SENT,
    )
    queued = OutboundMail.objects.create(
        to="b@example.test",
        subject="s",
        body="Open http://x/en/petitions/confirm/tok_EN-123/ now\n",
        language="en",
        template="case_confirm",
    )
    migration.seal_stored_secrets(apps, None)
    sent.refresh_from_db()
    queued.refresh_from_db()
    assert "Ab3dEf7h" not in sent.body and placeholder("password") in sent.body
    assert sent.sealed_secrets == ""  # already delivered: nothing to keep
    assert "tok_EN-123" not in queued.body
    assert unseal(queued.sealed_secrets) == {"token": "tok_EN-123"}  # still deliverable
