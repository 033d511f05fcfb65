from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CourtesyConfig(AppConfig):
    name = "civicdesk.courtesy"
    label = "courtesy"
    verbose_name = _("Telephone courtesy tests")
