"""Recurring topics: clusters of similar petitions in a period, labelled with a few terms.

Pure: texts in, clusters out. Texts become TF-IDF vectors over CJK character bigrams and
words (`features.topic_terms`); clusters are average-linkage groups whose members are on
average at least `MIN_SIMILARITY` cosine-similar. Labels are the cluster's most distinctive
terms in the script the citizens wrote (the folded Simplified form is only for matching).
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from civicdesk.core.text import fold
from civicdesk.triage.features import clean, topic_terms

MIN_SIMILARITY = 0.3
TERMS = 4


@dataclass(frozen=True)
class Topic:
    members: tuple[int, ...]  # indices into the input texts
    terms: tuple[str, ...]  # distinctive terms, as written
    representative: int  # index of the most central member


def _folded_terms(text: str) -> list[str]:
    """Bigrams and words to compare texts by; trigrams only add label candidates (short
    petitions share too few of them)."""
    return [folded for folded, _ in topic_terms(text) if len(folded) == 2 or folded.isascii()]


def _vectorise(texts: Sequence[str]) -> tuple[Any, TfidfVectorizer] | None:
    """TF-IDF rows of the texts; None when no text has a term."""
    if not any(topic_terms(text) for text in texts):
        return None
    vectorizer = TfidfVectorizer(analyzer=_folded_terms, sublinear_tf=True)
    return vectorizer.fit_transform(texts), vectorizer


def text_similarity(queries: Sequence[str], documents: Sequence[str]) -> list[list[float]]:
    """Cosine similarity of every query to every document (rows: queries), over a TF-IDF fitted
    on both; used to tell topics that already have an FAQ entry."""
    if not queries or not documents:
        return [[] for _ in queries]
    vectorised = _vectorise([*queries, *documents])
    if vectorised is None:
        return [[0.0] * len(documents) for _ in queries]
    matrix = vectorised[0]
    scores = (matrix[: len(queries)] @ matrix[len(queries) :].T).toarray()
    return [[float(value) for value in row] for row in np.clip(scores, 0.0, 1.0)]


def topics_cluster(texts: Sequence[str], *, min_size: int = 2) -> list[Topic]:
    """Clusters of at least `min_size` similar texts, largest first."""
    if len(texts) < max(2, min_size):
        return []
    vectorised = _vectorise(texts)
    if vectorised is None:
        return []
    matrix, vectorizer = vectorised
    similarity = (matrix @ matrix.T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - MIN_SIMILARITY,
    ).fit_predict(distance)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        groups[int(label)].append(index)
    vocabulary = vectorizer.get_feature_names_out()
    overall = np.asarray(matrix.mean(axis=0)).ravel()
    surfaces = _surface_forms(texts)
    topics: list[Topic] = []
    for members in groups.values():
        if len(members) < min_size:
            continue
        centroid = np.asarray(matrix[members].mean(axis=0)).ravel()
        central = members[int(np.argmax(similarity[np.ix_(members, members)].sum(axis=1)))]
        topics.append(
            Topic(
                members=tuple(members),
                terms=_label(
                    centroid - overall, centroid, vocabulary, surfaces, clean(texts[central])
                ),
                representative=central,
            )
        )
    topics.sort(key=lambda topic: (-len(topic.members), topic.members[0]))
    return topics


def _surface_forms(texts: Sequence[str]) -> dict[str, str]:
    """Folded term → the way citizens most often wrote it."""
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for folded, original in topic_terms(text):
            seen[folded][original] += 1
    return {folded: forms.most_common(1)[0][0] for folded, forms in seen.items()}


def _label(
    distinctive: Any, centroid: Any, vocabulary: Any, surfaces: dict[str, str], example: str
) -> tuple[str, ...]:
    """The most distinctive terms present in the cluster. Overlapping n-grams that the
    representative text joins ('路燈' + '燈失' + '失明') become one phrase ('路燈失明'), read
    back from that text in the script it was written in."""
    folded_example = fold(example)
    chosen: list[str] = []
    for index in np.argsort(-distinctive, kind="stable")[: 8 * TERMS]:
        if centroid[index] <= 0 or len(chosen) >= TERMS:
            break
        term = str(vocabulary[index])
        if any(term in other for other in chosen):
            continue
        for position, other in enumerate(chosen):
            merged = _join(other, term, folded_example)
            if merged:
                chosen[position] = merged
                break
        else:
            chosen.append(term)
    out: list[str] = []
    for term in chosen:
        start = folded_example.find(term)
        surface = example[start : start + len(term)] if start >= 0 else surfaces.get(term, term)
        if not any(surface in other for other in out):
            out = [other for other in out if other not in surface] + [surface]
    return tuple(out)


def _join(a: str, b: str, text: str) -> str:
    """`a` and `b` overlapped into one string that occurs in `text`, or ''."""
    if a in b and b in text:
        return b
    for first, second in ((a, b), (b, a)):
        for overlap in range(min(len(first), len(second)) - 1, 0, -1):
            if first.endswith(second[:overlap]):
                merged = first + second[overlap:]
                if merged in text:
                    return merged
    return ""
