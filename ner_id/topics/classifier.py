"""A topic classifier for any label set: TF-IDF of the head (title / first line) and of the
whole text, and a multinomial logistic regression (scikit-learn).

Saved as one ``.npz`` of plain arrays (no pickle), so loading a file from anywhere runs no code.
Prediction works from those arrays with numpy alone (scikit-learn is imported by ``fit`` only):
importing scikit-learn would double the time ``ner_id.load()`` takes.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

FORMAT = "ner-id-topic-classifier/1"
_BOILERPLATE = re.compile(r"SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern


def head(text: str) -> str:
    """The title: the first line, or the first sentence of a one-line text (at most 300 characters)."""
    text = text.strip()
    first = text.split("\n", 1)[0] if "\n" in text else _SENTENCE.split(text, 1)[0]
    return first[:300]


def _clean(text: str) -> str:
    return _BOILERPLATE.sub(" ", text)


@dataclass(frozen=True)
class _Tfidf:
    """A fitted ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)`` as plain arrays."""

    vocab: dict[str, int]
    idf: np.ndarray

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and L2-normalised weights of one text, as scikit-learn computes them."""
        words = _TOKEN.findall(text.lower())
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        counts = Counter(self.vocab[g] for g in grams if g in self.vocab)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[columns]
        norm = np.sqrt(weights @ weights)
        return columns, weights / norm if norm else weights


@dataclass(frozen=True)
class _Weights:
    """Everything prediction needs: both vectorizers and the regression's coefficients."""

    head: _Tfidf
    body: _Tfidf
    classes: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def decision(self, texts: list[str]) -> np.ndarray:
        """Linear scores, one row per text (one column for two classes, as in scikit-learn)."""
        scores = np.tile(self.intercept, (len(texts), 1))
        split = len(self.head.vocab)
        for row, text in enumerate(texts):
            for vectorizer, shift, part in ((self.head, 0, head(text)), (self.body, split, _clean(text))):
                columns, weights = vectorizer.features(part)
                scores[row] += self.coef[:, columns + shift] @ weights
        return scores

    def proba(self, texts: list[str]) -> np.ndarray:
        scores = self.decision(texts)
        if scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)


class TopicClassifier:
    """Fit on ``(texts, labels)``; ``predict`` labels, ``predict_proba`` a DataFrame of probabilities."""

    def __init__(self, C: float = 10.0, max_features: int | None = None) -> None:
        self.C = C
        self.max_features = max_features
        self._weights: _Weights | None = None

    @property
    def classes_(self) -> list[str]:
        return [str(c) for c in self._fitted().classes]

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> "TopicClassifier":
        """Train on texts and their labels (any label set with at least two labels); returns self."""
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        texts = _check_texts(texts)
        labels = [str(label) for label in labels]
        if len(labels) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(labels)} labels")
        if len(set(labels)) < 2:
            raise ValueError("fit needs at least two different labels")
        min_df = 2 if len(texts) >= 50 else 1
        vectorizers = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=min_df, max_features=limit)
                       for limit in (self.max_features and self.max_features // 4, self.max_features)]
        features = hstack([vectorizers[0].fit_transform([head(t) for t in texts]),
                           vectorizers[1].fit_transform([_clean(t) for t in texts])]).tocsr()
        model = LogisticRegression(C=self.C, max_iter=3000).fit(features, labels)
        head_tfidf, body_tfidf = (_Tfidf(dict(v.vocabulary_), v.idf_) for v in vectorizers)
        self._weights = _Weights(head_tfidf, body_tfidf, model.classes_, model.coef_, model.intercept_)
        return self

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, one column per label (in ``classes_`` order), rows summing to 1."""
        weights = self._fitted()
        texts = _check_texts(texts)
        return weights.proba(texts) if texts else np.zeros((0, len(weights.classes)))

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The most likely label of each text."""
        proba = self.probabilities(texts)
        return [str(self._fitted().classes[i]) for i in proba.argmax(axis=1)]

    def predict_proba(self, texts: Sequence[str]) -> "pd.DataFrame":
        """``probabilities`` as a DataFrame with one column per label."""
        import pandas as pd

        return pd.DataFrame(self.probabilities(texts), columns=self.classes_, dtype=float)

    def save(self, path: str | Path) -> None:
        """Write the fitted model to ``path`` (``.npz``, plain arrays only)."""
        weights = self._fitted()
        arrays = {"format": np.array(FORMAT), "params": np.array(json.dumps({"C": self.C, "max_features": self.max_features})),
                  "classes": np.array(self.classes_), "coef": weights.coef.astype(np.float32), "intercept": weights.intercept}
        for name, tfidf in (("head", weights.head), ("body", weights.body)):
            arrays[f"{name}_vocab"] = np.array(sorted(tfidf.vocab, key=lambda w: tfidf.vocab[w]), dtype=str)
            arrays[f"{name}_idf"] = tfidf.idf.astype(np.float32)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: str | Path) -> "TopicClassifier":
        """Read a model written by ``save``; ValueError if the file is not one."""
        try:
            data = np.load(path, allow_pickle=False)
            if str(data["format"]) != FORMAT:
                raise ValueError(f"{path}: not a ner-id topic classifier ({data['format']})")
            clf = cls(**json.loads(str(data["params"])))
            head_tfidf, body_tfidf = (
                _Tfidf({str(w): i for i, w in enumerate(data[f"{name}_vocab"])}, data[f"{name}_idf"].astype(np.float64))
                for name in ("head", "body"))
            clf._weights = _Weights(head_tfidf, body_tfidf, data["classes"], data["coef"].astype(np.float64),
                                    data["intercept"])
        except (OSError, KeyError, ValueError, EOFError) as error:
            raise ValueError(f"{path}: cannot load topic classifier: {error}") from None
        return clf

    def _fitted(self) -> _Weights:
        if self._weights is None:
            raise RuntimeError("TopicClassifier is not fitted: call fit(texts, labels) or TopicClassifier.load(path)")
        return self._weights


def _check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of str, not one str; wrap it in a list")
    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts must hold str; item {i} is {type(text).__name__}")
    return texts
