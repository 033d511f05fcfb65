"""Compile every .po catalogue under LOCALE_PATHS and in our apps' locale/ directories to .mo
with polib, so no GNU gettext is needed."""

from pathlib import Path
from typing import Any

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def app_catalogue_dirs() -> list[Path]:
    """The locale/ of each of our apps (core's holds the Wagtail admin strings that Wagtail's
    own zh_Hant catalogue lacks)."""
    return [
        Path(app.path) / "locale"
        for app in apps.get_app_configs()
        if app.name.startswith("civicdesk.") and (Path(app.path) / "locale").is_dir()
    ]


class Command(BaseCommand):
    help = "Compile translation catalogues (.po → .mo) without GNU gettext."

    def handle(self, *args: Any, **options: Any) -> None:
        count = sum(self.compile(Path(path)) for path in settings.LOCALE_PATHS)
        if not count:
            raise CommandError("No .po files found under LOCALE_PATHS.")
        for locale_dir in app_catalogue_dirs():
            self.compile(locale_dir)

    def compile(self, locale_dir: Path) -> int:
        count = 0
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as exc:
                raise CommandError(f"{po_path}: {exc}") from exc
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            count += 1
            self.stdout.write(f"compiled {po_path} ({catalogue.percent_translated()}% translated)")
        return count
