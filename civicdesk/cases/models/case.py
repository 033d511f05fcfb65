"""The petition (陳情案件) and the petitioner's personal data, kept in a separate table."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.querysets import CaseQuerySet
from civicdesk.cases.states import OPEN_STATES, State


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    MAILBOX = "mailbox", _("Director's mailbox")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    FAX = "fax", _("Fax")
    LETTER = "letter", _("Letter")
    COUNTER = "counter", _("Counter (in person)")
    MAYOR = "mayor", _("Forwarded from the mayor's mailbox")
    HOTLINE = "hotline", _("Forwarded from the 1999 hotline")


ORAL_CHANNELS = frozenset({Channel.PHONE, Channel.COUNTER})
WEB_CHANNELS = frozenset({Channel.WEB, Channel.MAILBOX})


class Outcome(models.TextChoices):
    REPLIED = "replied", _("Replied")
    TRANSFERRED = "transferred", _("Transferred")
    FILED_NO_CONTENT = "filed_no_content", _("Registered: no concrete content or no name/contact")
    FILED_REPEAT = "filed_repeat", _("Registered: repeat of a matter already answered")
    FILED_MULTIPLE = "filed_multiple", _("Registered: sent to several agencies")
    MERGED = "merged", _("Merged")
    REFERRED = "referred", _("Referred to mediation or the courts")


class Case(models.Model):
    # Identity and access
    number = models.CharField(_("case number"), max_length=20, unique=True, null=True, blank=True)
    query_password_hash = models.CharField(max_length=128, blank=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_expires_at = models.DateTimeField(null=True, blank=True)

    # What and how
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    category = models.ForeignKey(
        "cases.Category", verbose_name=_("category"), on_delete=models.PROTECT, related_name="cases"
    )
    subject = models.CharField(_("subject"), max_length=200)
    content = models.TextField(_("content"))
    location = models.CharField(_("place concerned"), max_length=200, blank=True)
    answers = models.JSONField(_("answers to extra questions"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    external_reference = models.CharField(
        _("external reference"),
        max_length=60,
        blank=True,
        help_text=_(
            "Number given by the forwarding channel (mayor's mailbox, 1999), or a letter's number."
        ),
    )

    # Who handles it
    unit = models.ForeignKey(
        "accounts.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="cases"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("case officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_cases",
    )

    # Workflow and the clock
    state = models.CharField(_("state"), max_length=20, choices=State.choices, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    received_on = models.DateField(_("receipt confirmed on"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    original_deadline = models.DateField(_("original deadline"), null=True, blank=True)
    paused_on = models.DateField(_("clock paused on"), null=True, blank=True)
    extension_count = models.PositiveSmallIntegerField(_("extensions"), default=0)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    reminded_on = models.DateField(null=True, blank=True)
    escalated_on = models.DateField(null=True, blank=True)

    # Relations between cases
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_cases"
    )
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("repeat of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="repeats",
    )
    transfer_agency = models.CharField(_("transferred to"), max_length=200, blank=True)
    transfer_document = models.CharField(_("transfer document number"), max_length=60, blank=True)
    transfer_date = models.DateField(_("transfer date"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-submitted_at"]
        permissions = [
            ("assign_case", "Can assign cases to units and officers"),
            ("approve_case", "Can approve replies and extensions"),
            ("see_identity", "Can see confidential petitioners' identity"),
            ("view_statistics", "Can see petition statistics"),
        ]
        indexes = [
            models.Index(fields=["unit", "state", "deadline"], name="cases_unit_state_deadline"),
            models.Index(fields=["officer", "state"], name="cases_officer_state"),
            models.Index(fields=["category", "submitted_at"], name="cases_category_submitted"),
        ]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_confidential(self) -> bool:
        petitioner = getattr(self, "petitioner", None)
        return bool(petitioner and petitioner.is_confidential)


class Petitioner(models.Model):
    """The person behind a case. Personal data (個資法): only read through the access-logged
    selector, masked in lists, redacted for everyone but the privacy officer when confidential."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="petitioner")
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=300, blank=True)
    is_confidential = models.BooleanField(
        _("keep my identity confidential"),
        default=False,
        help_text=_("行政程序法 art. 170 §2: the petitioner's identity is kept confidential."),
    )
    consented_at = models.DateTimeField(_("privacy notice accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("petitioner")
        verbose_name_plural = _("petitioners")

    def __str__(self) -> str:
        return self.name
