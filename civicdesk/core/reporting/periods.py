"""The period a report covers: two dates from the query string, at most a few years apart."""

import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

MAX_SPAN_YEARS = 5
Labels = tuple["str | _StrPromise", "str | _StrPromise"]


def years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, month=3, day=1)


class PeriodForm(forms.Form):
    """From `start` to `end`, inclusive. A report names what the dates are about by `labels`
    ("Received from", "Measured from")."""

    start = forms.DateField(
        label=gettext_lazy("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("To"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    labels: Labels | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.labels is not None:
            self.fields["start"].label, self.fields["end"].label = self.labels

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, datetime.date) and isinstance(end, datetime.date):
            if end < start:
                raise forms.ValidationError(
                    gettext_lazy("The end date must not be before the start date."),
                    code="end_before_start",
                )
            if end >= years_after(start, MAX_SPAN_YEARS):
                raise forms.ValidationError(
                    gettext_lazy("Choose a period of at most %(years)d years.")
                    % {"years": MAX_SPAN_YEARS},
                    code="too_long",
                )
        return data


def period_form(request: HttpRequest, form_class: type[PeriodForm] = PeriodForm) -> PeriodForm:
    """Bound to the query string; this calendar year to today when nothing is chosen."""
    today = timezone.localdate()
    return form_class(
        {
            "start": request.GET.get("start") or today.replace(month=1, day=1).isoformat(),
            "end": request.GET.get("end") or today.isoformat(),
        }
    )
