from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    name = "civicdesk.faq"
    verbose_name = _("FAQ")

    def ready(self) -> None:
        # The FAQ builds on the petitions and plugs into the points they offer (ADR 0008).
        from civicdesk.faq import case_hooks

        case_hooks.register()
