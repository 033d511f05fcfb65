"""The annual service-quality work plan (提升服務品質工作計畫): its areas and work items."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import localized
from civicdesk.quality.periods import PeriodSet
from civicdesk.quality.querysets import WorkPlanItemQuerySet


class WorkPlan(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_FORCE = "in_force", _("in force")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    # The seed asks for periodic 執行成果: each item is reported once per period of the year.
    period_set = models.CharField(
        _("reporting periods"),
        max_length=10,
        choices=PeriodSet.choices,
        default=PeriodSet.HALF_YEARS,
    )
    copied_from = models.OneToOneField(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copied_to",
    )
    title = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    basis = models.TextField(_("basis (Chinese)"), blank=True)
    basis_en = models.TextField(_("basis (English)"), blank=True)
    goal = models.TextField(_("goal (Chinese)"), blank=True)
    goal_en = models.TextField(_("goal (English)"), blank=True)
    scope = models.TextField(_("scope (Chinese)"), blank=True)
    scope_en = models.TextField(_("scope (English)"), blank=True)
    review = models.TextField(_("review and rewards (Chinese)"), blank=True)
    review_en = models.TextField(_("review and rewards (English)"), blank=True)
    amendment = models.TextField(_("implementation and amendment (Chinese)"), blank=True)
    amendment_en = models.TextField(_("implementation and amendment (English)"), blank=True)

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year"]
        permissions = [
            ("manage_workplan", "Can copy, adopt and revise work plans"),
        ]

    def __str__(self) -> str:
        return localized(self, "title")

    @property
    def is_in_force(self) -> bool:
        return self.state == self.State.IN_FORCE

    @property
    def revision_number(self) -> int:
        """The plan's current version (0 while it is a draft never adopted)."""
        last = self.revisions.order_by("-number").first()
        return last.number if last is not None else 0


class WorkPlanItem(models.Model):
    """One 工作重點 under a 工作要項, with its lead (主辦) and co-units (協辦)."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="items")
    area_no = models.PositiveSmallIntegerField(_("area number"))
    area = models.CharField(_("area (Chinese)"), max_length=200)
    area_en = models.CharField(_("area (English)"), max_length=250, blank=True)
    seq = models.PositiveSmallIntegerField(_("number within the area"))
    focus = models.TextField(_("focus (Chinese)"))
    focus_en = models.TextField(_("focus (English)"), blank=True)
    # One string per numbered sub-point; a sub-point may itself span lines.
    details = models.JSONField(_("details (Chinese)"), default=list, blank=True)
    details_en = models.JSONField(_("details (English)"), default=list, blank=True)
    lead_unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("lead unit (主辦)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_plan_items",
    )
    lead_is_all_units = models.BooleanField(_("every unit leads (各組室)"), default=False)
    co_units = models.ManyToManyField(
        "accounts.Unit", verbose_name=_("co-units (協辦)"), blank=True, related_name="co_plan_items"
    )
    co_is_all_units = models.BooleanField(_("every unit cooperates (各組室協辦)"), default=False)

    objects = WorkPlanItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("work-plan item")
        verbose_name_plural = _("work-plan items")
        ordering = ["plan", "area_no", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "area_no", "seq"], name="quality_item_unique_seq"
            ),
            models.CheckConstraint(
                condition=models.Q(lead_unit__isnull=False) | models.Q(lead_is_all_units=True),
                name="quality_item_has_lead",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area_no}-{self.seq} {localized(self, 'focus')[:40]}"

    @property
    def code(self) -> str:
        return f"{self.area_no}.{self.seq}"
