"""Public FAQ forms: "was this helpful?" and the index filter."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500
QUERY_MAX_LENGTH = 100


class FeedbackForm(forms.Form):
    is_helpful = forms.TypedChoiceField(
        label=_("Was this answer helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("How could we make it better? (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
    )
    # Honeypot: hidden from people (display: none), filled in by bots.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Formatted per form, in the visitor's language: "%" on a lazy string at import time
        # would freeze the default language's text.
        self.fields["comment"].help_text = _(
            "Please do not write your name, phone, e-mail or address here: we cannot answer "
            "comments. At most %(count)d characters."
        ) % {"count": COMMENT_MAX_LENGTH}

    def clean_website(self) -> str:
        value: str = self.cleaned_data.get("website", "")
        if value:
            raise forms.ValidationError(_("This submission looks automated."))
        return value


class FaqFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Words in the question or answer"), required=False, max_length=QUERY_MAX_LENGTH
    )
    category = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args: Any, index: Any = None, **kwargs: Any) -> None:
        from civicdesk.faq.selectors import faq_category_choices

        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All topics")), *faq_category_choices(index=index)]
