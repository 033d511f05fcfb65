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
                parsed = datetime.strptime(value, pattern)
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


def build_pairs(
    data: Reports, *, window: timedelta, seed: int = 0, negatives_per_positive: int = 3
) -> list[Pair]:
    """Every positive pair, and a seeded sample of negatives, about `negatives_per_positive` per
    positive: a quarter each of identical texts apart, the same place weeks apart, the same
    label in another district within the window, and random pairs of the same label."""
    reports, labels = data.reports, data.labels
    places = [normalise_place(r.place) for r in reports]
    texts = [identity_text(r.text) for r in reports]
    informative = [t if len(t) >= MIN_IDENTICAL_CHARS else "" for t in texts]

    def is_positive(i: int, j: int) -> bool:
        a, b = reports[i], reports[j]
        if abs(a.at - b.at) > window or not _compatible(a, b):
            return False
        return bool(places[i] and places[i] == places[j]) or bool(
            informative[i] and informative[i] == informative[j]
        )

    def is_negative(i: int, j: int) -> bool:
        a, b = reports[i], reports[j]
        if not labels[i] or labels[i] != labels[j] or is_positive(i, j):
            return False
        return bool(a.district and b.district and a.district != b.district) or (
            abs(a.at - b.at) >= APART
        )

    positives: set[tuple[int, int]] = set()
    place_keys = [
        (i, f"{reports[i].district}\t{places[i]}" if places[i] else "") for i in range(len(reports))
    ]
    for members in _groups(place_keys):
        positives |= _pairs_within(members, reports, window)
    same_text = _groups(enumerate(informative))
    for members in same_text:
        positives |= {
            pair for pair in _pairs_within(members, reports, window) if is_positive(*pair)
        }

    rng = random.Random(seed)  # noqa: S311 (a seeded sample, not a secret)
    budget = max(1, len(positives)) * negatives_per_positive
    negatives: set[tuple[int, int]] = set()

    def sample_groups(groups: list[list[int]], limit: int) -> None:
        candidates = [
            (min(i, j), max(i, j))
            for members in groups
            for i, j in _sample_pairs(members, rng, per_group=20)
        ]
        rng.shuffle(candidates)
        for pair in candidates:
            if len(negatives) >= limit:
                return
            if is_negative(*pair):
                negatives.add(pair)

    sample_groups(same_text, budget // 4)  # the same template text elsewhere or later
    sample_groups(_groups(place_keys), budget // 2)  # the same place, weeks apart
    # The same fault type in another district on the same days: what the window cannot tell.
    by_time = sorted(range(len(reports)), key=lambda i: reports[i].at)
    neighbours = [
        (min(i, j), max(i, j))
        for n, i in enumerate(by_time)
        for j in by_time[n + 1 : n + 1 + 20]
        if reports[j].at - reports[i].at <= window
    ]
    rng.shuffle(neighbours)
    for pair in neighbours:
        if len(negatives) >= 3 * budget // 4:
            break
        if is_negative(*pair):
            negatives.add(pair)
    by_label: defaultdict[str, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        if label:
            by_label[label].append(index)
    pools = [members for members in by_label.values() if len(members) > 1]
    attempts = 0
    while pools and len(negatives) < budget and attempts < 50 * budget:
        attempts += 1
        members = rng.choice(pools)
        i, j = rng.sample(members, 2)
        if is_negative(i, j):
            negatives.add((min(i, j), max(i, j)))
    return [Pair(i, j, True) for i, j in sorted(positives)] + [
        Pair(i, j, False) for i, j in sorted(negatives)
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
