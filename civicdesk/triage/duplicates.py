"""Probable duplicates: reports of the same matter (same place and issue) close in time.

Pure: plain `Report` values in, scored pairs out; no database, no settings. A pair is judged on
the place (normalised address, character bigrams), the text (character bigrams and words,
tags and personal data removed) and the district; time is the category's duplicate window,
applied by `DuplicateFinder`. See docs/decisions/0006-case-triage-text-methods.md.
"""

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from civicdesk.triage.features import place_terms, similarity_terms

# Chosen on the tuning half of the Taipei street-light pairs (evaluate_duplicates), then fixed.
DUPLICATE_THRESHOLD = 0.6
BASELINE_THRESHOLD = 0.8  # the baseline's default; evaluations tune it on their tuning split
# A text with fewer distinct terms than this ("路燈不亮") says too little to call two reports
# the same matter by their words alone.
INFORMATIVE_TERMS = 12
PLACE_WEIGHT = 0.6
OTHER_DISTRICT = 0.5  # both districts known and different: at most half the evidence counts


@dataclass(frozen=True)
class Report:
    key: str
    text: str
    place: str
    district: str
    at: datetime


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine of two term sets (presence, not counts)."""
    if not a or not b:
        return 0.0
    return len(a.keys() & b.keys()) / math.sqrt(len(a) * len(b))


def _combine(
    text: npt.NDArray[Any],
    place: npt.NDArray[Any],
    has_place: npt.NDArray[Any],
    other_district: npt.NDArray[Any],
    informative: npt.NDArray[Any],
) -> npt.NDArray[Any]:
    """The pair score from its parts, element-wise (one formula for pairs and the finder).

    Evidence is the place and text similarity together when both reports name a place, the
    text alone when not; identical informative text stands on its own (a citizen filing the
    same petition twice); a known, different district halves it.
    """
    evidence = np.where(has_place, PLACE_WEIGHT * place + (1 - PLACE_WEIGHT) * text, text)
    evidence = np.maximum(evidence, text * informative)
    result: npt.NDArray[Any] = np.where(other_district, OTHER_DISTRICT, 1.0) * evidence
    return result


def _informative(terms: int) -> float:
    return min(1.0, terms / INFORMATIVE_TERMS)


def pair_score(a: Report, b: Report) -> float:
    """How probably two reports are the same matter, in [0, 1] (time is not considered)."""
    text_a, text_b = similarity_terms(a.text), similarity_terms(b.text)
    place_a, place_b = place_terms(a.place), place_terms(b.place)
    score = _combine(
        np.array([_cosine(text_a, text_b)]),
        np.array([_cosine(place_a, place_b)]),
        np.array([bool(place_a) and bool(place_b)]),
        np.array([bool(a.district and b.district) and a.district != b.district]),
        np.array([_informative(min(len(text_a), len(text_b)))]),
    )
    return float(np.clip(score[0], 0.0, 1.0))


class _Vectors:
    """Binary term vectors, L2-normalised, one row per report, over a growing vocabulary."""

    def __init__(self, rows: Sequence[Counter[str]]) -> None:
        self.vocabulary: dict[str, int] = {}
        indptr, indices, values = [0], [], []
        for terms in rows:
            weight = 1.0 / math.sqrt(len(terms)) if terms else 0.0
            for term in terms:
                indices.append(self.vocabulary.setdefault(term, len(self.vocabulary)))
                values.append(weight)
            indptr.append(len(indices))
        self.matrix = sparse.csr_matrix(
            (np.array(values), np.array(indices, dtype=np.int64), np.array(indptr)),
            shape=(len(rows), max(1, len(self.vocabulary))),
        )

    def query(self, terms: Counter[str]) -> sparse.csr_matrix:
        weight = 1.0 / math.sqrt(len(terms)) if terms else 0.0
        known = [self.vocabulary[t] for t in terms if t in self.vocabulary]
        return sparse.csr_matrix(
            (np.full(len(known), weight), (np.zeros(len(known), dtype=np.int64), known)),
            shape=(1, self.matrix.shape[1]),
        )


class DuplicateFinder:
    """An index of reports by time; `find` scores the others within ±window."""

    def __init__(
        self,
        reports: Iterable[Report],
        *,
        window: timedelta,
        threshold: float = DUPLICATE_THRESHOLD,
    ) -> None:
        self.window = window
        self.threshold = threshold
        self._reports = sorted(reports, key=lambda report: report.at)
        self._times = [report.at for report in self._reports]
        texts = [similarity_terms(report.text) for report in self._reports]
        places = [place_terms(report.place) for report in self._reports]
        self._text = _Vectors(texts)
        self._place = _Vectors(places)
        self._text_terms = np.array([len(terms) for terms in texts])
        self._has_place = np.array([bool(terms) for terms in places])
        self._districts = np.array([report.district for report in self._reports], dtype=object)

    def scores(self, report: Report) -> list[tuple[Report, float]]:
        """Every other report within ±window with its pair score, in time order."""
        lo = bisect.bisect_left(self._times, report.at - self.window)
        hi = bisect.bisect_right(self._times, report.at + self.window)
        if lo >= hi:
            return []
        text_terms = similarity_terms(report.text)
        place_terms_ = place_terms(report.place)
        text = (self._text.matrix[lo:hi] @ self._text.query(text_terms).T).toarray().ravel()
        place = (self._place.matrix[lo:hi] @ self._place.query(place_terms_).T).toarray().ravel()
        districts = self._districts[lo:hi]
        other = (districts != report.district) & (districts != "") & bool(report.district)
        informative = np.minimum(self._text_terms[lo:hi], len(text_terms)) / INFORMATIVE_TERMS
        combined = _combine(
            text,
            place,
            self._has_place[lo:hi] & bool(place_terms_),
            other,
            np.minimum(informative, 1.0),
        )
        combined = np.clip(combined, 0.0, 1.0)
        return [
            (self._reports[lo + i], float(combined[i]))
            for i in range(hi - lo)
            if self._reports[lo + i].key != report.key
        ]

    def find(self, report: Report, *, limit: int = 5) -> list[tuple[Report, float]]:
        """Others within ±window scoring at or above the threshold, best first, never itself."""
        found = [(other, score) for other, score in self.scores(report) if score >= self.threshold]
        found.sort(key=lambda pair: (-pair[1], abs(pair[0].at - report.at)))
        return found[:limit]


class BaselineDuplicates:
    """The reference to beat: cosine of character-bigram TF-IDF of the texts alone, within the
    same window, at a threshold tuned on labelled pairs."""

    def __init__(
        self,
        reports: Iterable[Report],
        *,
        window: timedelta,
        threshold: float = BASELINE_THRESHOLD,
        with_place: bool = False,
    ) -> None:
        """`with_place` prepends the district and place to the text: the same fields the
        detector sees, without its place normalisation (the stronger reference)."""
        self.window = window
        self.threshold = threshold
        self.with_place = with_place
        self._reports = sorted(reports, key=lambda report: report.at)
        self._times = [report.at for report in self._reports]
        self._vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 2))
        self._matrix = self._vectorizer.fit_transform([self._document(r) for r in self._reports])

    def _document(self, report: Report) -> str:
        if self.with_place:
            return f"{report.district} {report.place}\n{report.text}"
        return report.text

    def similarity(self, a: Report, b: Report) -> float:
        vectors = self._vectorizer.transform([self._document(a), self._document(b)])
        return float((vectors[0] @ vectors[1].T).toarray()[0, 0])

    def find(self, report: Report, *, limit: int = 5) -> list[tuple[Report, float]]:
        lo = bisect.bisect_left(self._times, report.at - self.window)
        hi = bisect.bisect_right(self._times, report.at + self.window)
        if lo >= hi:
            return []
        query = self._vectorizer.transform([self._document(report)])
        scores = (self._matrix[lo:hi] @ query.T).toarray().ravel()
        found = [
            (self._reports[lo + i], float(scores[i]))
            for i in np.flatnonzero(scores >= self.threshold)
            if self._reports[lo + i].key != report.key
        ]
        found.sort(key=lambda pair: -pair[1])
        return found[:limit]
