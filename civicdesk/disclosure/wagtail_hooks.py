"""Admin registration of the document library and the history entry of a version upload."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from civicdesk.disclosure.services import VERSION_ADD_ACTION
from civicdesk.disclosure.staff.viewsets import DocumentViewSet

register_snippet(DocumentViewSet)


@hooks.register("register_log_actions")
def register_document_log_actions(actions: Any) -> None:
    @actions.register_action(VERSION_ADD_ACTION)
    class VersionAdded(LogFormatter):
        label = _("Upload a version")

        def format_message(self, log_entry: Any) -> str:
            number = log_entry.data.get("number", "?")
            formats = ", ".join(f["format"] for f in log_entry.data.get("files", []))
            return str(_("Uploaded version %(number)s (%(formats)s)")) % {
                "number": number,
                "formats": formats,
            }
