"""Labelled texts from a CSV: a label column, or a label on the first line of the text.

In the Taipei street-light export the first line of 故障情形 is, for part of the rows, the fault
type an operator picked (路燈失明, 忽明忽滅, 其他, …) and the lines after it are what the citizen
wrote. The label line is removed from the text, or the evaluation would measure a lookup.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from civicdesk.triage.features import routing_terms

MAX_LABEL_CHARS = 8
# A label line is a bare term: no tag, digit or punctuation (those start a citizen's sentence).
_LABEL_LINE = re.compile(r"[^\W\d_]+")


@dataclass
class Labelled:
    texts: list[str]
    labels: list[str]
    rows_read: int
    dropped: Counter[str] = field(default_factory=Counter)  # reason → rows
    dropped_classes: dict[str, int] = field(default_factory=dict)  # class → members

    @property
    def classes(self) -> list[str]:
        return sorted(set(self.labels))


def first_line_label(text: str) -> tuple[str, str]:
    """(first line, the remaining lines) of a text, both stripped."""
    first, _, rest = text.replace("\r\n", "\n").replace("\r", "\n").partition("\n")
    return first.strip(), rest.strip()


def first_line_labels(texts: Sequence[str], *, min_count: int) -> set[str]:
    """First lines that look like a label: short bare terms heading a multi-line text, in at
    least `min_count` rows."""
    counts: Counter[str] = Counter()
    for text in texts:
        first, _ = first_line_label(text)
        if "\n" in text.strip() and len(first) <= MAX_LABEL_CHARS and _LABEL_LINE.fullmatch(first):
            counts[first] += 1
    return {label for label, count in counts.items() if count >= min_count}


def labelled_texts(
    rows: Sequence[dict[str, str]], *, text_col: str, label_col: str, min_class: int
) -> Labelled:
    """Texts and labels for a classification run; classes with fewer than `min_class` rows
    (the number of folds) are dropped, and so are rows with no text once the label is off."""
    texts: list[str] = []
    labels: list[str] = []
    dropped: Counter[str] = Counter()
    if label_col == text_col:
        known = first_line_labels([row[text_col] for row in rows], min_count=min_class)
        for row in rows:
            first, rest = first_line_label(row[text_col])
            if first not in known:
                dropped["first line is not a label"] += 1
                continue
            texts.append(rest)
            labels.append(first)
    else:
        for row in rows:
            label = row[label_col].strip()
            if not label:
                dropped["no label"] += 1
                continue
            texts.append(row[text_col])
            labels.append(label)
    kept_texts: list[str] = []
    kept_labels: list[str] = []
    for text, label in zip(texts, labels, strict=True):
        if routing_terms(text):
            kept_texts.append(text)
            kept_labels.append(label)
        else:
            dropped["no text"] += 1
    sizes = Counter(kept_labels)
    small = {label: n for label, n in sizes.items() if n < min_class}
    result = Labelled([], [], rows_read=len(rows), dropped=dropped, dropped_classes=small)
    for text, label in zip(kept_texts, kept_labels, strict=True):
        if label in small:
            dropped[f"class with fewer than {min_class} rows"] += 1
        else:
            result.texts.append(text)
            result.labels.append(label)
    return result
