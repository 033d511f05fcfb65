"""Public petition forms. Validation messages are translated; nothing typed is lost on error."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.fields import CategoryChoiceField
from civicdesk.cases.models import Category
from civicdesk.core.formfields import ContactEmailField, PhoneField


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if len(files) > settings.CASES_ATTACHMENT_MAX_FILES:
            raise forms.ValidationError(
                _("Attach at most %(count)d files.")
                % {"count": settings.CASES_ATTACHMENT_MAX_FILES}
            )
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class PetitionForm(forms.Form):
    category = CategoryChoiceField(
        label=_("Category"),
        queryset=Category.objects.active(),
        empty_label=_("Choose the matter"),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    content = forms.CharField(
        label=_("What happened, and what do you ask us to do?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_("Be concrete: what, when and where. At most 5,000 characters."),
    )
    location = forms.CharField(
        label=_("Place concerned (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example a road, a gate of the plant, or your neighbourhood."),
    )
    name = forms.CharField(
        label=_("Your name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = ContactEmailField(
        label=_("E-mail"),
        help_text=_("We send a confirmation link here; the petition starts when you open it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = PhoneField(
        label=_("Phone (optional)"),
        required=False,
        help_text=_("For example 0912-345-678, or 07-123-4567 #123 with an extension."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    address = forms.CharField(
        label=_("Postal address (optional)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    is_confidential = forms.BooleanField(
        label=_("Keep my identity confidential"),
        required=False,
        help_text=_("Only the privacy officer will see your name and contact details."),
    )
    attachments = MultipleFileField(
        label=_("Attachments (optional)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.odt,.ods,.docx,.xlsx"}),
    )
    consent = forms.BooleanField(
        label=_("I have read the personal data notice above and agree."),
        error_messages={"required": _("Please read and accept the personal data notice.")},
    )
    # Honeypot: hidden from people (display: none), filled in by bots.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    # The category whose extra questions this form showed (empty: none were shown yet).
    questions_for = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, category: Category | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The limits as configured, in the visitor's language (formatted per form).
        self.fields["attachments"].help_text = _(
            "Up to %(count)d files of at most %(size)s each: PDF, JPEG, PNG, ODF or Office "
            "documents."
        ) % {
            "count": settings.CASES_ATTACHMENT_MAX_FILES,
            "size": filesizeformat(settings.CASES_ATTACHMENT_MAX_BYTES),
        }
        self.chosen_category = category
        if category is None:
            return
        self.initial.setdefault("category", category.pk)
        self.fields["questions_for"].initial = category.code
        for question in category.extra_questions:
            self.fields[f"extra_{question['key']}"] = forms.CharField(
                label=localized_label(question),
                max_length=500,
                required=bool(question.get("required", False)),
            )
        order = list(self.fields)
        extras = [name for name in order if name.startswith("extra_")]
        rest = [name for name in order if name not in extras]
        at = rest.index("location") + 1
        self.order_fields(rest[:at] + extras + rest[at:])

    def clean_website(self) -> str:
        value: str = self.cleaned_data.get("website", "")
        if value:
            raise forms.ValidationError(_("This submission looks automated."))
        return value

    def has_unseen_questions(self) -> bool:
        """True when the chosen category has extra questions the petitioner has not seen."""
        return bool(
            self.is_bound
            and self.chosen_category is not None
            and self.chosen_category.extra_questions
            and self.data.get("questions_for") != self.chosen_category.code
        )

    def answers(self) -> dict[str, str]:
        return {
            name.removeprefix("extra_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("extra_") and value
        }


def localized_label(question: dict[str, str]) -> str:
    from django.utils import translation

    if (translation.get_language() or "").startswith("en") and question.get("label_en"):
        return question["label_en"]
    return question.get("label", question["key"])


class TrackForm(forms.Form):
    number = forms.CharField(
        label=_("Case number"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    password = forms.CharField(
        label=_("Query password"),
        max_length=40,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


SCORE_CHOICES = [
    (5, _("Very satisfied")),
    (4, _("Satisfied")),
    (3, _("Neutral")),
    (2, _("Dissatisfied")),
    (1, _("Very dissatisfied")),
]


def score_field(label: Any) -> forms.TypedChoiceField:
    """One 1–5 satisfaction question, answered with radio buttons."""
    return forms.TypedChoiceField(
        label=label, choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )


class SurveyForm(forms.Form):
    speed = score_field(_("How satisfied are you with the speed of handling?"))
    attitude = score_field(_("How satisfied are you with the staff's attitude?"))
    clarity = score_field(_("How clear and complete was the answer?"))
    overall = score_field(_("Overall, how satisfied are you?"))
    comment = forms.CharField(
        label=_("Anything else you want to tell us (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("What is still unresolved?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
