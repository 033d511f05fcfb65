"""Semi-annual test rounds, each tested unit's standing in a round, its improvement report,
and the append-only trace of what happened."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.rocdate import roc_year
from civicdesk.courtesy.querysets import RoundUnitQuerySet, TestRoundQuerySet


class TestRound(models.Model):
    class Half(models.IntegerChoices):
        FIRST = 1, _("first half (上半年)")
        SECOND = 2, _("second half (下半年)")

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half of the year"), choices=Half.choices)
    rubric = models.ForeignKey(
        "courtesy.Rubric", verbose_name=_("rubric"), on_delete=models.PROTECT, related_name="rounds"
    )
    starts_on = models.DateField(_("testing starts on"))
    ends_on = models.DateField(_("testing ends on"))
    units = models.ManyToManyField(
        "accounts.Unit", verbose_name=_("tested units"), related_name="courtesy_rounds"
    )
    testers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("testers"), related_name="courtesy_rounds"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = TestRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("courtesy-test round")
        verbose_name_plural = _("courtesy-test rounds")
        ordering = ["-year", "-half"]
        constraints = [
            models.UniqueConstraint(fields=["year", "half"], name="courtesy_round_unique_half"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="courtesy_round_dates_in_order",
            ),
        ]
        permissions = [
            ("run_rounds", "Can run courtesy-test rounds and rubrics"),
            ("record_call", "Can record courtesy-test calls"),
            ("file_improvement", "Can file a unit's improvement report"),
            ("view_director_report", "Can download the round's report to the director"),
        ]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def title(self) -> str:
        from django.utils.translation import gettext

        return gettext("%(year)s %(half)s telephone courtesy test") % {
            "year": self.year_label,
            "half": self.get_half_display(),
        }

    @property
    def year_label(self) -> str:
        from civicdesk.core.i18n import is_english

        return str(self.year) if is_english() else f"{roc_year(self.year)}年"

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.year, self.half)


class RoundUnit(models.Model):
    """A tested unit in a round: below the threshold → improvement filed → retested."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Not yet scored")
        PASSED = "passed", _("Passed")
        BELOW = "below", _("Below the threshold")
        IMPROVEMENT_FILED = "improvement_filed", _("Improvement report filed")
        RETEST_PASSED = "retest_passed", _("Retested: passed")
        RETEST_FAILED = "retest_failed", _("Retested: failed")

    round = models.ForeignKey(
        TestRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="unit_results"
    )
    unit = models.ForeignKey(
        "accounts.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    score = models.DecimalField(
        _("round score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    retest_score = models.DecimalField(
        _("retest score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    improvement_due_on = models.DateField(_("improvement report due on"), null=True, blank=True)
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)

    objects = RoundUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit in a round")
        verbose_name_plural = _("units in a round")
        ordering = ["round", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["round", "unit"], name="courtesy_round_unit_once")
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.unit.display_name}"


class ImprovementReport(models.Model):
    """What went wrong, the measures, who carries them out and by when (filed by the unit head)."""

    round_unit = models.OneToOneField(
        RoundUnit,
        verbose_name=_("unit in a round"),
        on_delete=models.CASCADE,
        related_name="improvement",
    )
    problems = models.TextField(_("what went wrong"))
    measures = models.TextField(_("improvement measures"))
    responsible = models.CharField(_("who carries them out"), max_length=200)
    complete_by = models.DateField(_("to be completed by"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("filed by"), on_delete=models.PROTECT
    )
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("improvement report")
        verbose_name_plural = _("improvement reports")

    def __str__(self) -> str:
        return str(self.round_unit)


class CourtesyEvent(models.Model):
    """Append-only: who did what to a round, when."""

    class Kind(models.TextChoices):
        ROUND_PLANNED = "round_planned", _("Round planned")
        ROUND_CHANGED = "round_changed", _("Round changed")
        ROUND_STARTED = "round_started", _("Testing started")
        ROUND_COMPLETED = "round_completed", _("Round completed")
        CALL_RECORDED = "call_recorded", _("Call recorded")
        CALL_CHANGED = "call_changed", _("Call corrected")
        IMPROVEMENT_FILED = "improvement_filed", _("Improvement report filed")
        RETESTED = "retested", _("Retest scored")
        REMINDED = "reminded", _("Unit head reminded")

    round = models.ForeignKey(TestRound, on_delete=models.CASCADE, related_name="events")
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
