"""Outbound mail: stored as it will be sent (secrets sealed), then sent and retried."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.notifications.querysets import OutboundMailQuerySet


class OutboundMail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")  # gave up after NOTIFICATIONS_MAX_ATTEMPTS

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    language = models.CharField(_("language"), max_length=10)
    template = models.CharField(_("template"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=100, blank=True, db_index=True)
    # Secrets the body shows as placeholders (notifications.sealing), encrypted; wiped once the
    # mail is sent or given up.
    sealed_secrets = models.TextField(blank=True, editable=False)
    # The recipient is a confidential petitioner (行政程序法 §170 II): only the privacy officer
    # may read to whom it went or what it said.
    is_confidential = models.BooleanField(_("confidential"), default=False)

    objects = OutboundMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outbound mail")
        verbose_name_plural = _("outbound mail")
        ordering = ["-created_at", "-pk"]
        permissions = [("view_mail_body", _("Can read the text of outbound mail (logged)"))]
        indexes = [
            # Only queued rows are ever looked up by time; sent ones would bloat a full index.
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="queued"),
                name="notifications_mail_due",
            ),
        ]

    def __str__(self) -> str:
        # Not the recipient: this string titles admin screens and logs.
        return self.subject
