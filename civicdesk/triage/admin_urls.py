from django.urls import path

from civicdesk.triage import admin_views

app_name = "triage_admin"
urlpatterns = [
    path("suggestions/<int:pk>/", admin_views.suggestion_decide, name="decide"),
    path("cases/<int:pk>/suggest/", admin_views.case_suggest, name="suggest"),
    path("topics/", admin_views.topics_view, name="topics"),
    path("model/", admin_views.model_view, name="model"),
]
