from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "civicdesk.triage"
    verbose_name = _("Case triage")

    def ready(self) -> None:
        # Triage builds on the petitions and plugs into the points they offer (ADR 0008).
        from civicdesk.triage import case_hooks

        case_hooks.register()
