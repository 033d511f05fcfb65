from django.urls import path

from civicdesk.cases import admin_documents, admin_statistics, admin_views

app_name = "cases_admin"
urlpatterns = [
    path("", admin_views.case_index, name="index"),
    path("record/", admin_views.case_record_view, name="record"),
    path("statistics/", admin_statistics.statistics_view, name="statistics"),
    path(
        "statistics/export.<str:fmt>", admin_statistics.statistics_export, name="statistics_export"
    ),
    path("<int:pk>/", admin_views.case_detail, name="detail"),
    path("<int:pk>/record.<str:fmt>", admin_documents.oral_record, name="oral_record"),
    path("<int:pk>/reply-letter.<str:fmt>", admin_documents.reply_letter, name="reply_letter"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        admin_documents.attachment_download,
        name="attachment",
    ),
    path("<int:pk>/<str:action>/", admin_views.case_action, name="action"),
]
