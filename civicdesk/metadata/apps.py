from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetadataConfig(AppConfig):
    name = "civicdesk.metadata"
    label = "metadata"
    verbose_name = _("Metadata and classification")
