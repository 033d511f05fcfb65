from django.urls import path

from civicdesk.courtesy.staff import calls, documents, views

app_name = "courtesy_admin"
urlpatterns = [
    path("", views.round_index, name="index"),
    path("new/", views.round_create, name="round_add"),
    path("results/", documents.results_view, name="results"),
    path("results/export.<str:fmt>", documents.results_export, name="results_export"),
    path("rubrics/", views.rubric_index, name="rubrics"),
    path("rubrics/<str:action>/", views.rubric_action, name="rubric_action"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("<int:pk>/calls/new/", calls.call_create, name="call_add"),
    path("<int:pk>/calls.<str:fmt>", documents.calls_export, name="calls_export"),
    path("<int:pk>/report.<str:fmt>", documents.director_report, name="report"),
    path("<int:pk>/<str:action>/", views.round_action, name="round_action"),
    path("calls/<int:pk>/", calls.call_edit, name="call_edit"),
    path("units/<int:pk>/", calls.round_unit_detail, name="round_unit"),
]
