"""The duplicate detector and the text-only baseline on silver pairs (see `pairs`): thresholds
chosen on the tuning half of the reports, precision, recall and F1 on the test half, and
throughput (index N reports, then find every one's duplicates)."""

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from civicdesk.triage.duplicates import (
    DUPLICATE_THRESHOLD,
    BaselineDuplicates,
    DuplicateFinder,
    Report,
    pair_score,
)
from civicdesk.triage.evaluation.metrics import PRF, best_threshold, prf
from civicdesk.triage.evaluation.pairs import Pair, Reports, build_pairs, split_reports

THROUGHPUT_REPORTS = 10_000


@dataclass(frozen=True)
class Throughput:
    reports: int
    seconds: float

    def as_dict(self) -> dict[str, float]:
        return {
            "reports": self.reports,
            "seconds": round(self.seconds, 3),
            "reports_per_second": round(self.reports / self.seconds, 1) if self.seconds else 0.0,
            "seconds_per_10000": round(self.seconds * 10_000 / self.reports, 3)
            if self.reports
            else 0.0,
        }


@dataclass(frozen=True)
class DetectorScores:
    threshold: float
    test: PRF
    tuning: PRF
    throughput: Throughput

    def as_dict(self) -> dict[str, Any]:
        return {
            "threshold": round(self.threshold, 4),
            **self.test.as_dict(),
            "tuning": self.tuning.as_dict(),
            "throughput": self.throughput.as_dict(),
        }


def _decide(
    pairs: Sequence[Pair], scores: Sequence[float], threshold: float
) -> tuple[list[bool], list[bool]]:
    return [s >= threshold for s in scores], [p.is_duplicate for p in pairs]


def throughput(
    reports: Sequence[Report],
    build: Callable[[Sequence[Report]], Any],
    *,
    count: int = THROUGHPUT_REPORTS,
    seed: int = 0,
) -> Throughput:
    """Seconds to index `count` reports (a seeded sample, all when fewer) and find each one's
    duplicates."""
    sample = list(reports)
    if len(sample) > count:
        sample = random.Random(seed).sample(sample, count)  # noqa: S311 (sampling, not a secret)
    started = time.perf_counter()
    index = build(sample)
    for report in sample:
        index.find(report)
    return Throughput(len(sample), time.perf_counter() - started)


def evaluate(
    data: Reports, *, window: timedelta, seed: int = 0, hide_place: bool = False
) -> dict[str, Any]:
    """`hide_place` builds the pairs from the place column but shows the detectors reports
    without it: the labels then come from a field no detector sees (only the text, district
    and time), which makes the comparison independent of the labelling rule."""
    pairs = build_pairs(data, window=window, seed=seed)
    reports = [replace(r, place="") for r in data.reports] if hide_place else data.reports
    tuning_side = split_reports(len(reports), seed=seed)
    tuning = [p for p in pairs if tuning_side[p.a] and tuning_side[p.b]]
    test = [p for p in pairs if not tuning_side[p.a] and not tuning_side[p.b]]
    baseline_index = BaselineDuplicates(reports, window=window)
    placed_index = BaselineDuplicates(reports, window=window, with_place=True)

    def within(pair: Pair) -> bool:
        return abs(reports[pair.a].at - reports[pair.b].at) <= window

    def production_scores(chosen: Sequence[Pair]) -> list[float]:
        return [pair_score(reports[p.a], reports[p.b]) if within(p) else -1.0 for p in chosen]

    def baseline_scores(chosen: Sequence[Pair]) -> list[float]:
        return [
            baseline_index.similarity(reports[p.a], reports[p.b]) if within(p) else -1.0
            for p in chosen
        ]

    def placed_scores(chosen: Sequence[Pair]) -> list[float]:
        return [
            placed_index.similarity(reports[p.a], reports[p.b]) if within(p) else -1.0
            for p in chosen
        ]

    result: dict[str, Any] = {
        "reports": len(reports),
        "rows_without_time": data.dropped,
        "window_hours": window.total_seconds() / 3600,
        "place_hidden": hide_place,
        "pairs": {
            "positive": sum(p.is_duplicate for p in pairs),
            "negative": sum(not p.is_duplicate for p in pairs),
            "tuning": len(tuning),
            "test": len(test),
        },
    }
    for name, scorer, build in (
        ("production", production_scores, _finder_builder(window)),
        ("baseline", baseline_scores, _baseline_builder(window)),
        ("baseline_with_place", placed_scores, _baseline_builder(window, with_place=True)),
    ):
        tuning_scores = scorer(tuning)
        threshold = best_threshold(tuning_scores, [p.is_duplicate for p in tuning])
        threshold = max(threshold, 0.0)
        test_scores = scorer(test)
        result[name] = DetectorScores(
            threshold=threshold,
            test=prf(*_decide(test, test_scores, threshold)),
            tuning=prf(*_decide(tuning, tuning_scores, threshold)),
            throughput=throughput(reports, build, seed=seed),
        ).as_dict()
        if name == "production":
            shipped = prf(*_decide(test, test_scores, DUPLICATE_THRESHOLD))
            result[name]["at_shipped_threshold"] = {
                "threshold": DUPLICATE_THRESHOLD,
                **shipped.as_dict(),
            }
    return result


def _finder_builder(window: timedelta) -> Callable[[Sequence[Report]], DuplicateFinder]:
    return lambda reports: DuplicateFinder(reports, window=window)


def _baseline_builder(
    window: timedelta, *, with_place: bool = False
) -> Callable[[Sequence[Report]], BaselineDuplicates]:
    return lambda reports: BaselineDuplicates(reports, window=window, with_place=with_place)
