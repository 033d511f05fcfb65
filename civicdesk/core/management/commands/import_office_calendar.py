"""Import the DGPA office calendar (政府行政機關辦公日曆表, data.gov.tw 14718) from CSV files."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.core.services import CalendarImportError, office_calendar_import_csv


class Command(BaseCommand):
    help = (
        "Import DGPA office calendar CSVs (西元日期,星期,是否放假,備註; UTF-8 or Big5). "
        "Each file is all-or-nothing and re-importing is safe; staff closures are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["paths"]
        missing = [str(path) for path in paths if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        for path in paths:
            try:
                result = office_calendar_import_csv(path=path)
            except CalendarImportError as exc:
                raise CommandError(str(exc)) from exc
            years = ", ".join(str(year) for year in result.years)
            self.stdout.write(
                f"{path} ({years}): created {result.created}, updated {result.updated}, "
                f"unchanged {result.unchanged}, closures kept {result.closures_kept}"
            )
