"""Which units and staff the public and the staff screens see, written once."""

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from civicdesk.accounts.models import StaffProfile, Unit  # noqa: F401 - used in strings


class UnitQuerySet(models.QuerySet["Unit"]):
    def active(self) -> "UnitQuerySet":
        """Units that still exist: the directory lists them, cases may be routed to them."""
        return self.filter(is_active=True)


class StaffProfileQuerySet(models.QuerySet["StaffProfile"]):
    def listed(self) -> "StaffProfileQuerySet":
        """Staff the public directory names: listed by choice and with an active login."""
        return self.filter(is_listed=True, user__is_active=True)
