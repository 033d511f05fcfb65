"""Machine-readable surfaces: the open-data catalogue (one, bilingual) and the feed of updates
(one per language, mounted under the language prefix)."""

from django.urls import path

from civicdesk.api import feeds, views

app_name = "api"

urlpatterns = [
    path("catalogue.json", views.catalogue_datagovtw, name="catalogue_json"),
    path("catalogue.jsonld", views.catalogue_dcat, name="catalogue_dcat"),
]

feed_patterns = [
    path("feeds/updates.xml", feeds.UpdatesFeed(), name="updates_feed"),
]
