"""What happens to a case: its append-only timeline, replies, attachments, survey, access log."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.states import Action
from civicdesk.core.storage import private_storage


class CaseEvent(models.Model):
    """Append-only: one row per state change, reply, notice, note, reminder or escalation."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        RECORDED = "recorded", _("Recorded by staff")
        REMINDED = "reminded", _("Deadline reminder sent")
        ESCALATED = "escalated", _("Overdue escalation")
        SURVEYED = "surveyed", _("Satisfaction survey answered")
        VIEWED_BY_CITIZEN = "viewed", _("Status viewed by the petitioner")
        FAQ_PROMOTED = "faq_promoted", _("Promoted to an FAQ draft")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # Either an Action value (state change) or a Kind value.
    kind = models.CharField(_("event"), max_length=30, choices=[*Action.choices, *Kind.choices])
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(_("by"), max_length=40, blank=True)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    message = models.TextField(_("message"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    is_public = models.BooleanField(
        _("shown to the petitioner"),
        default=False,
        help_text=_("Internal notes never reach the petitioner."),
    )

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The timeline is evidence for auditors: an event is written once and never changed.
        if self.pk is not None:
            raise ValueError("Case events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Case events are append-only.")


class Reply(models.Model):
    class Method(models.TextChoices):
        EMAIL = "email", _("E-mail")
        LETTER = "letter", _("Letter")
        PHONE = "phone", _("Phone call")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        SENT = "sent", _("Sent")
        RETURNED = "returned", _("Returned for changes")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(_("reply"), help_text=_("A concrete opinion in plain words."))
    legal_basis = models.TextField(_("legal basis"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    method = models.CharField(_("sent by"), max_length=10, choices=Method.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    phone_log = models.TextField(_("phone call record"), blank=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["drafted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case} reply {self.pk}"


class Attachment(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="attachments")
    # Outside every public path: served only by the staff download view, access-logged.
    file = models.FileField(upload_to="cases/%Y/%m/", storage=private_storage)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class SatisfactionResponse(models.Model):
    """The petitioner's rating of a closed case (1 = very dissatisfied … 5 = very satisfied)."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="survey")
    speed = models.PositiveSmallIntegerField(_("speed"))
    attitude = models.PositiveSmallIntegerField(_("attitude"))
    clarity = models.PositiveSmallIntegerField(_("clarity of the answer"))
    overall = models.PositiveSmallIntegerField(_("overall"))
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("satisfaction response")
        verbose_name_plural = _("satisfaction responses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(speed__range=(1, 5))
                & models.Q(attitude__range=(1, 5))
                & models.Q(clarity__range=(1, 5))
                & models.Q(overall__range=(1, 5)),
                name="cases_survey_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} survey"


class AccessPurpose(models.TextChoices):
    """Why staff read a petitioner's data; the stored values are stable English keys."""

    CASE_DETAIL = "case detail", _("Case page")
    ORAL_RECORD = "oral record", _("Oral petition record")
    REPLY_LETTER = "reply letter", _("Reply letter")
    FAQ_PROMOTION = "FAQ promotion", _("FAQ promotion")
    OUTBOUND_MAIL = "outbound mail", _("Outbound mail text")
    ATTACHMENT = "attachment", _("Attachment download")


class PersonalDataAccess(models.Model):
    """Every view of a petitioner's personal data by staff (個資法: access is logged)."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="access_log"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    purpose = models.CharField(_("purpose"), max_length=60, choices=AccessPurpose.choices)
    was_redacted = models.BooleanField(_("identity withheld"), default=False)

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user} {self.case} {self.local_time}"

    @property
    def local_time(self) -> str:
        """ISO time in the office's zone (Asia/Taipei), as exports and screens show it."""
        return timezone.localtime(self.at).isoformat(timespec="seconds")

    @property
    def purpose_label(self) -> str:
        return (
            str(AccessPurpose(self.purpose).label)
            if self.purpose in AccessPurpose
            else self.purpose
        )


class DailySequence(models.Model):
    """The last case number given out on a day (numbers are ROC date + 4-digit sequence)."""

    day = models.DateField(unique=True)
    value = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.day} {self.value}"
