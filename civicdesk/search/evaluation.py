"""Retrieval quality: MRR@10, P@1, Recall@10, zero-result rate, and the bigram baseline.

Pure functions over plain values, so the command, the tests and the benchmark share them.
"""

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class Judged:
    query: str
    relevant_ids: frozenset[str]


@dataclass(frozen=True)
class Scores:
    mrr_at_10: float
    p_at_1: float
    recall_at_10: float
    zero_result_rate: float

    def as_dict(self) -> dict[str, float]:
        return {name: round(value, 4) for name, value in asdict(self).items()}


def score(judged: Sequence[Judged], rank: Callable[[str], list[str]]) -> Scores:
    """Score a ranking function (query → ids, best first) against judged queries."""
    if not judged:
        return Scores(0.0, 0.0, 0.0, 0.0)
    rr = p1 = recall = zero = 0.0
    for item in judged:
        ranked = rank(item.query)
        top = ranked[:10]
        if not ranked:
            zero += 1
        for position, doc_id in enumerate(top, start=1):
            if doc_id in item.relevant_ids:
                rr += 1.0 / position
                break
        if top and top[0] in item.relevant_ids:
            p1 += 1
        if item.relevant_ids:
            recall += len(item.relevant_ids.intersection(top)) / len(item.relevant_ids)
    n = len(judged)
    return Scores(rr / n, p1 / n, recall / n, zero / n)


def char_bigrams(text: str) -> list[str]:
    """Plain character bigrams of each run of word characters, lower-cased, nothing else."""
    out: list[str] = []
    for run in _RUN.findall(text.lower()):
        if len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


class BigramTfidf:
    """The baseline: cosine similarity of character-bigram TF-IDF vectors (smoothed IDF,
    as scikit-learn's TfidfVectorizer(analyzer="char", ngram_range=(2, 2)) computes it)."""

    def __init__(self, documents: Sequence[tuple[str, str]]) -> None:
        counts = [(doc_id, Counter(char_bigrams(text))) for doc_id, text in documents]
        df: Counter[str] = Counter()
        for _, counter in counts:
            df.update(counter.keys())
        n = len(counts)
        self.idf = {term: math.log((1 + n) / (1 + freq)) + 1.0 for term, freq in df.items()}
        self.vectors = [(doc_id, self._normalise(counter)) for doc_id, counter in counts]
        self.postings: dict[str, list[int]] = {}
        for index, (_, vector) in enumerate(self.vectors):
            for term in vector:
                self.postings.setdefault(term, []).append(index)

    def _normalise(self, counter: Counter[str]) -> dict[str, float]:
        weights = {term: tf * self.idf.get(term, 0.0) for term, tf in counter.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items() if w}

    def rank(self, query: str, limit: int = 10) -> list[str]:
        vector = self._normalise(Counter(char_bigrams(query)))
        scores: dict[int, float] = {}
        for term, weight in vector.items():
            for index in self.postings.get(term, ()):
                scores[index] = scores.get(index, 0.0) + weight * self.vectors[index][1][term]
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self.vectors[index][0] for index, value in best if value > 0]
