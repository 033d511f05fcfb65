"""Measure category suggestion on a CSV by stratified k-fold, beside the character-bigram
baseline on the same folds."""

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.triage.classifier import CategoryClassifier
from civicdesk.triage.evaluation.data import DataError, read_rows
from civicdesk.triage.evaluation.labels import labelled_texts
from civicdesk.triage.evaluation.routing import TARGET_PRECISION, cross_validate

LATENCY_CASES = 200


class Command(BaseCommand):
    help = (
        "Stratified k-fold accuracy and macro-F1 of the case category classifier and of a "
        "character-bigram TF-IDF + logistic regression baseline (also shown class-balanced, "
        "a stronger reference), on the same folds. When "
        "--label-col is --text-col, the label is the text's first line (Taipei street-light "
        "export) and is removed from the text."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--csv", type=Path, required=True)
        parser.add_argument("--text-col", required=True)
        parser.add_argument("--label-col", required=True)
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["folds"] < 2:
            raise CommandError("--folds must be at least 2")
        try:
            rows = read_rows(options["csv"], [options["text_col"], options["label_col"]])
        except (OSError, DataError) as error:
            raise CommandError(str(error)) from error
        data = labelled_texts(
            rows,
            text_col=options["text_col"],
            label_col=options["label_col"],
            min_class=options["folds"],
        )
        if len(data.classes) < 2:
            raise CommandError(
                f"fewer than two classes with at least {options['folds']} rows in "
                f"{options['label_col']!r}; nothing to evaluate"
            )
        scores = cross_validate(
            data.texts, data.labels, folds=options["folds"], seed=options["seed"]
        )
        latency = _latency(data.texts, data.labels)
        report = {
            "dataset": {
                "csv": str(options["csv"]),
                "text_col": options["text_col"],
                "label_col": options["label_col"],
                "label_from_first_line": options["label_col"] == options["text_col"],
                "rows_read": data.rows_read,
                "rows_used": len(data.texts),
                "rows_dropped": dict(data.dropped),
                "classes": {label: data.labels.count(label) for label in data.classes},
                "classes_dropped": data.dropped_classes,
                "folds": options["folds"],
                "seed": options["seed"],
            },
            "production": scores["production"].as_dict(),
            "baseline": scores["baseline"].as_dict(),
            "baseline_balanced": scores["baseline_balanced"].as_dict(),
            "timing": latency,
        }
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        self._table(report)

    def _table(self, report: dict[str, Any]) -> None:
        dataset = report["dataset"]
        self.stdout.write(
            f"{dataset['rows_used']} of {dataset['rows_read']} rows used, "
            f"{len(dataset['classes'])} classes, {dataset['folds']}-fold (seed {dataset['seed']})"
        )
        for reason, count in dataset["rows_dropped"].items():
            self.stdout.write(f"  dropped {count} rows: {reason}")
        for label, count in dataset["classes_dropped"].items():
            self.stdout.write(f"  dropped class {label!r} ({count} rows)")
        self.stdout.write(
            f"{'':30}{'accuracy':>10}{'macro-F1':>10}{'coverage@P' + str(TARGET_PRECISION):>16}"
        )
        for name, title in (
            ("production", "production classifier"),
            ("baseline", "char-bigram baseline"),
            ("baseline_balanced", "  same, class-balanced"),
        ):
            s = report[name]
            self.stdout.write(
                f"{title:30}{s['accuracy']:>10.3f}{s['macro_f1']:>10.3f}"
                f"{s['coverage_at_threshold']:>16.3f}"
            )
        timing = report["timing"]
        self.stdout.write(
            f"classify one case: p50 {timing['p50_ms']:.2f} ms, p95 {timing['p95_ms']:.2f} ms "
            f"(model fitted on all {dataset['rows_used']} rows in {timing['fit_seconds']:.1f} s)"
        )


def _latency(texts: list[str], labels: list[str]) -> dict[str, float]:
    """Per-case latency of the production classifier fitted on every row, one case a call."""
    started = time.perf_counter()
    model = CategoryClassifier.fit(texts, labels)
    fit_seconds = time.perf_counter() - started
    timings: list[float] = []
    for text in texts[:LATENCY_CASES]:
        started = time.perf_counter()
        model.predict([text])
        timings.append(1000 * (time.perf_counter() - started))
    timings.sort()
    return {
        "fit_seconds": round(fit_seconds, 3),
        "cases": len(timings),
        "p50_ms": round(timings[len(timings) // 2], 3),
        "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 3),
    }
