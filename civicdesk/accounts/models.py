"""The agency, its units (組室) and the staff who work in them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.querysets import StaffProfileQuerySet, UnitQuerySet
from civicdesk.core.i18n import is_english, localized

agency_code_validator = RegexValidator(
    r"^[0-9A-Z]{3,20}$", _("An agency code has 3 to 20 digits or capital letters.")
)


class Agency(models.Model):
    """The agency that runs this site; its code is DC.Identifier on every page."""

    name = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    short_name = models.CharField(_("short name (Chinese)"), max_length=60, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=60, blank=True)
    code = models.CharField(
        _("agency code"),
        max_length=20,
        unique=True,
        validators=[agency_code_validator],
        help_text=_("The government agency code (機關代碼), published as DC.Identifier."),
    )
    parent_name = models.CharField(_("supervising agency (Chinese)"), max_length=200, blank=True)
    parent_name_en = models.CharField(_("supervising agency (English)"), max_length=200, blank=True)
    address = models.CharField(_("address (Chinese)"), max_length=300)
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=40)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"))
    office_hours = models.CharField(_("office hours (Chinese)"), max_length=200)
    office_hours_en = models.CharField(_("office hours (English)"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return localized(self, "name")


class Unit(models.Model):
    """A unit (組室) of the agency: the owner of pages, cases and work-plan items."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="units")
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    duties = models.TextField(_("duties (Chinese)"), blank=True)
    duties_en = models.TextField(_("duties (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return localized(self, "name")


class StaffProfile(models.Model):
    """What the agency publishes and needs about a staff member beyond the login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="staff")
    job_title = models.CharField(_("job title (Chinese)"), max_length=100)
    job_title_en = models.CharField(_("job title (English)"), max_length=100, blank=True)
    display_name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    phone = models.CharField(_("phone / extension"), max_length=40, blank=True)
    responsibilities = models.TextField(_("responsibilities (Chinese)"), blank=True)
    responsibilities_en = models.TextField(_("responsibilities (English)"), blank=True)
    is_listed = models.BooleanField(_("listed in the public staff directory"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = StaffProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")
        ordering = ["unit__sort_order", "sort_order", "user__last_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        # Chinese names are written family name first, without a space.
        return f"{self.user.last_name}{self.user.first_name}" or self.user.get_username()

    @property
    def display_name(self) -> str:
        if is_english() and self.display_name_en:
            return self.display_name_en
        return self.full_name
