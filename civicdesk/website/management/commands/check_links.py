"""Check every link of every published page (run nightly by cron or a systemd timer)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civicdesk.website.services import links_check_all


class Command(BaseCommand):
    help = "Check the internal and external links of every published page for the freshness report."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--timeout", type=float, default=None, help="Seconds to wait for an external site."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        broken = links_check_all(timeout=options["timeout"])
        self.stdout.write(f"Links checked: {broken} broken.")
