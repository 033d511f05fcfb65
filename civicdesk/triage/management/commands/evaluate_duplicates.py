"""Measure the duplicate detector on silver pairs from a CSV of reports, beside a text-only
character-bigram baseline, with throughput per 10,000 reports."""

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.triage.evaluation.data import DataError, read_rows
from civicdesk.triage.evaluation.duplicates import evaluate
from civicdesk.triage.evaluation.pairs import reports_from_rows


class Command(BaseCommand):
    help = (
        "Precision, recall and F1 of the duplicate detector and of a character-bigram TF-IDF "
        "cosine baseline on pairs built from a CSV (positive: same district and place within "
        "the window, or the same informative text; negative: same label in another district or "
        "week). Silver labels from fields the detector also sees: the figure is agreement with "
        "that rule. Thresholds are chosen on a tuning half of the reports, scores reported on "
        "the other half. Defaults are the Taipei street-light export's columns."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--csv", type=Path, required=True)
        parser.add_argument("--text-col", default="故障情形")
        parser.add_argument("--place-col", default="查報地點")
        parser.add_argument("--district-col", default="行政區")
        parser.add_argument("--time-col", default="查報日期")
        parser.add_argument(
            "--label-col",
            default=None,
            help="Column for 'same label' negatives; default: the text's first line when it is "
            "a label (street-light fault type).",
        )
        parser.add_argument("--window-hours", type=float, default=72.0)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--hide-place",
            action="store_true",
            help=(
                "Build the pairs from the place column but score reports without it: the "
                "labels then come from a field no detector sees."
            ),
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        label_col = options["label_col"] or options["text_col"]
        columns = {
            "text_col": options["text_col"],
            "place_col": options["place_col"],
            "district_col": options["district_col"],
            "time_col": options["time_col"],
            "label_col": label_col,
        }
        try:
            rows = read_rows(options["csv"], list(columns.values()))
        except (OSError, DataError) as error:
            raise CommandError(str(error)) from error
        data = reports_from_rows(rows, **columns)
        if len(data.reports) < 2:
            raise CommandError(f"fewer than two rows with a readable {options['time_col']!r}")
        result = evaluate(
            data,
            window=timedelta(hours=options["window_hours"]),
            seed=options["seed"],
            hide_place=options["hide_place"],
        )
        report = {
            "dataset": {"csv": str(options["csv"]), **columns, "seed": options["seed"]},
            **result,
        }
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        pairs = report["pairs"]
        self.stdout.write(
            f"{report['reports']} reports ({report['rows_without_time']} without a time), "
            f"window {report['window_hours']:g} h"
            f"{' (place hidden from the detectors)' if report['place_hidden'] else ''}; "
            f"pairs: {pairs['positive']} positive, "
            f"{pairs['negative']} negative; {pairs['tuning']} tuning, {pairs['test']} test"
        )
        self.stdout.write(
            f"{'':24}{'threshold':>10}{'precision':>10}{'recall':>8}{'F1':>7}"
            f"{'reports/s':>11}{'s/10k':>8}"
        )
        for name, title in (
            ("production", "duplicate detector"),
            ("baseline", "char-bigram baseline"),
            (
                "baseline_with_place",
                "  same, with the district" if report["place_hidden"] else "  same, with the place",
            ),
        ):
            s = report[name]
            speed = s["throughput"]
            self.stdout.write(
                f"{title:24}{s['threshold']:>10.3f}{s['precision']:>10.3f}{s['recall']:>8.3f}"
                f"{s['f1']:>7.3f}{speed['reports_per_second']:>11,.0f}"
                f"{speed['seconds_per_10000']:>8.2f}"
            )
        shipped = report["production"]["at_shipped_threshold"]
        self.stdout.write(
            f"detector at its shipped threshold {shipped['threshold']}: precision "
            f"{shipped['precision']:.3f}, recall {shipped['recall']:.3f}, F1 {shipped['f1']:.3f}"
        )
        speed = report["production"]["throughput"]
        self.stdout.write(
            f"throughput measured on {speed['reports']} reports: index them, then find each "
            "one's duplicates"
        )
