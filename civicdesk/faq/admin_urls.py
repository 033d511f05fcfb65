"""Staff URLs of the FAQ (mounted in the Wagtail admin under /admin/faq/)."""

from django.urls import path

from civicdesk.faq import admin_views

app_name = "faq_admin"

urlpatterns = [
    path("promote/<int:case_id>/", admin_views.promote, name="promote"),
    path("report/", admin_views.report, name="report"),
]
