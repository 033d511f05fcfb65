"""Staff URLs of the public website app (mounted in the Wagtail admin)."""

from django.urls import path

from civicdesk.website import admin_views

app_name = "website_admin"

urlpatterns = [
    path("", admin_views.freshness_report, name="freshness"),
    path("check-links/", admin_views.freshness_check_links, name="freshness_check"),
]
