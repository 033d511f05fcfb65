"""Staff screen of outbound mail in the Wagtail admin: a read-only log under Reports."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from civicdesk.notifications.models import OutboundMail

WRITE_VIEWS = {"add", "edit", "delete", "copy"}


class OutboundMailViewSet(ModelViewSet):
    """Mail is written only by the notification services; staff may only look at it."""

    model = OutboundMail
    icon = "mail"
    menu_label = _("Outbound mail")
    menu_hook = "register_reports_menu_item"
    list_display = ["to", "subject", "status", "attempts", "created_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject", "reference"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["to", "subject", "body"]  # never served: there is no add or edit view

    def get_common_view_kwargs(self, **kwargs: Any) -> Any:
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )

    def get_urlpatterns(self) -> Any:
        return [p for p in super().get_urlpatterns() if p.name not in WRITE_VIEWS]

    def get_permissions_to_register(self) -> Any:
        return super().get_permissions_to_register().filter(codename__startswith="view_")
