"""Import a classification code list (主題/施政/服務) from CSV."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.metadata.services import CodeListError, codes_import_csv


class Command(BaseCommand):
    help = "Import classification codes from CSV: scheme,code,name,name_en,parent_code,version."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv_path", type=Path)
        parser.add_argument("--demo", action="store_true", help="Mark the codes as demo data.")
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Deactivate codes of the imported schemes missing from the file (a new edition).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["csv_path"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = codes_import_csv(
                path=path, is_demo=options["demo"], deactivate_missing=options["deactivate_missing"]
            )
        except CodeListError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}, "
            f"deactivated {result.deactivated}"
        )
