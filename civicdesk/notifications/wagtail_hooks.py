from wagtail import hooks

from civicdesk.notifications.staff.viewsets import OutboundMailViewSet


@hooks.register("register_admin_viewset")
def register_outbound_mail() -> OutboundMailViewSet:
    return OutboundMailViewSet("outbound_mail")
