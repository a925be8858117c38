"""A topic classifier for any label set: TF-IDF of the head (title / first line) and of the
whole text, and a multinomial logistic regression (scikit-learn).

Saved as one ``.npz`` of plain arrays (no pickle), so loading a file from anywhere runs no code.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from scipy.sparse import hstack

FORMAT = "ner-id-topic-classifier/1"
_BOILERPLATE = re.compile(r"SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s")


def head(text: str) -> str:
    """The title: the first line, or the first sentence of a one-line text (at most 300 characters)."""
    text = text.strip()
    first = text.split("\n", 1)[0] if "\n" in text else _SENTENCE.split(text, 1)[0]
    return first[:300]


def _clean(text: str) -> str:
    return _BOILERPLATE.sub(" ", text)


class TopicClassifier:
    """Fit on ``(texts, labels)``; ``predict`` labels, ``predict_proba`` a DataFrame of probabilities."""

    def __init__(self, C: float = 10.0, max_features: int | None = None) -> None:
        self.C = C
        self.max_features = max_features
        self._head: TfidfVectorizer | None = None
        self._body: TfidfVectorizer | None = None
        self._model: LogisticRegression | None = None

    @property
    def classes_(self) -> list[str]:
        self._check_fitted()
        return [str(c) for c in self._model.classes_]

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> "TopicClassifier":
        """Train on texts and their labels (any label set with at least two labels); returns self."""
        texts = _check_texts(texts)
        labels = [str(label) for label in labels]
        if len(labels) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(labels)} labels")
        if len(set(labels)) < 2:
            raise ValueError("fit needs at least two different labels")
        min_df = 2 if len(texts) >= 50 else 1
        self._head = _vectorizer(min_df, self.max_features and self.max_features // 4)
        self._body = _vectorizer(min_df, self.max_features)
        features = hstack([self._head.fit_transform([head(t) for t in texts]),
                           self._body.fit_transform([_clean(t) for t in texts])]).tocsr()
        self._model = LogisticRegression(C=self.C, max_iter=3000).fit(features, labels)
        return self

    def _features(self, texts: Sequence[str]):
        self._check_fitted()
        texts = _check_texts(texts)
        return hstack([self._head.transform([head(t) for t in texts]),
                       self._body.transform([_clean(t) for t in texts])]).tocsr()

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The most likely label of each text."""
        features = self._features(texts)
        return [str(label) for label in self._model.predict(features)] if features.shape[0] else []

    def predict_proba(self, texts: Sequence[str]) -> pd.DataFrame:
        """One row per text, one column per label, rows summing to 1."""
        features = self._features(texts)
        if not features.shape[0]:
            return pd.DataFrame(columns=self.classes_, dtype=float)
        return pd.DataFrame(self._model.predict_proba(features), columns=self.classes_)

    def save(self, path: str | Path) -> None:
        """Write the fitted model to ``path`` (``.npz``, plain arrays only)."""
        self._check_fitted()
        arrays = {"format": np.array(FORMAT), "params": np.array(json.dumps({"C": self.C, "max_features": self.max_features})),
                  "classes": np.array(self.classes_), "coef": self._model.coef_.astype(np.float32), "intercept": self._model.intercept_}
        for name, vec in (("head", self._head), ("body", self._body)):
            words = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            arrays[f"{name}_vocab"] = np.array(words, dtype=str)
            arrays[f"{name}_idf"] = vec.idf_.astype(np.float32)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> "TopicClassifier":
        """Read a model written by ``save``; ValueError if the file is not one."""
        try:
            data = np.load(path, allow_pickle=False)
            if str(data["format"]) != FORMAT:
                raise ValueError(f"{path}: not a ner-id topic classifier ({data['format']})")
            clf = cls(**json.loads(str(data["params"])))
            clf._head = _restore(data["head_vocab"], data["head_idf"])
            clf._body = _restore(data["body_vocab"], data["body_idf"])
            model = LogisticRegression(C=clf.C)
            model.classes_ = data["classes"]
            model.coef_ = data["coef"].astype(np.float64)
            model.intercept_ = data["intercept"]
            clf._model = model
        except (OSError, KeyError, ValueError, EOFError) as error:
            raise ValueError(f"{path}: cannot load topic classifier: {error}") from None
        return clf

    def _check_fitted(self) -> None:
        if self._model is None:
            raise RuntimeError("TopicClassifier is not fitted: call fit(texts, labels) or TopicClassifier.load(path)")


def _vectorizer(min_df: int, max_features: int | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=min_df, max_features=max_features)


def _restore(vocab: np.ndarray, idf: np.ndarray) -> TfidfVectorizer:
    vec = _vectorizer(1)
    vec.vocabulary_ = {str(w): i for i, w in enumerate(vocab)}
    vec.idf_ = idf.astype(np.float64)
    return vec


def _check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of str, not one str; wrap it in a list")
    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts must hold str; item {i} is {type(text).__name__}")
    return texts
