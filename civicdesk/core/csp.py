"""Content-Security-Policy on every screen: the strict public policy, and one the Wagtail admin
works under (scripts only from our origin; inline style attributes, which Wagtail's widgets set,
are the one relaxation)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin policy under the admin's URL prefix."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        is_admin = request.path_info.startswith(settings.CORE_ADMIN_URL_PREFIX)
        if is_admin and not report_only and parts.config is None:
            parts.config = settings.CORE_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
