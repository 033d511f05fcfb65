"""Train a category model and measure it out of fold, on plain texts and labels (no ORM)."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from civicdesk.triage.classifier import CategoryClassifier, Prediction, confidence_threshold

MAX_FOLDS = 5
SEED = 20241


class NotEnoughExamples(ValueError):
    """Too few examples, or too few categories, to learn and measure a model."""


@dataclass(frozen=True)
class TrainingResult:
    classifier: CategoryClassifier
    metrics: dict[str, object]
    threshold: float | None
    dropped: dict[str, int] = field(default_factory=dict)


def model_train(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    min_examples: int,
    target_precision: float,
) -> TrainingResult:
    """Fit on every example; measure on stratified folds first, to set the routing threshold.

    Categories with a single example cannot be measured and are left out (reported in
    `dropped`); the model needs at least two categories.
    """
    counts = Counter(labels)
    dropped = {label: n for label, n in counts.items() if n < 2}
    kept = [(t, y) for t, y in zip(texts, labels, strict=True) if y not in dropped]
    kept_labels = [y for _t, y in kept]
    if len(kept) < min_examples or len(set(kept_labels)) < 2:
        raise NotEnoughExamples(
            f"{len(kept)} usable examples in {len(set(kept_labels))} categories"
        )
    kept_texts = [t for t, _y in kept]
    folds = max(2, min(MAX_FOLDS, min(Counter(kept_labels).values())))
    predictions = out_of_fold(kept_texts, kept_labels, folds=folds)
    guessed = [p.label for p in predictions]
    correct = [g == y for g, y in zip(guessed, kept_labels, strict=True)]
    threshold = confidence_threshold(
        [p.confidence for p in predictions], correct, target_precision=target_precision
    )
    above = [
        c
        for p, c in zip(predictions, correct, strict=True)
        if threshold is not None and p.confidence >= threshold
    ]
    metrics: dict[str, object] = {
        "folds": folds,
        "examples": len(kept),
        "accuracy": round(float(accuracy_score(kept_labels, guessed)), 4),
        "macro_f1": round(float(f1_score(kept_labels, guessed, average="macro")), 4),
        "target_precision": target_precision,
        "share_above_threshold": round(len(above) / len(kept), 4),
        "per_category": dict(sorted(Counter(kept_labels).items())),
    }
    return TrainingResult(
        classifier=CategoryClassifier.fit(kept_texts, kept_labels),
        metrics=metrics,
        threshold=threshold,
        dropped=dropped,
    )


def out_of_fold(texts: Sequence[str], labels: Sequence[str], *, folds: int) -> list[Prediction]:
    """Each example predicted by a model that never saw it."""
    predictions: list[Prediction | None] = [None] * len(texts)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train, test in splitter.split(list(texts), list(labels)):
        model = CategoryClassifier.fit([texts[i] for i in train], [labels[i] for i in train])
        for i, prediction in zip(test, model.predict([texts[i] for i in test]), strict=True):
            predictions[i] = prediction
    return [p for p in predictions if p is not None]
