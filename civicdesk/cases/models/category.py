"""Categories are the routing unit: each carries its unit, deadline, templates and windows."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.querysets import CategoryQuerySet
from civicdesk.core.i18n import localized


class Category(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    description = models.TextField(_("help for citizens (Chinese)"), blank=True)
    description_en = models.TextField(_("help for citizens (English)"), blank=True)
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="case_categories",
    )
    deadline_workdays = models.PositiveSmallIntegerField(
        _("deadline (working days)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Counted from the next working day after receipt; never beyond 30 days."),
    )
    duplicate_window_days = models.PositiveSmallIntegerField(
        _("duplicate window (days)"),
        default=30,
        help_text=_("Cases on the same matter within this many days are offered for merging."),
    )
    extra_questions = models.JSONField(
        _("extra questions"),
        default=list,
        blank=True,
        help_text=_('List of {"key", "label", "label_en"} asked on the form for this category.'),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition category")
        verbose_name_plural = _("petition categories")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return localized(self, "name")


class ReplyTemplate(models.Model):
    """A starting text for a reply or notice, per category (or for all), kind and language."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        TRANSFER = "transfer", _("Transfer notice")
        FILE = "file", _("Art. 173 notice")
        EXTENSION = "extension", _("Extension notice")
        SUPPLEMENT = "supplement", _("Request for supplement")

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="templates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("text"))
    legal_basis = models.TextField(_("legal basis"), blank=True)

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["category", "kind", "language"]

    def __str__(self) -> str:
        return self.title
