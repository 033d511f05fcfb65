"""Staff admin menu items shown only to those holding a permission."""

from typing import Any

from django.http import HttpRequest
from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    def __init__(self, *args: Any, permission: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm(self.permission))


# The "Service quality" admin menu (quality's viewset group) collects the items of every
# service-quality app: a ViewSet sets `menu_hook = SERVICE_QUALITY_MENU_HOOK`; a custom screen
# registers `hooks.register(SERVICE_QUALITY_MENU_HOOK, lambda: PermissionMenuItem(...))`.
SERVICE_QUALITY_MENU_HOOK = "register_service_quality_menu_item"
