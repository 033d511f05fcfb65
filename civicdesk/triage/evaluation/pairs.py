"""Silver duplicate pairs built from a CSV of reports.

The labels come from fields the detector also sees, so a figure measured on them is agreement
with this rule plus the text, not a judgement by a person:

- positive: within the window (72 h), districts equal or unknown, and either the same place
  once normalised (`features.normalise_place`) or the same informative text (at least
  `MIN_IDENTICAL_CHARS` characters once tags and white space are removed);
- negative: the same label (fault type, issue) and either known, different districts or at
  least `APART` in time — including identical template texts ("上述地點…敬請儘快派員到場勘查
  修復。") filed in other districts or weeks, and the same place in another week.

Pairs that are neither (same district, within days, different places) are left out: nothing
in the data says whether they are the same matter.
"""

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from civicdesk.core.text import fold
from civicdesk.triage.duplicates import Report
from civicdesk.triage.evaluation.labels import first_line_label, first_line_labels
from civicdesk.triage.features import clean, normalise_place

MIN_IDENTICAL_CHARS = 12
APART = timedelta(days=7)
_TIME_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%m/%d/%Y")


@dataclass(frozen=True)
class Pair:
    a: int  # indices into the report list
    b: int
    is_duplicate: bool


@dataclass
class Reports:
    reports: list[Report]
    labels: list[str]  # "" when unknown
    dropped: int  # rows without a readable time


def parse_time(value: str) -> datetime | None:
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        for pattern in _TIME_FORMATS:
            try:
                # Wall-clock times of a third-party file, only compared with each other.
                parsed = datetime.strptime(value, pattern)  # noqa: DTZ007
                break
            except ValueError:
                continue
        else:
            return None
    return parsed.replace(tzinfo=None)


def reports_from_rows(
    rows: Sequence[dict[str, str]],
    *,
    text_col: str,
    place_col: str,
    district_col: str,
    time_col: str,
    label_col: str,
    min_label_rows: int = 5,
) -> Reports:
    """Reports and their labels; when `label_col` is the text column the label is the text's
    first line where that line is a label (see `labels.first_line_labels`)."""
    known = (
        first_line_labels([row[text_col] for row in rows], min_count=min_label_rows)
        if label_col == text_col
        else set()
    )
    out = Reports([], [], 0)
    for index, row in enumerate(rows):
        at = parse_time(row[time_col])
        if at is None:
            out.dropped += 1
            continue
        if label_col == text_col:
            first, _ = first_line_label(row[text_col])
            label = first if first in known else ""
        else:
            label = row[label_col].strip()
        out.reports.append(
            Report(
                key=str(index),
                text=row[text_col],
                place=row[place_col],
                district=row[district_col].strip(),
                at=at,
            )
        )
        out.labels.append(label)
    return out


def identity_text(text: str) -> str:
    """The text as compared for 'identical': tags and personal data removed, folded, no spaces."""
    return "".join(fold(clean(text)).split())


def _compatible(a: Report, b: Report) -> bool:
    return not (a.district and b.district and a.district != b.district)


def _pairs_within(
    members: list[int], reports: Sequence[Report], window: timedelta
) -> set[tuple[int, int]]:
    members = sorted(members, key=lambda i: reports[i].at)
    found: set[tuple[int, int]] = set()
    for position, i in enumerate(members):
        for j in members[position + 1 :]:
            if reports[j].at - reports[i].at > window:
                break
            found.add((min(i, j), max(i, j)))
    return found


def _groups(keys: Iterable[tuple[int, str]]) -> list[list[int]]:
    grouped: defaultdict[str, list[int]] = defaultdict(list)
    for index, key in keys:
        if key:
            grouped[key].append(index)
    return [members for members in grouped.values() if len(members) > 1]


