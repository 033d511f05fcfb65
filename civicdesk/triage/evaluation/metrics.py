"""Classification and pair-detection metrics over plain values."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def prf(predicted: Sequence[bool], actual: Sequence[bool]) -> PRF:
    """Precision, recall and F1 of the positive class."""
    tp = sum(p and a for p, a in zip(predicted, actual, strict=True))
    fp = sum(p and not a for p, a in zip(predicted, actual, strict=True))
    fn = sum(a and not p for p, a in zip(predicted, actual, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def accuracy(predicted: Sequence[str], actual: Sequence[str]) -> float:
    if not actual:
        return 0.0
    return sum(p == a for p, a in zip(predicted, actual, strict=True)) / len(actual)


def macro_f1(predicted: Sequence[str], actual: Sequence[str]) -> float:
    """Unweighted mean of per-class F1 over the classes that occur in `actual`."""
    classes = sorted(set(actual))
    if not classes:
        return 0.0
    total = 0.0
    for label in classes:
        total += prf([p == label for p in predicted], [a == label for a in actual]).f1
    return total / len(classes)


def best_threshold(scores: Sequence[float], actual: Sequence[bool]) -> float:
    """The score threshold (predict positive at or above it) with the highest F1; ties go to
    the higher threshold."""
    pairs = sorted(zip(scores, actual, strict=True), key=lambda pair: -pair[0])
    positives = sum(actual)
    best_f1, best = -1.0, 1.0
    tp = seen = 0
    index = 0
    while index < len(pairs):
        value = pairs[index][0]
        while index < len(pairs) and pairs[index][0] == value:
            tp += pairs[index][1]
            seen += 1
            index += 1
        f1 = 2 * tp / (seen + positives) if seen + positives else 0.0
        if f1 > best_f1:
            best_f1, best = f1, float(value)
    return best
