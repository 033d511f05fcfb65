"""Award applications (一(五)): 政府服務獎 and others, with their documents, deadline and result."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import localized
from civicdesk.core.storage import private_storage


class AwardApplication(models.Model):
    class State(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        SUBMITTED = "submitted", _("Submitted")
        WON = "won", _("Won")
        SHORTLISTED = "shortlisted", _("Shortlisted, not won")
        NOT_AWARDED = "not_awarded", _("Not awarded")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    year = models.PositiveSmallIntegerField(_("year"))
    award = models.CharField(_("award (Chinese)"), max_length=200)
    award_en = models.CharField(_("award (English)"), max_length=250, blank=True)
    organiser = models.CharField(_("awarded by"), max_length=200, blank=True)
    category = models.CharField(_("category entered"), max_length=200, blank=True)
    lead_unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("lead unit (主辦)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("application deadline"))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PREPARING
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    result_on = models.DateField(_("result announced on"), null=True, blank=True)
    result_note = models.TextField(_("result and feedback"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("award application")
        verbose_name_plural = _("award applications")
        ordering = ["-year", "deadline"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "award", "category"], name="quality_award_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {localized(self, 'award')}"

    @property
    def has_result(self) -> bool:
        return self.state in {self.State.WON, self.State.SHORTLISTED, self.State.NOT_AWARDED}


class AwardDocument(models.Model):
    application = models.ForeignKey(
        AwardApplication, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to="awards/%Y/", storage=private_storage)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award document")
        verbose_name_plural = _("award documents")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title
