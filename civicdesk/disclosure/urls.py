"""Public URLs of the document library (文件下載)."""

from django.urls import path

from civicdesk.disclosure import views

app_name = "disclosure"

urlpatterns = [
    path("", views.document_list, name="documents"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path(
        "<int:pk>/v<int:number>.<slug:extension>",
        views.document_download,
        name="document_download",
    ),
]
