"""Category suggestion for a new case from its text, learnt from the agency's closed cases.

Pure: plain texts and labels in, predictions out; no database, no settings. The model is a
TF-IDF over CJK character 1–3-grams and words (`features.routing_terms`, sublinear tf) with a
class-balanced multinomial logistic regression, so the confidence is a probability a routing
threshold can be set on (`confidence_threshold`) and rare categories count as much as common
ones (the target is macro-F1). scikit-learn fits it; prediction and storage are plain numpy
(no pickle), so a stored model loads without executing anything. See
docs/decisions/0006-case-triage-text-methods.md.
"""

import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from civicdesk.triage.features import routing_terms

FORMAT = "civicdesk.triage.classifier/1"
# Fixed by reasoning, not searched on the evaluation folds: C=10 is weak regularisation suited
# to L2-normalised sparse text features; terms seen once cannot generalise.
C = 10.0
MIN_DF = 2
TOP = 3


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float  # probability of `label`, in [0, 1]
    ranked: tuple[tuple[str, float], ...]  # top 3 (label, probability), best first


def _predictions(labels: tuple[str, ...], probabilities: npt.NDArray[Any]) -> list[Prediction]:
    out: list[Prediction] = []
    for row in probabilities:
        order = np.argsort(-row, kind="stable")[:TOP]
        ranked = tuple((labels[i], float(row[i])) for i in order)
        out.append(Prediction(label=ranked[0][0], confidence=ranked[0][1], ranked=ranked))
    return out


def _softmax(scores: npt.NDArray[Any]) -> npt.NDArray[Any]:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: npt.NDArray[Any] = exp / exp.sum(axis=1, keepdims=True)
    return result


class CategoryClassifier:
    """TF-IDF (char 1–3-grams + words) and class-balanced logistic regression."""

    def __init__(
        self,
        *,
        labels: tuple[str, ...],
        vocabulary: dict[str, int],
        idf: npt.NDArray[np.float64],
        coef: npt.NDArray[np.float64],
        intercept: npt.NDArray[np.float64],
    ) -> None:
        self.labels = labels
        self._vocabulary = vocabulary
        self._idf = idf
        self._coef_t = np.ascontiguousarray(coef.T)
        self._intercept = intercept

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str]) -> "CategoryClassifier":
        if len(texts) != len(labels):
            raise ValueError("texts and labels differ in length")
        classes = sorted(set(labels))
        if len(classes) < 2:
            raise ValueError("at least two categories are needed")
        vectorizer = TfidfVectorizer(
            analyzer=routing_terms,
            sublinear_tf=True,
            min_df=MIN_DF if len(texts) >= 10 * len(classes) else 1,
            dtype=np.float64,
        )
        matrix = vectorizer.fit_transform(texts)
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
        model.fit(matrix, list(labels))
        coef = np.asarray(model.coef_, dtype=np.float64)
        intercept = np.asarray(model.intercept_, dtype=np.float64)
        if coef.shape[0] == 1:  # binary: sigmoid(z) == softmax([-z/2, z/2])
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        vocabulary = {str(term): int(index) for term, index in vectorizer.vocabulary_.items()}
        return cls(
            labels=tuple(str(label) for label in model.classes_),
            vocabulary=vocabulary,
            idf=np.asarray(vectorizer.idf_, dtype=np.float64),
            coef=coef,
            intercept=intercept,
        )

    def _matrix(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The fitted TF-IDF: sublinear tf × idf, rows L2-normalised (as scikit-learn's)."""
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        for text in texts:
            counts: dict[int, int] = {}
            for term in routing_terms(text):
                index = self._vocabulary.get(term)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
            weights = {i: (1.0 + math.log(n)) * float(self._idf[i]) for i, n in counts.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for index in sorted(weights):
                indices.append(index)
                values.append(weights[index] / norm)
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.array(values, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
            shape=(len(texts), len(self._idf)),
        )

    def probabilities(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """Rows of class probabilities, columns in the order of `labels`."""
        scores = np.asarray(self._matrix(texts) @ self._coef_t) + self._intercept
        return _softmax(scores)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        return _predictions(self.labels, self.probabilities(texts))

    def to_bytes(self) -> bytes:
        """An .npz archive of plain arrays and a JSON header (no pickle)."""
        terms = sorted(self._vocabulary, key=self._vocabulary.__getitem__)
        header = {"format": FORMAT, "labels": list(self.labels), "terms": terms}
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            header=np.frombuffer(json.dumps(header, ensure_ascii=False).encode(), dtype=np.uint8),
            idf=self._idf,
            coef=np.ascontiguousarray(self._coef_t.T),
            intercept=self._intercept,
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "CategoryClassifier":
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            header = json.loads(archive["header"].tobytes().decode())
            if header.get("format") != FORMAT:
                raise ValueError(f"not a {FORMAT} model")
            return cls(
                labels=tuple(header["labels"]),
                vocabulary={term: index for index, term in enumerate(header["terms"])},
                idf=archive["idf"],
                coef=archive["coef"],
                intercept=archive["intercept"],
            )


class BaselineClassifier:
    """The reference to beat: character-bigram TF-IDF and scikit-learn's default logistic
    regression (no class weights, C=1)."""

    def __init__(self, vectorizer: Any, model: Any) -> None:
        self._vectorizer = vectorizer
        self._model = model
        self.labels: tuple[str, ...] = tuple(str(label) for label in model.classes_)

    @classmethod
    def fit(
        cls, texts: Sequence[str], labels: Sequence[str], *, balanced: bool = False
    ) -> "BaselineClassifier":
        """`balanced` weights classes by their inverse frequency: the stronger reference, to
        tell what the production features add beyond the weighting."""
        vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 2))
        model = LogisticRegression(
            max_iter=1000 if not balanced else 2000,
            class_weight="balanced" if balanced else None,
        )
        model.fit(vectorizer.fit_transform(texts), list(labels))
        return cls(vectorizer, model)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        probabilities = self._model.predict_proba(self._vectorizer.transform(texts))
        return _predictions(self.labels, np.asarray(probabilities))


def confidence_threshold(
    confidences: Sequence[float], correct: Sequence[bool], *, target_precision: float = 0.9
) -> float | None:
    """Lowest confidence at which predictions at or above it reach the target precision (None
    if never). Set it on held-out predictions; below it a case is routed by hand."""
    if len(confidences) != len(correct):
        raise ValueError("confidences and correct differ in length")
    pairs = sorted(zip(confidences, correct, strict=True), key=lambda pair: -pair[0])
    hits = 0
    best: float | None = None
    index = 0
    while index < len(pairs):
        value = pairs[index][0]
        while index < len(pairs) and pairs[index][0] == value:  # ties go in together
            hits += pairs[index][1]
            index += 1
        if hits / index >= target_precision:
            best = float(value)
    return best
