"""Bilingual mail that is never lost: stored with the caller's transaction, sent after commit,
retried with backoff while the mail server is down, given up (failed) only after many attempts."""

import datetime
import logging
import smtplib
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template import Context, Engine
from django.utils import timezone, translation

from civicdesk.notifications.backoff import retry_delay
from civicdesk.notifications.models import OutboundMail
from civicdesk.notifications.sealing import SealBroken, fill, placeholder, seal, unseal

logger = logging.getLogger(__name__)

DEFAULT_MAX_ATTEMPTS = 12
# Without a timeout a silent mail server would hold a worker (and the mail) forever.
DEFAULT_SEND_TIMEOUT = 30  # seconds, when EMAIL_TIMEOUT is not set
# A claimed mail is not due again until the lease has passed: a worker that dies mid-send
# leaves its mail queued for a later retry, never stuck. It must outlast a timed-out send.
SEND_LEASE = datetime.timedelta(minutes=10)
SUBJECT_MAX_LENGTH = 255


def max_attempts() -> int:
    return int(getattr(settings, "NOTIFICATIONS_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))


def _render(name: str, context: dict[str, Any]) -> str:
    # Plain text: autoescaping would put "&amp;" and "&#x27;" into the citizen's mail.
    return Engine.get_default().get_template(name).render(Context(context, autoescape=False))


def mail_queue(
    *,
    to: str,
    template: str,
    context: dict[str, Any],
    language: str,
    reference: str = "",
    secrets: Mapping[str, str] | None = None,
    is_confidential: bool = False,
) -> OutboundMail:
    """Render `notifications/<template>/<language>/{subject,body}.txt` now and queue the mail.

    The row is written in the caller's transaction, so the mail exists if and only if the
    caller's work commits; sending is scheduled for after the commit. `secrets` (a query
    password, a confirmation token) are template variables that are never stored in the text:
    the body keeps a placeholder and the secret stays sealed until the mail is sent.
    """
    languages = [code for code, _name in settings.LANGUAGES]
    if language not in languages:
        raise ValueError(f"Unknown mail language {language!r}: expected one of {languages}.")
    base = f"notifications/{template}/{language}"
    secrets = dict(secrets or {})
    context = {**context, **{name: placeholder(name) for name in secrets}}
    with translation.override(language):
        subject = " ".join(_render(f"{base}/subject.txt", context).split())
        body = _render(f"{base}/body.txt", context)
    # tasks.py imports this module.
    from civicdesk.notifications.tasks import mail_send_task

    with transaction.atomic():
        mail = OutboundMail.objects.create(
            to=to,
            subject=subject[:SUBJECT_MAX_LENGTH],
            body=body,
            language=language,
            template=template,
            reference=reference,
            sealed_secrets=seal(secrets),
            is_confidential=is_confidential,
        )
        # Robust: if the task queue is unavailable the committed work stands; the mail stays
        # queued and send_queued_mail picks it up.
        transaction.on_commit(lambda: mail_send_task.enqueue(mail.pk), robust=True)
    return mail


def _mail_claim(*, mail_id: int, now: datetime.datetime) -> OutboundMail | None:
    """Count the attempt and lease the mail to this worker, or None if it is not ours to send."""
    with transaction.atomic():
        mail = OutboundMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status != OutboundMail.Status.QUEUED or mail.next_attempt_at > now:
            return None
        if mail.attempts >= max_attempts():
            # Every attempt so far was interrupted before it could record its outcome.
            mail.status = OutboundMail.Status.FAILED
            mail.last_error = mail.last_error or "Every attempt was interrupted."
            mail.sealed_secrets = ""
            mail.save(update_fields=["status", "last_error", "sealed_secrets"])
            logger.error("Gave up on outbound mail %s to %s", mail.pk, mail.to)
            return None
        mail.attempts += 1
        mail.next_attempt_at = now + SEND_LEASE
        mail.save(update_fields=["attempts", "next_attempt_at"])
    return mail


def _mail_failed(
    *, mail: OutboundMail, error: str, now: datetime.datetime, final: bool = False
) -> None:
    changes: dict[str, Any] = {"last_error": error}
    if final or mail.attempts >= max_attempts():
        changes["status"] = OutboundMail.Status.FAILED
        changes["sealed_secrets"] = ""
        logger.error("Gave up on outbound mail %s to %s: %s", mail.pk, mail.to, error)
    else:
        changes["next_attempt_at"] = now + retry_delay(attempts=mail.attempts)
        logger.warning("Outbound mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, error)
    with transaction.atomic():
        OutboundMail.objects.filter(pk=mail.pk, status=OutboundMail.Status.QUEUED).update(**changes)


def mail_send(*, mail_id: int, now: datetime.datetime | None = None) -> bool:
    """Send a queued mail that is due; on a mail-server error schedule a retry. True if sent.

    The row is claimed under `select_for_update` in one short transaction and the outcome is
    recorded in another: the SMTP conversation happens outside any transaction, so a slow mail
    server never holds a database lock (SQLite locks the whole database for a write).
    """
    now = now or timezone.now()
    mail = _mail_claim(mail_id=mail_id, now=now)
    if mail is None:
        return False
    try:
        secrets = unseal(mail.sealed_secrets)
    except SealBroken as exc:
        # Sending the placeholder instead would give the citizen a mail they cannot use.
        _mail_failed(mail=mail, error=str(exc), now=now, final=True)
        return False
    message = EmailMessage(
        subject=fill(mail.subject, secrets),
        body=fill(mail.body, secrets),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT or DEFAULT_SEND_TIMEOUT),
    )
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as exc:
        _mail_failed(mail=mail, error=f"{type(exc).__name__}: {exc}", now=now)
        return False
    with transaction.atomic():
        OutboundMail.objects.filter(pk=mail.pk).update(
            status=OutboundMail.Status.SENT, sent_at=now, sealed_secrets=""
        )
    return True


def mail_retry_due(*, now: datetime.datetime | None = None, limit: int = 100) -> int:
    """Send up to `limit` queued mails whose next attempt is due; return how many were sent."""
    now = now or timezone.now()
    due = (
        OutboundMail.objects.due(now=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for mail_id in list(due):
        try:
            if mail_send(mail_id=mail_id, now=now):
                sent += 1
        except Exception:
            # One broken mail must not block the queue; its lease brings it back later.
            logger.exception("Outbound mail %s failed unexpectedly", mail_id)
    return sent