class _PairBuilder:
    """The state `build_pairs` shares between its steps; the steps draw from one seeded RNG
    in a fixed order, so the same data and seed always give the same pairs."""

    def __init__(self, data: Reports, *, window: timedelta, seed: int) -> None:
        self.reports, self.labels, self.window = data.reports, data.labels, window
        self.places = [normalise_place(r.place) for r in self.reports]
        texts = [identity_text(r.text) for r in self.reports]
        self.informative = [t if len(t) >= MIN_IDENTICAL_CHARS else "" for t in texts]
        self.place_keys = [
            (i, f"{r.district}\t{self.places[i]}" if self.places[i] else "")
            for i, r in enumerate(self.reports)
        ]
        self.rng = random.Random(seed)  # noqa: S311 (a seeded sample, not a secret)
        self.negatives: set[tuple[int, int]] = set()

    def is_positive(self, i: int, j: int) -> bool:
        a, b = self.reports[i], self.reports[j]
        if abs(a.at - b.at) > self.window or not _compatible(a, b):
            return False
        places, informative = self.places, self.informative
        return bool(places[i] and places[i] == places[j]) or bool(
            informative[i] and informative[i] == informative[j]
        )

    def is_negative(self, i: int, j: int) -> bool:
        a, b, labels = self.reports[i], self.reports[j], self.labels
        if not labels[i] or labels[i] != labels[j] or self.is_positive(i, j):
            return False
        return bool(a.district and b.district and a.district != b.district) or (
            abs(a.at - b.at) >= APART
        )

    def positives(self) -> set[tuple[int, int]]:
        found: set[tuple[int, int]] = set()
        for members in _groups(self.place_keys):
            found |= _pairs_within(members, self.reports, self.window)
        for members in _groups(enumerate(self.informative)):
            within = _pairs_within(members, self.reports, self.window)
            found |= {pair for pair in within if self.is_positive(*pair)}
        return found

    def add_negatives(self, candidates: list[tuple[int, int]], limit: int) -> None:
        self.rng.shuffle(candidates)
        for pair in candidates:
            if len(self.negatives) >= limit:
                return
            if self.is_negative(*pair):
                self.negatives.add(pair)

    def from_groups(self, groups: list[list[int]], limit: int) -> None:
        candidates = [
            (min(i, j), max(i, j))
            for members in groups
            for i, j in _sample_pairs(members, self.rng, per_group=20)
        ]
        self.add_negatives(candidates, limit)

    def from_neighbours_in_time(self, limit: int) -> None:
        reports, window = self.reports, self.window
        by_time = sorted(range(len(reports)), key=lambda i: reports[i].at)
        neighbours = [
            (min(i, j), max(i, j))
            for n, i in enumerate(by_time)
            for j in by_time[n + 1 : n + 1 + 20]
            if reports[j].at - reports[i].at <= window
        ]
        self.add_negatives(neighbours, limit)

    def from_same_label(self, limit: int) -> None:
        by_label: defaultdict[str, list[int]] = defaultdict(list)
        for index, label in enumerate(self.labels):
            if label:
                by_label[label].append(index)
        pools = [members for members in by_label.values() if len(members) > 1]
        attempts = 0
        while pools and len(self.negatives) < limit and attempts < 50 * limit:
            attempts += 1
            i, j = self.rng.sample(self.rng.choice(pools), 2)
            if self.is_negative(i, j):
                self.negatives.add((min(i, j), max(i, j)))


def build_pairs(
    data: Reports, *, window: timedelta, seed: int = 0, negatives_per_positive: int = 3
) -> list[Pair]:
    """Every positive pair, and a seeded sample of negatives, about `negatives_per_positive` per
    positive: a quarter each of identical texts apart, the same place weeks apart, the same
    label in another district within the window, and random pairs of the same label."""
    builder = _PairBuilder(data, window=window, seed=seed)
    positives = builder.positives()
    budget = max(1, len(positives)) * negatives_per_positive
    builder.from_groups(_groups(enumerate(builder.informative)), budget // 4)  # same template
    builder.from_groups(_groups(builder.place_keys), budget // 2)  # the same place, weeks apart
    # The same fault type in another district on the same days: what the window cannot tell.
    builder.from_neighbours_in_time(3 * budget // 4)
    builder.from_same_label(budget)
    return [Pair(i, j, True) for i, j in sorted(positives)] + [
        Pair(i, j, False) for i, j in sorted(builder.negatives)
    ]


def _sample_pairs(
    members: list[int], rng: random.Random, *, per_group: int
) -> list[tuple[int, int]]:
    if len(members) * (len(members) - 1) // 2 <= per_group:
        return [(i, j) for n, i in enumerate(members) for j in members[n + 1 :]]
    return [tuple(rng.sample(members, 2)) for _ in range(per_group)]  # type: ignore[misc]


def split_reports(count: int, *, seed: int = 0) -> list[bool]:
    """A seeded half/half split of reports: True = tuning, False = test."""
    rng = random.Random(seed)  # noqa: S311 (a seeded sample, not a secret)
    return [rng.random() < 0.5 for _ in range(count)]
