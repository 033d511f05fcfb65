"""Forms of the staff screens: one small form per action, and the record-a-petition form."""

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.models import Unit
from civicdesk.cases.fields import CategoryChoiceField
from civicdesk.cases.models import Case, Category, Channel, Reply
from civicdesk.cases.models.case import WEB_CHANNELS
from civicdesk.cases.states import Action
from civicdesk.core.formfields import ContactEmailField, PhoneField

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


class CaseNumberField(forms.CharField):
    def clean(self, value: Any) -> Case | None:
        number = super().clean(value)
        if not number:
            return None
        case = Case.objects.filter(number=number.strip()).first()
        if case is None:
            raise forms.ValidationError(_("There is no case with that number."))
        return case


class StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: User) -> str:
        profile = getattr(obj, "staff_profile", None)
        return f"{profile.full_name} ({profile.unit})" if profile else obj.get_username()


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.active())
    officer = StaffChoiceField(
        label=_("Case officer"),
        required=False,
        queryset=User.objects.filter(is_active=True, staff_profile__isnull=False)
        .select_related("staff_profile__unit")
        .order_by("staff_profile__unit__sort_order", "last_name"),
    )


class MessageForm(forms.Form):
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))


class OptionalMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtendForm(forms.Form):
    new_deadline = forms.DateField(label=_("New deadline"), widget=DATE_WIDGET)
    reason = forms.CharField(
        label=_("Reason (told to the petitioner)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("A concrete opinion in plain words; in English for English petitions."),
    )
    legal_basis = forms.CharField(label=_("Legal basis"), widget=forms.Textarea(attrs={"rows": 3}))
    method = forms.ChoiceField(label=_("Send by"), choices=Reply.Method.choices)
    phone_log = forms.CharField(
        label=_("Phone call record (for a phone reply)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TransferForm(forms.Form):
    agency = forms.CharField(label=_("Competent agency"), max_length=200)
    document_number = forms.CharField(label=_("Transfer document number"), max_length=60)
    transferred_on = forms.DateField(
        label=_("Transfer date"), widget=DATE_WIDGET, initial=datetime.date.today
    )


class FileForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Ground (art. 173)"),
        choices=[
            ("no_content", _("No concrete content, or no real name or contact")),
            ("repeat", _("Repeat of a matter already answered")),
            ("multiple", _("Sent to several agencies")),
        ],
    )
    earlier_case = CaseNumberField(
        label=_("Earlier case number (for a repeat)"), required=False, max_length=20
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MergeForm(forms.Form):
    into = CaseNumberField(label=_("Merge into case number"), max_length=20)


class RecategoriseForm(forms.Form):
    category = CategoryChoiceField(label=_("New category"), queryset=Category.objects.active())


class EmptyForm(forms.Form):
    pass


ACTION_FORMS: dict[Action, type[forms.Form]] = {
    Action.ASSIGN: AssignForm,
    Action.START: EmptyForm,
    Action.REQUEST_SUPPLEMENT: MessageForm,
    Action.RECEIVE_SUPPLEMENT: OptionalMessageForm,
    Action.EXTEND: ExtendForm,
    Action.DRAFT_REPLY: ReplyForm,
    Action.APPROVE_REPLY: EmptyForm,
    Action.RETURN_REPLY: MessageForm,
    Action.SEND_REPLY: EmptyForm,
    Action.TRANSFER: TransferForm,
    Action.FILE: FileForm,
    Action.MERGE: MergeForm,
    Action.RECATEGORISE: RecategoriseForm,
    Action.NOTE: MessageForm,
}


class RecordForm(forms.Form):
    """A petition received by phone, fax, letter, at the counter, by e-mail or forwarded."""

    channel = forms.ChoiceField(
        label=_("Channel"), choices=[c for c in Channel.choices if c[0] not in WEB_CHANNELS]
    )
    received_on = forms.DateField(
        label=_("Received on"), widget=DATE_WIDGET, initial=datetime.date.today
    )
    external_reference = forms.CharField(
        label=_("Reference of the channel (optional)"), max_length=60, required=False
    )
    category = CategoryChoiceField(label=_("Category"), queryset=Category.objects.active())
    language = forms.ChoiceField(label=_("Language of the petition"), choices=settings.LANGUAGES)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    content = forms.CharField(
        label=_("Content of the petition"), widget=forms.Textarea(attrs={"rows": 8})
    )
    location = forms.CharField(label=_("Place concerned"), max_length=200, required=False)
    name = forms.CharField(label=_("Petitioner's name"), max_length=100)
    email = ContactEmailField(label=_("E-mail"), required=False)
    phone = PhoneField(label=_("Phone"), required=False)
    address = forms.CharField(label=_("Postal address"), max_length=300, required=False)
    is_confidential = forms.BooleanField(label=_("Identity confidential"), required=False)
