import datetime

import pytest
from django.core.mail import EmailMessage
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.utils import timezone
from django_tasks.backends.immediate import ImmediateBackend

from civicdesk.notifications.models import OutboundMail
from civicdesk.notifications.services import (
    SEND_LEASE,
    mail_queue,
    mail_retry_due,
    mail_send,
)

pytestmark = pytest.mark.django_db

CONTEXT = {"name": "王小明 <Tom & Jerry's>", "number": "11511240001"}


def queue(language="zh-hant", to="citizen@example.test", **context):
    return mail_queue(
        to=to,
        template="test_message",
        context={**CONTEXT, **context},
        language=language,
        reference="11511240001",
    )


def test_mail_is_sent_after_commit_with_chinese_subject_and_body_intact(
    smtp, mail_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mail = queue()
        assert smtp.messages == []
    assert len(callbacks) == 1

    [received] = smtp.messages
    assert received["Subject"] == "案件 11511240001 已受理"
    assert received["To"] == "citizen@example.test"
    assert received["From"] == "civicdesk <noreply@localhost>"
    assert received.get_content_charset() == "utf-8"
    body = received.get_content()
    assert "王小明 <Tom & Jerry's> 您好：" in body  # plain text: nothing escaped
    assert "您的陳情案件 11511240001 已受理" in body
    assert body.replace("\r\n", "\n") == mail.body

    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.SENT
    assert mail.sent_at is not None
    assert mail.attempts == 1
    assert mail.reference == "11511240001"
    assert mail.template == "test_message"


def test_subject_headers_travel_encoded(smtp, mail_templates, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue()
    [received] = smtp.messages
    raw = received.as_bytes(policy=received.policy.clone(utf8=False))
    assert b"=?utf-8?" in raw.lower()
    assert "案件".encode() not in raw.split(b"\n\n", 1)[0]


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("zh-hant", "案件 11511240001 已受理", "語言：zh-hant"),
        ("en", "Case 11511240001 received", "Language: en"),
    ],
)
def test_language_chooses_the_templates_and_is_active_while_rendering(
    mail_templates, language, subject, greeting
):
    mail = queue(language=language)
    assert mail.language == language
    assert mail.subject == subject
    assert greeting in mail.body


def test_subject_is_one_line(mail_templates):
    mail = queue(urgent=True)
    assert mail.subject == "緊急： 案件 11511240001 已受理"


