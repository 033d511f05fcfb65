from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnswerbookConfig(AppConfig):
    name = "civicdesk.answerbook"
    label = "answerbook"
    verbose_name = _("Staff answer book")
