"""Form fields for contact details as people type them: Taiwanese phones, full-width e-mail."""

import unicodedata
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.core.phones import InvalidPhone, normalise_phone

# A Chinese input method types the ideographic full stop; UTS #46 reads it as a dot in domains.
_IDEOGRAPHIC_FULL_STOP = "。"


class PhoneField(forms.CharField):
    """A Taiwanese phone number, cleaned to its one written form (`core.phones`)."""

    default_error_messages = {
        "invalid": _(
            "Enter a Taiwanese phone number with its area code, for example 0912-345-678, "
            "07-123-4567 or 02-2345-6789; add an extension as #123."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "tel"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text: str = super().clean(value)
        if not text:
            return text
        try:
            return normalise_phone(text)
        except InvalidPhone:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class ContactEmailField(forms.EmailField):
    """An e-mail address typed in full-width characters is the same address (NFKC)."""

    default_error_messages = {
        "invalid": _("Enter an e-mail address such as name@example.com."),
    }

    def __init__(self, **kwargs: Any) -> None:
        # RFC 5321 caps a forward path at 254 characters, as models.EmailField does; Django's
        # form default of 320 would let a longer address reach the database and fail there.
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        if isinstance(value, str):
            value = unicodedata.normalize("NFKC", value).replace(_IDEOGRAPHIC_FULL_STOP, ".")
        return super().to_python(value) or ""
