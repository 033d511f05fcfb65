"""Load an annual work plan from its structured JSON form."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.quality.services import WorkPlanError, workplan_import_file


class Command(BaseCommand):
    help = "Create or replace a year's service-quality work plan from JSON (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("json_path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            plan = workplan_import_file(path=options["json_path"])
        except WorkPlanError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{plan.year}: {plan.items.count()} items")
