from django.urls import path

from civicdesk.triage.staff import views

app_name = "triage_admin"
urlpatterns = [
    path("suggestions/<int:pk>/", views.suggestion_decide, name="decide"),
    path("cases/<int:pk>/suggest/", views.case_suggest, name="suggest"),
    path("topics/", views.topics_view, name="topics"),
    path("model/", views.model_view, name="model"),
]
