from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "civicdesk.search"
    label = "sitesearch"
    verbose_name = _("Site search")
