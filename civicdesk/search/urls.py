"""Public URLs of the site search."""

from django.urls import path

from civicdesk.search import views

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("browse/", views.browse, name="browse"),
]
