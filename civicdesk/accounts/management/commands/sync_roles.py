"""Create or update the staff role groups and their permissions."""

from typing import Any

from django.core.management.base import BaseCommand

from civicdesk.accounts.services import roles_sync


class Command(BaseCommand):
    help = "Create or update one group per staff role with its permissions (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        groups = roles_sync()
        self.stdout.write(f"{len(groups)} role groups in place: {', '.join(groups)}")
