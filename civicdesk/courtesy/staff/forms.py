"""Forms of the courtesy-test screens; they validate input, the services decide."""

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.models import Unit
from civicdesk.core.i18n import localized
from civicdesk.courtesy.models import Rubric, TestCall, TestRound
from civicdesk.courtesy.selectors import rubric_scoring_items
from civicdesk.courtesy.services import item_field

DATE = forms.DateInput(attrs={"type": "date"})
TIME = forms.TimeInput(attrs={"type": "time"})


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """A service's refusal shown on the field it concerns, the form keeping what was typed."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class UserChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        profile = getattr(obj, "staff_profile", None)
        name = profile.display_name if profile else (obj.get_full_name() or obj.get_username())
        unit = profile.unit.display_name if profile else ""
        return f"{name}（{unit}）" if unit else str(name)


class UnitChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class RoundForm(forms.Form):
    year = forms.IntegerField(label=_("Year (Gregorian)"), min_value=2000, max_value=2100)
    half = forms.TypedChoiceField(
        label=_("Half of the year"), choices=TestRound.Half.choices, coerce=int
    )
    rubric = forms.ModelChoiceField(label=_("Rubric"), queryset=Rubric.objects.all())
    starts_on = forms.DateField(label=_("Testing starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Testing ends on"), widget=DATE)
    units = UnitChoiceField(
        label=_("Tested units"),
        queryset=Unit.objects.active(),
        widget=forms.CheckboxSelectMultiple,
    )
    testers = UserChoiceField(
        label=_("Testers"),
        queryset=User.objects.filter(is_active=True, staff_profile__isnull=False)
        .select_related("staff_profile__unit")
        .order_by("staff_profile__unit__sort_order", "username"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Testers record the calls; staff of a tested unit should not test it."),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Testing cannot end before it starts."))
        return data


class CallForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit called"), queryset=Unit.objects.none())
    called_on = forms.DateField(label=_("Date of the call"), widget=DATE)
    called_at = forms.TimeField(label=_("Time of the call"), widget=TIME)
    extension = forms.CharField(label=_("Extension"), max_length=20, required=False)
    scenario = forms.CharField(
        label=_("Question or scenario tested"),
        max_length=300,
        help_text=_("What the tester asked, as a citizen would, e.g. how to book a plant visit."),
    )
    answered_by = forms.CharField(
        label=_("Answered by (as they introduced themselves)"),
        max_length=60,
        required=False,
        help_text=_("Optional. Only what the person said; no staff list is consulted."),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, round: TestRound, call: TestCall | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.round = round
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = round.units.all()
        unit_field.label_from_instance = lambda unit: str(unit.display_name)  # type: ignore[method-assign, assignment]
        if call is not None:
            unit_field.disabled = True
        self.sections: list[tuple[Any, list[str]]] = []
        for row, _item in rubric_scoring_items(round.rubric):
            name = item_field(row.pk)
            self.fields[name] = forms.DecimalField(
                label=_("%(item)s (at most %(max)s)")
                % {"item": localized(row, "text"), "max": row.max_points},
                min_value=Decimal(0),
                max_value=Decimal(row.max_points),
                decimal_places=1,
                widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
                error_messages={
                    "max_value": _("At most %(limit_value)s points for this item."),
                    "min_value": _("A score cannot be negative."),
                    "required": _("Score this item."),
                },
            )
            if self.sections and self.sections[-1][0].pk == row.section_id:
                self.sections[-1][1].append(name)
            else:
                self.sections.append((row.section, [name]))

    def points(self) -> dict[int, Decimal]:
        return {
            int(name.removeprefix("item_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("item_")
        }

    def details(self) -> dict[str, Any]:
        keys = ("called_on", "called_at", "extension", "scenario", "answered_by", "notes")
        return {key: self.cleaned_data[key] for key in keys}

    def section_fields(self) -> list[tuple[Any, list[Any]]]:
        return [(section, [self[name] for name in names]) for section, names in self.sections]

    def detail_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if not name.startswith("item_")]


class ImprovementForm(forms.Form):
    problems = forms.CharField(label=_("What went wrong"), widget=forms.Textarea)
    measures = forms.CharField(label=_("Improvement measures"), widget=forms.Textarea)
    responsible = forms.CharField(label=_("Who carries them out"), max_length=200)
    complete_by = forms.DateField(label=_("To be completed by"), widget=DATE)
