"""Which outbound mail is due for a (re)try."""

import datetime
from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from civicdesk.notifications.models import OutboundMail  # noqa: F401 - used in a string


class OutboundMailQuerySet(models.QuerySet["OutboundMail"]):
    def due(self, *, now: datetime.datetime) -> "OutboundMailQuerySet":
        return self.filter(status="queued", next_attempt_at__lte=now)
