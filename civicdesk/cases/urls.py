from django.urls import path

from civicdesk.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.start, name="start"),
    path("new/", views.new, name="new"),
    path("mailbox/", views.new, {"mailbox": True}, name="mailbox"),
    path("sent/", views.sent, name="sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("track/", views.track, name="track"),
    path("survey/", views.survey_entry, name="survey_entry"),
    path("<str:number>/", views.status, name="status"),
    path("<str:number>/survey/", views.survey, name="survey"),
    path("<str:number>/reopen/", views.reopen, name="reopen"),
]
