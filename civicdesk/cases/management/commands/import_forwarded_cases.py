"""Import cases forwarded from the 1999 hotline or the mayor's mailbox (their CSV export)."""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Category, Channel
from civicdesk.cases.services.forwarded import forwarded_import_csv


class Command(BaseCommand):
    help = "Import forwarded cases (Kaohsiung 1999 columns FileNo_, Cre_Date_, …); idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv_path", type=Path)
        parser.add_argument("--channel", choices=["hotline", "mayor"], default="hotline")
        parser.add_argument("--user", required=True, help="Username of the staff member recording.")
        parser.add_argument(
            "--fallback-category", default="other", help="Category code when none matches."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["csv_path"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No such user: {options['user']}")
        fallback = Category.objects.filter(code=options["fallback_category"]).first()
        if fallback is None:
            raise CommandError(f"No such category: {options['fallback_category']}")
        try:
            result = forwarded_import_csv(
                path=path,
                channel=Channel(options["channel"]),
                recorded_by=user,
                fallback_category=fallback,
            )
        except CaseError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"created {len(result.created)}, already imported {result.skipped}")
