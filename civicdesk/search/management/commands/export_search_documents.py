"""Write the site's indexed texts as DOCS.json for evaluate_search (to judge queries against)."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civicdesk.search.selectors import search_entries_for_export


class Command(BaseCommand):
    help = (
        "Print the published texts of one language as a JSON list of {id, title, body}, the "
        "DOCS.json format of evaluate_search; the id is the item's address on the site."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--language", default="zh-hant", choices=["zh-hant", "en"])

    def handle(self, *args: Any, **options: Any) -> None:
        documents = [
            {"id": entry.url, "title": entry.title, "body": entry.body}
            for entry in search_entries_for_export(language=options["language"])
        ]
        self.stdout.write(json.dumps(documents, ensure_ascii=False, indent=1))
