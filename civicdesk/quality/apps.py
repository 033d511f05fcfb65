from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityConfig(AppConfig):
    name = "civicdesk.quality"
    label = "quality"
    verbose_name = _("Service quality")

    def ready(self) -> None:
        from civicdesk.core import evidence
        from civicdesk.quality.evidence import SOURCE

        evidence.register(SOURCE)
