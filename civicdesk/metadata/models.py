"""Classification code lists (行政機關電子資料流通詮釋資料及分類檢索規範): 主題, 施政, 服務."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import localized


class Scheme(models.TextChoices):
    THEME = "theme", _("Theme (主題分類)")
    CAKE = "cake", _("Administration (施政分類)")
    SERVICE = "service", _("Service (服務分類)")


class ClassificationCodeQuerySet(models.QuerySet["ClassificationCode"]):
    def active(self) -> "ClassificationCodeQuerySet":
        return self.filter(is_active=True)

    def of(self, scheme: str) -> "ClassificationCodeQuerySet":
        return self.filter(scheme=scheme)


class ClassificationCode(models.Model):
    """One code of one scheme; lists are imported from CSV and versioned, never hand-typed."""

    scheme = models.CharField(_("scheme"), max_length=10, choices=Scheme.choices)
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    version = models.CharField(
        _("list version"), max_length=40, help_text=_("Edition of the code list it came from.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(
        _("demo code"), default=False, help_text=_("Demonstration data, not an official code.")
    )

    objects = ClassificationCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("classification code")
        verbose_name_plural = _("classification codes")
        ordering = ["scheme", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "code"], name="metadata_code_unique_per_scheme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {localized(self, 'name')}"
