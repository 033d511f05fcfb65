"""Daily: remind unit heads whose improvement report after a courtesy test is falling due."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from civicdesk.courtesy.services import improvement_remind


class Command(BaseCommand):
    help = "Remind unit heads of improvement reports due after a courtesy-test round."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = improvement_remind(on=options["date"] or timezone.localdate())
        self.stdout.write(f"reminded {reminded}")
