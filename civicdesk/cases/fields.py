"""Form fields of the petition module meant for reuse, by its own forms and by the apps built
on it (triage's category override)."""

from django import forms

from civicdesk.cases.models import Category
from civicdesk.core.i18n import localized


class CategoryChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A petition category, labelled in the reader's language."""

    def label_from_instance(self, obj: Category) -> str:
        return localized(obj, "name")
