"""A scoring rubric, versioned: a round keeps the version it was scored with."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import localized


class Rubric(models.Model):
    name = models.CharField(_("name (Chinese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    pass_threshold = models.PositiveSmallIntegerField(
        _("pass threshold (points out of 100)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    revised_from = models.ForeignKey(
        "self",
        verbose_name=_("revised from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisions",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("courtesy-test rubric")
        verbose_name_plural = _("courtesy-test rubrics")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{localized(self, 'name')} (v{self.version})"


class RubricSection(models.Model):
    """One aspect of one part of the call, e.g. the switchboard's speed (總機－速度)."""

    class Part(models.TextChoices):
        SWITCHBOARD = "switchboard", _("Switchboard")
        UNIT = "unit", _("Unit")

    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.CASCADE, related_name="sections"
    )
    part = models.CharField(_("part of the call"), max_length=20, choices=Part.choices)
    name = models.CharField(_("name (Chinese)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rubric section")
        verbose_name_plural = _("rubric sections")
        ordering = ["rubric", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.get_part_display()}: {localized(self, 'name')}"


class RubricItem(models.Model):
    section = models.ForeignKey(
        RubricSection, verbose_name=_("section"), on_delete=models.CASCADE, related_name="items"
    )
    text = models.CharField(_("item (Chinese)"), max_length=200)
    text_en = models.CharField(_("item (English)"), max_length=250, blank=True)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rubric item")
        verbose_name_plural = _("rubric items")
        ordering = ["section__order", "order", "pk"]

    def __str__(self) -> str:
        return f"{localized(self, 'text')} ({self.max_points})"
