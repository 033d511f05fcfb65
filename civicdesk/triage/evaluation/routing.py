"""Category suggestion measured by stratified k-fold: the production classifier and the
character-bigram baseline on the same folds, in the same run."""

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from sklearn.model_selection import StratifiedKFold

from civicdesk.triage.classifier import (
    BaselineClassifier,
    CategoryClassifier,
    Prediction,
    confidence_threshold,
)
from civicdesk.triage.evaluation.metrics import accuracy, macro_f1

TARGET_PRECISION = 0.9


class Classifier(Protocol):
    def predict(self, texts: Sequence[str]) -> list[Prediction]: ...


@dataclass(frozen=True)
class RoutingScores:
    accuracy: float
    macro_f1: float
    threshold: float | None  # confidence reaching TARGET_PRECISION on out-of-fold predictions
    coverage: float  # share of cases at or above that threshold (routed without a person)
    fit_seconds: float  # mean per fold
    ms_per_case: float  # batch prediction time per case

    def as_dict(self) -> dict[str, Any]:
        return {
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            f"threshold_for_precision_{TARGET_PRECISION}": (
                None if self.threshold is None else round(self.threshold, 4)
            ),
            "coverage_at_threshold": round(self.coverage, 4),
            "fit_seconds": round(self.fit_seconds, 3),
            "ms_per_case": round(self.ms_per_case, 3),
        }


MODELS: dict[str, Callable[[Sequence[str], Sequence[str]], Classifier]] = {
    "production": CategoryClassifier.fit,
    "baseline": BaselineClassifier.fit,
    "baseline_balanced": partial(BaselineClassifier.fit, balanced=True),
}


def cross_validate(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    folds: int = 5,
    seed: int = 0,
    models: Mapping[str, Callable[[Sequence[str], Sequence[str]], Classifier]] = MODELS,
    target_precision: float = TARGET_PRECISION,
) -> dict[str, RoutingScores]:
    """Out-of-fold predictions of every model on the same stratified folds (training a
    production model measures itself with it too, before fitting on every example)."""
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    predicted: dict[str, list[Prediction | None]] = {name: [None] * len(texts) for name in models}
    fit_time = dict.fromkeys(models, 0.0)
    predict_time = dict.fromkeys(models, 0.0)
    for train, test in splitter.split(list(texts), list(labels)):
        train_texts = [texts[i] for i in train]
        train_labels = [labels[i] for i in train]
        test_texts = [texts[i] for i in test]
        for name, fit in models.items():
            started = time.perf_counter()
            model = fit(train_texts, train_labels)
            fit_time[name] += time.perf_counter() - started
            started = time.perf_counter()
            for index, prediction in zip(test, model.predict(test_texts), strict=True):
                predicted[name][index] = prediction
            predict_time[name] += time.perf_counter() - started
    results: dict[str, RoutingScores] = {}
    for name in models:
        out = [p for p in predicted[name] if p is not None]
        guesses = [p.label for p in out]
        correct = [g == a for g, a in zip(guesses, labels, strict=True)]
        confidences = [p.confidence for p in out]
        threshold = confidence_threshold(confidences, correct, target_precision=target_precision)
        covered = sum(c >= threshold for c in confidences) if threshold is not None else 0
        results[name] = RoutingScores(
            accuracy=accuracy(guesses, labels),
            macro_f1=macro_f1(guesses, labels),
            threshold=threshold,
            coverage=covered / len(out),
            fit_seconds=fit_time[name] / folds,
            ms_per_case=1000 * predict_time[name] / len(out),
        )
    return results
