from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "civicdesk.triage"
    verbose_name = _("Case triage")
