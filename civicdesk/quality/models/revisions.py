"""Numbered versions of a plan in force (陸、實施與修正): each keeps the reason and the plan as
it stood after the change, so any two versions can be compared."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PlanRevision(models.Model):
    plan = models.ForeignKey("quality.WorkPlan", on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("version"))
    reason = models.TextField(_("reason"))
    # The plan fields and every item (code, wording, lead and co-units) after the change.
    snapshot = models.JSONField(_("the plan after the change"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(_("made at"), default=timezone.now)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="quality_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan.year} v{self.number}"


class PlanEvent(models.Model):
    """Append-only: who did what to a plan and its progress, when."""

    class Kind(models.TextChoices):
        COPIED = "copied", _("Copied from last year's plan")
        ADOPTED = "adopted", _("Plan adopted")
        REVISED = "revised", _("Plan revised")
        REPORT_SAVED = "report_saved", _("Progress saved")
        REPORT_SUBMITTED = "report_submitted", _("Progress submitted")
        REPORT_REOPENED = "report_reopened", _("Progress reopened")
        EVIDENCE_ADDED = "evidence_added", _("Evidence added")
        EVIDENCE_REMOVED = "evidence_removed", _("Evidence removed")
        REMINDED = "reminded", _("Unit reminded")

    plan = models.ForeignKey("quality.WorkPlan", on_delete=models.CASCADE, related_name="events")
    item = models.ForeignKey(
        "quality.WorkPlanItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
