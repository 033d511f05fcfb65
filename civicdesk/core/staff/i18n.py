"""The admin's JavaScript catalogue, with our translations of the Wagtail strings its own
zh_Hant catalogue lacks (core/locale/*/LC_MESSAGES/djangojs.po) on top of Wagtail's."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response

# Later packages win: ours over Wagtail's.
_catalogue = JavaScriptCatalog.as_view(packages=["wagtail.admin", "civicdesk.core"])


def admin_javascript_catalog(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Wagtail's own view, in the signed-in user's admin language, with our catalogue too."""
    response: HttpResponse = get_localized_response(_catalogue, request, *args, **kwargs)
    return response
