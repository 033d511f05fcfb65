"""URL map: operational endpoints, staff admin, then the public site (zh-Hant at /, en at /en/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from civicdesk.api import urls as api_urls
from civicdesk.core import views as core_views
from civicdesk.core.staff import i18n as admin_i18n
from civicdesk.website import views as website_views

handler400 = "civicdesk.website.views.bad_request"  # a form past the size limit: 413
handler404 = "civicdesk.website.views.page_not_found"
handler500 = "civicdesk.website.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("robots.txt", website_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", website_views.sitemap_xml, name="sitemap_xml"),
    # Before Wagtail's own: the admin's JavaScript strings with our zh-Hant additions.
    path("admin/jsi18n/", admin_i18n.admin_javascript_catalog),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("civicdesk.api.urls")),
]

urlpatterns += i18n_patterns(
    path("search/", include("civicdesk.search.urls")),
    path("downloads/", include("civicdesk.disclosure.urls")),
    path("", include((api_urls.feed_patterns, "feeds"))),
    path("text-size/", website_views.text_size, name="text_size"),
    path("petitions/", include("civicdesk.cases.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
