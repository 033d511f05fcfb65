"""Public screens that are not Wagtail pages: text size, robots, sitemap, errors."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from civicdesk.core.i18n import is_english
from civicdesk.core.siteurl import absolute_url
from civicdesk.website.chrome import TEXT_SIZE_COOKIE, TEXT_SIZES
from civicdesk.website.sitemap import BilingualSitemap


@require_safe
def text_size(request: HttpRequest) -> HttpResponse:
    """Set the text size by a plain link, so it works without JavaScript."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    size = request.GET.get("size", "medium")
    if size in TEXT_SIZES:
        response.set_cookie(
            TEXT_SIZE_COOKIE, size, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    return response


@require_safe
@cache_page(3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        f"Sitemap: {absolute_url(reverse('sitemap_xml'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_xml(request: HttpRequest) -> HttpResponse:
    return sitemap(request, sitemaps={"pages": BilingualSitemap(request)})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A form past DATA_UPLOAD_MAX_MEMORY_SIZE gets the site's page, 413, saying what to do;
    any other bad request the static bilingual page (the host itself may be what is wrong)."""
    if isinstance(exception, RequestDataTooBig):
        context = {"back_url": _back_url(request), "limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        return render(request, "413.html", context, status=413)
    return HttpResponseBadRequest(render_to_string("400.html"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the site's page, 403. What was posted is never read or shown again
    (it may come from another site); going back lets the browser restore what was typed."""
    return render(request, "403_csrf.html", {"back_url": _back_url(request)}, status=403)


def _back_url(request: HttpRequest) -> str:
    """The form's page (the referrer) when it is ours, else the home page of the language."""
    referrer = request.headers.get("referer", "")
    if referrer and url_has_allowed_host_and_scheme(
        referrer, {request.get_host()}, request.is_secure()
    ):
        return referrer
    return "/en/" if is_english() else "/"


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors or database access: the database may be the fault.
    return HttpResponse(render_to_string("500.html"), status=500)
