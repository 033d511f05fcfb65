"""Progress on a plan item, once per reporting period and unit: the lead unit's report (status,
narrative, figures) and the co-units' contributions, each with its evidence: uploaded files and
links to records kept elsewhere in the system (`core.evidence`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.core.storage import private_storage
from civicdesk.quality.querysets import ProgressReportQuerySet


class ProgressReport(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("lead unit (主辦)")
        CO = "co", _("co-unit (協辦)")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        DELAYED = "delayed", _("Behind schedule")
        DONE = "done", _("Done")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    item = models.ForeignKey(
        "quality.WorkPlanItem", on_delete=models.CASCADE, related_name="progress_reports"
    )
    period = models.CharField(_("period"), max_length=4)
    unit = models.ForeignKey(
        "accounts.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=4, choices=Role.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, blank=True)
    narrative = models.TextField(_("what was done (Chinese)"))
    narrative_en = models.TextField(_("what was done (English)"), blank=True)
    # The figures the report gives: a list of label, value and unit (e.g. 次).
    figures = models.JSONField(_("figures"), default=list, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ProgressReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["item", "period", "role", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "period", "unit"], name="quality_progress_unique"
            ),
        ]
        permissions = [("report_progress", "Can report progress on the unit's plan items")]

    def __str__(self) -> str:
        return f"{self.item.code} {self.period} {self.unit}"

    @property
    def is_submitted(self) -> bool:
        return self.state == self.State.SUBMITTED


class EvidenceFile(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=200)
    # Outside every public path: served by the staff download view to those who see the item.
    file = models.FileField(upload_to="quality/%Y/", storage=private_storage)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title


class EvidenceLink(models.Model):
    """A record elsewhere in the system, by (source key, id), with a snapshot of its title so
    the link stays readable if the record goes."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="links")
    source = models.CharField(_("kind of record"), max_length=60)
    object_id = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=300)
    record_date = models.DateField(_("date"), null=True, blank=True)
    url = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence link")
        verbose_name_plural = _("evidence links")
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "source", "object_id"], name="quality_link_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title
