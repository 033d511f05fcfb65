"""Staff forms of the kernel: declaring an office closure."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from civicdesk.core.models import OfficeDay


class OfficeClosureForm(WagtailAdminModelForm):
    """Date and reason of a closure; `office_closure_add` does the checking and the writing."""

    class Meta:
        model = OfficeDay
        fields = ["date", "note"]
        labels = {"note": _("reason")}
        help_texts = {"note": _("For example: typhoon, office closed (颱風停止上班).")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].required = True

    def validate_unique(self) -> None:
        # The date may already hold an imported working day, which the closure replaces;
        # the service refuses a second closure.
        return
