"""Staff URLs of the reports (mounted in the Wagtail admin)."""

from django.urls import path

from civicdesk.reports.staff import views

app_name = "reports_admin"

urlpatterns = [
    path("", views.freshness_report, name="freshness"),
    path("check-links/", views.freshness_check_links, name="freshness_check"),
]
