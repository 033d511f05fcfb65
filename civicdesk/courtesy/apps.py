from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CourtesyConfig(AppConfig):
    name = "civicdesk.courtesy"
    label = "courtesy"
    verbose_name = _("Telephone courtesy tests")

    def ready(self) -> None:
        from civicdesk.core import evidence
        from civicdesk.courtesy.evidence import SOURCE

        evidence.register(SOURCE)
