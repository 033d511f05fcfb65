"""Staff URLs of the FAQ (mounted in the Wagtail admin under /admin/faq/)."""

from django.urls import path

from civicdesk.faq.staff import views

app_name = "faq_admin"

urlpatterns = [
    path("promote/<int:case_id>/", views.promote, name="promote"),
    path("report/", views.report, name="report"),
]
