"""Staff screen of outbound mail in the Wagtail admin: a read-only delivery log under Reports.

Staff see to whom (masked), which template, the state and the attempts. The text is shown only
to a role allowed to read it (`notifications.view_mail_body`; for a confidential petitioner only
the privacy officer), only on request, and every reading is logged as personal-data access.
Secrets are never in the stored text at all (notifications.sealing).
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from civicdesk.accounts.roles import PRIVACY_OFFICER
from civicdesk.accounts.selectors import user_role_codes
from civicdesk.core.masking import REDACTED, mask_email
from civicdesk.notifications.models import OutboundMail

WRITE_VIEWS = {"add", "edit", "delete", "copy"}
# Apps that own the records a mail is about log each reading of its text (cases: the
# petitioner's data access log). Called as fn(user=..., mail=...).
BODY_READ_HOOK = "notifications_mail_body_read"
SHOW_PARAM = "show"
TIME_FIELDS = ("created_at", "next_attempt_at", "sent_at")


def can_read_body(user: User | AnonymousUser, mail: OutboundMail) -> bool:
    if mail.is_confidential:
        # By role, not by permission: the law names the privacy officer (行政程序法 §170 II).
        return PRIVACY_OFFICER.code in user_role_codes(user)
    return user.has_perm("notifications.view_mail_body")


def masked_recipient(mail: OutboundMail) -> str:
    return REDACTED if mail.is_confidential else mask_email(mail.to)


def local_time(value: Any) -> str:
    """Asia/Taipei on every staff screen, as the list shows it."""
    if value is None:
        return "-"
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


INSPECT_FIELDS = [
    "recipient",
    "subject",
    "template",
    "language",
    "status",
    "attempts",
    "last_error",
    *TIME_FIELDS,
    "reference",
    "is_confidential",
    "message",
]


class MailInspectView(InspectView):
    def setup(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.may_read = can_read_body(request.user, self.object)
        self.reading = self.may_read and request.GET.get(SHOW_PARAM) == "message"
        if self.reading:
            for fn in hooks.get_hooks(BODY_READ_HOOK):
                fn(user=request.user, mail=self.object)

    def get_field_label(self, field_name: str, field: Any) -> Any:
        labels = {"recipient": _("to"), "message": _("message")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_recipient_display_value(self) -> str:
        return self.object.to if self.reading else masked_recipient(self.object)

    def get_message_display_value(self) -> Any:
        if self.reading:
            return format_html('<pre class="civicdesk-mail-body">{}</pre>', self.object.body)
        if self.may_read:
            return format_html(
                '<a href="?{}=message">{}</a>',
                SHOW_PARAM,
                _("Show the recipient and the text (your access is logged)"),
            )
        if self.object.is_confidential:
            return _("Confidential petitioner: only the privacy officer may read this mail.")
        return _("You may not read the text of outbound mail.")

    def get_field_display_value(self, field_name: str, field: Any) -> Any:
        if field_name in TIME_FIELDS:
            return local_time(getattr(self.object, field_name))
        return super().get_field_display_value(field_name, field)


class OutboundMailViewSet(ModelViewSet):
    """Mail is written only by the notification services; staff may only look at it."""

    model = OutboundMail
    icon = "mail"
    menu_label = gettext_lazy("Outbound mail")
    menu_hook = "register_reports_menu_item"
    list_display = [
        Column("recipient", label=gettext_lazy("to"), accessor=masked_recipient),
        "subject",
        "template",
        "status",
        "attempts",
        "created_at",
    ]
    list_filter = ["status", "template"]
    # Not the recipient: searching by address would tell who wrote to us.
    search_fields = ["subject", "reference"]
    inspect_view_enabled = True
    inspect_view_class = MailInspectView
    inspect_view_fields = INSPECT_FIELDS
    copy_view_enabled = False
    form_fields = ["subject"]  # never served: there is no add or edit view

    def get_common_view_kwargs(self, **kwargs: Any) -> Any:
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )

    def get_urlpatterns(self) -> Any:
        return [p for p in super().get_urlpatterns() if p.name not in WRITE_VIEWS]

    def get_permissions_to_register(self) -> Any:
        return super().get_permissions_to_register().filter(codename__startswith="view_")
