from django.urls import path

from civicdesk.cases.staff import documents, statistics, views

app_name = "cases_admin"
urlpatterns = [
    path("", views.case_index, name="index"),
    path("record/", views.case_record_view, name="record"),
    path("statistics/", statistics.statistics_view, name="statistics"),
    path("statistics/export.<str:fmt>", statistics.statistics_export, name="statistics_export"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/record.<str:fmt>", documents.oral_record, name="oral_record"),
    path("<int:pk>/reply-letter.<str:fmt>", documents.reply_letter, name="reply_letter"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        documents.attachment_download,
        name="attachment",
    ),
    path("<int:pk>/<str:action>/", views.case_action, name="action"),
]