def test_mail_is_rendered_and_stored_when_queued(
    mail_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        mail = queue()
    stored = OutboundMail.objects.get(pk=mail.pk)
    assert stored.status == OutboundMail.Status.QUEUED
    assert stored.attempts == 0
    assert stored.subject == "案件 11511240001 已受理"
    assert stored.next_attempt_at <= timezone.now()
    assert len(callbacks) == 1


def test_nothing_is_queued_when_the_callers_transaction_rolls_back(
    smtp, mail_templates, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue(to="rolled-back@example.test")
        raise RuntimeError("the case could not be saved")
    assert callbacks == []
    assert not OutboundMail.objects.filter(to="rolled-back@example.test").exists()
    assert smtp.messages == []


def test_unknown_language_is_refused_and_nothing_is_written(mail_templates):
    with pytest.raises(ValueError, match="'fr'"):
        queue(language="fr", to="french@example.test")
    assert not OutboundMail.objects.filter(to="french@example.test").exists()


def test_missing_template_propagates(mail_templates):
    with pytest.raises(TemplateDoesNotExist):
        mail_queue(to="a@example.test", template="no_such_mail", context={}, language="en")
    assert not OutboundMail.objects.filter(to="a@example.test").exists()


def test_an_unavailable_task_queue_loses_neither_the_callers_work_nor_the_mail(
    monkeypatch, mail_templates, django_capture_on_commit_callbacks
):
    def broken_enqueue(*args, **kwargs):
        raise ConnectionError("task queue unavailable")

    monkeypatch.setattr(ImmediateBackend, "enqueue", broken_enqueue)
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue()
    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.QUEUED
    assert mail.next_attempt_at <= timezone.now()  # send_queued_mail takes it next minute


def test_server_down_keeps_the_mail_queued_and_a_retry_delivers_it_once(
    smtp, mail_templates, django_capture_on_commit_callbacks
):
    smtp.stop()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue()
    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.QUEUED
    assert mail.attempts == 1
    assert "ConnectionRefusedError" in mail.last_error
    assert mail.next_attempt_at >= before + datetime.timedelta(minutes=1)
    assert mail_retry_due() == 0  # not due yet

    smtp.start()
    later = mail.next_attempt_at
    assert mail_retry_due(now=later) == 1
    assert mail_retry_due(now=later + datetime.timedelta(hours=1)) == 0
    assert mail_send(mail_id=mail.pk, now=later) is False
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["Subject"] == "案件 11511240001 已受理"
    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.SENT
    assert mail.attempts == 2
    assert mail.sent_at == later


def test_gives_up_after_the_maximum_attempts_with_growing_delays(
    smtp, settings, mail_templates, django_capture_on_commit_callbacks
):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 4
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue()
    delays = []
    for _ in range(3):
        mail.refresh_from_db()
        now = mail.next_attempt_at
        assert mail_retry_due(now=now) == 0
        mail.refresh_from_db()
        delays.append(mail.next_attempt_at - now)
    assert mail.status == OutboundMail.Status.FAILED
    assert mail.attempts == 4
    assert "ConnectionRefusedError" in mail.last_error
    assert delays[:2] == [datetime.timedelta(minutes=2), datetime.timedelta(minutes=4)]

    smtp.start()
    tomorrow = mail.next_attempt_at + datetime.timedelta(days=1)
    assert mail_retry_due(now=tomorrow) == 0
    assert mail_send(mail_id=mail.pk, now=tomorrow) is False
    assert smtp.messages == []
    mail.refresh_from_db()
    assert mail.attempts == 4


def test_an_interrupted_attempt_is_retried_after_the_lease_and_never_stuck(
    smtp, settings, monkeypatch, mail_templates
):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    mail = queue()  # the test's transaction never commits: no task runs
    now = timezone.now()

    def crash(self, fail_silently=False):
        raise RuntimeError("worker killed mid-send")

    monkeypatch.setattr(EmailMessage, "send", crash)
    with pytest.raises(RuntimeError):
        mail_send(mail_id=mail.pk, now=now)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (OutboundMail.Status.QUEUED, 1)
    assert mail.next_attempt_at == now + SEND_LEASE
    assert mail_retry_due(now=now + SEND_LEASE - datetime.timedelta(seconds=1)) == 0

    assert mail_retry_due(now=now + SEND_LEASE) == 0  # crashes again, logged, queue goes on
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (OutboundMail.Status.QUEUED, 2)

    monkeypatch.undo()
    assert mail_retry_due(now=now + 2 * SEND_LEASE) == 0
    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.FAILED
    assert mail.attempts == 2
    assert smtp.messages == []


def test_mail_send_skips_mail_that_is_not_queued_or_unknown(smtp, mail_templates):
    mail = queue()
    assert mail_send(mail_id=mail.pk) is True
    assert mail_send(mail_id=mail.pk) is False
    assert mail_send(mail_id=0) is False
    assert len(smtp.messages) == 1


def test_retry_sends_the_oldest_due_mail_first_up_to_the_limit(smtp, mail_templates):
    first = queue(to="first@example.test")
    second = queue(to="second@example.test")
    third = queue(to="third@example.test")
    now = timezone.now()
    assert mail_retry_due(now=now, limit=2) == 2
    assert [m["To"] for m in smtp.messages] == ["first@example.test", "second@example.test"]
    assert mail_retry_due(now=now, limit=2) == 1
    statuses = OutboundMail.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    assert set(statuses.values_list("status", flat=True)) == {OutboundMail.Status.SENT}


def queue_with_secrets(**kwargs):
    return mail_queue(
        to="citizen@example.test",
        template="test_secret",
        context={"number": "11511240001"},
        language="en",
        secrets={"password": "Pw7kQ2xZ", "token": "tok-SECRET-123"},
        **kwargs,
    )


def test_secrets_are_never_stored_in_the_text_and_reach_only_the_recipient(
    smtp, mail_templates, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        mail = queue_with_secrets()
    stored = OutboundMail.objects.get(pk=mail.pk)
    for secret in ("Pw7kQ2xZ", "tok-SECRET-123"):
        assert secret not in stored.body
        assert secret not in stored.sealed_secrets  # encrypted, not merely encoded
    assert "Password: [password: sealed]" in stored.body
    assert stored.sealed_secrets

    for callback in callbacks:
        callback()
    [received] = smtp.messages
    body = received.get_content()
    assert "Password: Pw7kQ2xZ" in body
    assert "https://example.test/confirm/tok-SECRET-123/" in body
    stored.refresh_from_db()
    assert stored.status == OutboundMail.Status.SENT
    assert stored.sealed_secrets == ""  # wiped once delivered
    assert "Pw7kQ2xZ" not in stored.body


def test_secrets_survive_retries_and_are_wiped_when_the_mail_is_given_up(
    smtp, settings, mail_templates, django_capture_on_commit_callbacks
):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_with_secrets()
    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.QUEUED and mail.sealed_secrets
    assert mail_retry_due(now=mail.next_attempt_at) == 0
    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.FAILED
    assert mail.sealed_secrets == ""


def test_a_key_rotated_into_the_fallbacks_still_opens_queued_secrets(
    smtp, settings, mail_templates
):
    mail = queue_with_secrets()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-test-key-" + "x" * 40
    assert mail_send(mail_id=mail.pk)
    assert "Password: Pw7kQ2xZ" in smtp.messages[0].get_content()


def test_secrets_sealed_under_a_lost_key_fail_the_mail_instead_of_sending_placeholders(
    smtp, settings, mail_templates
):
    mail = queue_with_secrets()
    settings.SECRET_KEY = "a-different-key-" + "y" * 40
    assert mail_send(mail_id=mail.pk) is False
    assert smtp.messages == []
    mail.refresh_from_db()
    assert mail.status == OutboundMail.Status.FAILED
    assert "cannot be opened" in mail.last_error
    assert mail.sealed_secrets == ""
