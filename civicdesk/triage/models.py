"""What triage keeps: trained category models and the suggestion made for each case."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CategoryModel(models.Model):
    """A category classifier trained on the agency's own closed cases; the newest one is used."""

    trained_at = models.DateTimeField(_("trained"), auto_now_add=True, db_index=True)
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trained by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    case_count = models.PositiveIntegerField(_("cases learnt from"))
    labels = models.JSONField(_("categories"), default=list)
    # Out-of-fold figures of this training run: accuracy, macro-F1, folds, per-category counts.
    metrics = models.JSONField(_("measured quality"), default=dict)
    auto_route_threshold = models.FloatField(
        _("auto-routing threshold"),
        null=True,
        blank=True,
        help_text=_(
            "Lowest confidence at which out-of-fold suggestions were right at least as often as "
            "the target precision; empty when no confidence reached it."
        ),
    )
    # The classifier's own serialisation (arrays and JSON, never pickle).
    artifact = models.BinaryField()

    class Meta:
        verbose_name = _("category model")
        verbose_name_plural = _("category models")
        ordering = ["-trained_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.case_count})"


class CategorySuggestion(models.Model):
    """The category a model suggested for a case, and what the officer did with it."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Not yet decided")
        ACCEPTED = "accepted", _("Accepted")
        OVERRIDDEN = "overridden", _("Overridden")
        AUTO = "auto", _("Routed automatically")

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="category_suggestion"
    )
    model = models.ForeignKey(CategoryModel, on_delete=models.PROTECT, related_name="suggestions")
    category = models.ForeignKey(
        "cases.Category",
        verbose_name=_("suggested category"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    confidence = models.FloatField(_("confidence"))
    # [[category code, probability], ...] best first, for the officer's second opinion.
    ranked = models.JSONField(default=list)
    category_at_intake = models.ForeignKey(
        "cases.Category",
        verbose_name=_("category at intake"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(
        _("decision"), max_length=12, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("category suggestion")
        verbose_name_plural = _("category suggestions")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.category_id} ({self.confidence:.2f})"

    @property
    def agrees_with_intake(self) -> bool:
        return self.category_id == self.category_at_intake_id
