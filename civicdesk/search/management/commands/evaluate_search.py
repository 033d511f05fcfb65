"""Measure the site search on judged queries against a character-bigram TF-IDF baseline."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.search.evaluation import BigramTfidf, Judged, score
from civicdesk.search.evaluation_run import load_judged, system_ranker
from civicdesk.search.throwaway import throwaway_index


class Command(BaseCommand):
    help = (
        "Index DOCS.json ([{id, title, body}]) in a throwaway index with the site's search code, "
        "run QUERIES.json ([{query, relevant_ids}]) and print MRR@10, P@1, Recall@10 and the "
        "zero-result rate, beside a character-bigram TF-IDF baseline from the same run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("docs", type=Path)
        parser.add_argument("queries", type=Path)
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument(
            "--database-url",
            default=None,
            help="Build the throwaway index on this server (postgres://…); default: SQLite.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            documents, judged = load_judged(options["docs"], options["queries"])
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        with throwaway_index(options["database_url"]) as alias:
            ranker, vendor = system_ranker(documents, alias)
            system = score(judged, ranker)
        baseline_index = BigramTfidf([(d["id"], f"{d['title']}\n{d['body']}") for d in documents])
        baseline = score(judged, baseline_index.rank)
        report = {
            "documents": len(documents),
            "queries": len(judged),
            "database": vendor,
            "system": system.as_dict(),
            "baseline": baseline.as_dict(),
        }
        if options["json"]:
            self.stdout.write(json.dumps(report))
            return
        self._table(report, judged)

    def _table(self, report: dict[str, Any], judged: list[Judged]) -> None:
        self.stdout.write(
            f"{report['documents']} documents, {report['queries']} queries, "
            f"index on {report['database']}"
        )
        self.stdout.write(f"{'':24}{'MRR@10':>8}{'P@1':>8}{'Recall@10':>11}{'zero-result':>13}")
        for label, key in (("civicdesk search", "system"), ("bigram TF-IDF baseline", "baseline")):
            s = report[key]
            self.stdout.write(
                f"{label:24}{s['mrr_at_10']:>8.3f}{s['p_at_1']:>8.3f}"
                f"{s['recall_at_10']:>11.3f}{s['zero_result_rate']:>13.3f}"
            )
