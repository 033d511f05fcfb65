"""Rebuild the site search index from every provider, with a progress bar."""

import sys
from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from civicdesk.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Re-index every published page, item and document; remove entries of anything gone."

    def handle(self, *args: Any, **options: Any) -> None:
        bar = tqdm(total=0, unit="item", disable=options["verbosity"] == 0, file=sys.stderr)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        written = search_index_rebuild(progress=progress)
        bar.close()
        self.stdout.write(f"Search index rebuilt: {written} entries.")
