"""The admin form of classified pages: publishing needs all three classification codes."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from civicdesk.metadata.published import unclassified_fields


class ClassifiedPageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # Drafts may be unclassified; the guideline forbids publishing them.
        if "action-publish" in self.data:
            for name in unclassified_fields(cleaned, self.fields):
                self.add_error(name, _("Choose a code: a page cannot be published unclassified."))
        return cleaned
