"""The search box and its filters, validated like any public form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.search.documents import KIND_LABELS
from civicdesk.search.selectors import SORTS

MAX_QUERY = 100


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=MAX_QUERY, strip=True)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    cake = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    service = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    unit = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    category = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
    date_from = forms.DateField(
        label=_("Updated from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("A date such as 2026-01-31."),
    )
    date_to = forms.DateField(
        label=_("Updated until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("relevance", _("Best match first")), ("date", _("Newest first"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [("", _("All types")), *KIND_LABELS.items()]

    def clean_sort(self) -> str:
        value: str = self.cleaned_data.get("sort") or "relevance"
        return value if value in SORTS else "relevance"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned
