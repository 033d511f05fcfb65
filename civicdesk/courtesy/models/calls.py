"""A tester's call to a unit and its score per rubric item."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.courtesy.querysets import TestCallQuerySet


class TestCall(models.Model):
    round = models.ForeignKey(
        "courtesy.TestRound",
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="calls",
    )
    unit = models.ForeignKey(
        "accounts.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    called_on = models.DateField(_("date of the call"))
    called_at = models.TimeField(_("time of the call"))
    extension = models.CharField(_("extension"), max_length=20, blank=True)
    scenario = models.CharField(_("question or scenario tested"), max_length=300)
    answered_by = models.CharField(
        _("answered by (as they introduced themselves)"), max_length=60, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    is_retest = models.BooleanField(_("retest"), default=False)
    tester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tester"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    total = models.DecimalField(_("total score"), max_digits=5, decimal_places=2, default=0)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = TestCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("courtesy-test call")
        verbose_name_plural = _("courtesy-test calls")
        ordering = ["round", "called_on", "called_at", "pk"]

    def __str__(self) -> str:
        return f"{self.unit.display_name} {self.called_on} {self.called_at:%H:%M}"


class CallScore(models.Model):
    call = models.ForeignKey(TestCall, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey("courtesy.RubricItem", on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("points"), max_digits=4, decimal_places=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "item"], name="courtesy_score_once_per_item"),
            models.CheckConstraint(
                condition=models.Q(points__gte=0), name="courtesy_score_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.points}"
