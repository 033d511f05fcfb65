"""Staff URLs of the reports (mounted in the Wagtail admin)."""

from django.urls import path

from civicdesk.reports import admin_views

app_name = "reports_admin"

urlpatterns = [
    path("", admin_views.freshness_report, name="freshness"),
    path("check-links/", admin_views.freshness_check_links, name="freshness_check"),
]
