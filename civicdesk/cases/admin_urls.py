from django.urls import path

from civicdesk.cases import admin_views

app_name = "cases_admin"
urlpatterns = [
    path("", admin_views.case_index, name="index"),
    path("record/", admin_views.case_record_view, name="record"),
    path("<int:pk>/", admin_views.case_detail, name="detail"),
    path("<int:pk>/<str:action>/", admin_views.case_action, name="action"),
]
