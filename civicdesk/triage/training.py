"""Train a category model and measure it out of fold, on plain texts and labels (no ORM)."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from civicdesk.triage.classifier import CategoryClassifier
from civicdesk.triage.evaluation.routing import cross_validate

MAX_FOLDS = 5
SEED = 20241


class NotEnoughExamples(ValueError):
    """Too few examples, or too few categories, to learn and measure a model."""


@dataclass(frozen=True)
class TrainingResult:
    classifier: CategoryClassifier
    examples: int
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
    `dropped`); the model needs at least two categories. The measurement is the one
    `evaluate_routing` makes, on the production classifier alone.
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
    scores = cross_validate(
        kept_texts,
        kept_labels,
        folds=folds,
        seed=SEED,
        models={"production": CategoryClassifier.fit},
        target_precision=target_precision,
    )["production"]
    metrics: dict[str, object] = {
        "folds": folds,
        "examples": len(kept),
        "accuracy": round(scores.accuracy, 4),
        "macro_f1": round(scores.macro_f1, 4),
        "target_precision": target_precision,
        "share_above_threshold": round(scores.coverage, 4),
        "per_category": dict(sorted(Counter(kept_labels).items())),
    }
    return TrainingResult(
        classifier=CategoryClassifier.fit(kept_texts, kept_labels),
        examples=len(kept),
        metrics=metrics,
        threshold=scores.threshold,
        dropped=dropped,
    )
