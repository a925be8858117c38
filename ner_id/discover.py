"""Topic discovery over a collection: NMF on TF-IDF with Indonesian stop words (scikit-learn).

With ``n_topics=None`` the number of topics is chosen among a few candidates by the silhouette
of the documents' dominant topics (cosine, on TF-IDF); everything is seeded and deterministic.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ner_id.bylines import is_byline, is_dateline
from ner_id.topics.keyphrases import STOP
from ner_id.types import Document, EntityGroup

if TYPE_CHECKING:
    import pandas as pd

    from ner_id.pipeline import Pipeline

CANDIDATES = (4, 6, 8, 10, 12, 15, 20)
_TOKEN = re.compile(r"(?u)\b[^\W\d_]{3,}\b")


@dataclass(frozen=True)
class Discovery:
    """``topics``: id, top_terms, top_entities, size; ``weights``: one row per document, one column per topic."""

    topics: pd.DataFrame
    weights: pd.DataFrame


def discover(texts: Sequence[str] | Sequence[Document], n_topics: int | None = None, seed: int = 0,
             top_terms: int = 10, nlp: "Pipeline | None" = None,
             progress: Callable[[int], object] | None = None, exclude_bylines: bool = True) -> Discovery:
    """Find the themes of ``texts``; with ``nlp``, each topic also lists its most frequent entities.

    ``texts`` may be documents already tagged (``list(nlp.pipe(texts))``): their entities are used as
    they are, with no ``nlp`` and no second tagging pass. ``progress`` is called with 1 after each
    document of the entity pass (e.g. ``tqdm(...).update``). ``exclude_bylines`` leaves news outlets
    and datelines out of the top entities (``ner_id.bylines``); capitalised datelines are always left out.
    """
    import pandas as pd
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    items = list(texts)
    docs = [d for d in items if isinstance(d, Document)]
    if docs and nlp is not None:
        raise ValueError("pass nlp or Documents, not both: Documents are already tagged")
    if docs and len(docs) != len(items) or not docs and any(not isinstance(t, str) for t in items):
        raise TypeError("texts must hold str, or Documents only")
    corpus = [d.text for d in docs] if docs else [t for t in items if isinstance(t, str)]
    if len(corpus) < 4:
        raise ValueError(f"topic discovery needs at least 4 documents, got {len(corpus)}")
    if n_topics is not None and not 2 <= n_topics <= len(corpus):
        raise ValueError(f"n_topics must be between 2 and the number of documents, got {n_topics}")
    stop = sorted({part for word in STOP for part in _TOKEN.findall(word)})  # as the vectorizer splits them
    vectorizer = TfidfVectorizer(stop_words=stop, token_pattern=_TOKEN.pattern, lowercase=True,
                                 sublinear_tf=True, max_df=0.5, min_df=2 if len(corpus) >= 40 else 1,
                                 max_features=20000)
    matrix = vectorizer.fit_transform(corpus)
    k = n_topics or _choose_k(matrix, seed)
    model = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=400)
    weights = model.fit_transform(matrix)
    sums = weights.sum(axis=1, keepdims=True)
    weights = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    terms = np.array(vectorizer.get_feature_names_out())
    dominant = weights.argmax(axis=1)
    tagged = docs or (nlp.pipe(corpus, batch_size=32) if nlp is not None else None)
    entities = _top_entities(tagged, dominant, k, progress, exclude_bylines) if tagged is not None \
        else [[] for _ in range(k)]
    topics = pd.DataFrame({
        "id": range(k),
        "top_terms": [list(terms[np.argsort(-row)[:top_terms]]) for row in model.components_],
        "top_entities": entities,
        "size": [int((dominant == t).sum()) for t in range(k)],
    })
    return Discovery(topics, pd.DataFrame(weights, columns=[f"topic_{t}" for t in range(k)]))


def _choose_k(matrix, seed: int) -> int:
    from sklearn.decomposition import NMF
    from sklearn.metrics import silhouette_score

    n = matrix.shape[0]
    candidates = [k for k in CANDIDATES if k <= max(2, n // 5)] or [2]
    best_k, best = candidates[0], -2.0
    sample = min(n, 2000)
    for k in candidates:
        labels = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=200).fit_transform(matrix).argmax(1)
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(matrix, labels, metric="cosine", sample_size=sample, random_state=seed)
        if score > best:
            best_k, best = k, score
    return best_k


def _top_entities(docs: Iterable[Document], dominant: np.ndarray, k: int,
                  progress: Callable[[int], object] | None, exclude_bylines: bool, top: int = 8) -> list[list[str]]:
    """Per topic, the entities most typical of its documents: count in the topic times the log of
    how much more often they occur there than overall (so datelines and sources sink)."""
    counts: list[Counter] = [Counter() for _ in range(k)]
    overall: Counter = Counter()
    shown: dict[tuple[str, str], Counter] = defaultdict(Counter)  # case-folded name, label -> names written
    for doc, topic in zip(docs, dominant):
        keys = set()
        for group in doc.groups:
            if _dateline(group) or exclude_bylines and all(is_byline(m.text, m.start, m.kb_id) for m in group.mentions):
                continue
            key = (group.canonical.casefold(), group.label)
            shown[key][group.canonical] += 1
            keys.add(key)
        counts[topic].update(keys)
        overall.update(keys)
        if progress is not None:
            progress(1)
    sizes = np.bincount(dominant, minlength=k)
    ranked = []
    for t, c in enumerate(counts):
        lift = {e: n * np.log1p((n / sizes[t]) / (overall[e] / len(dominant))) for e, n in c.items()}
        best = sorted(lift.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        ranked.append([f"{_display(shown[e])} ({e[1]})" for e, _ in best])
    return ranked


def _dateline(group: EntityGroup) -> bool:
    """A group whose mentions are all the article's dateline ("JAKARTA, KOMPAS.com -")."""
    return all(is_dateline(m.text, m.start) for m in group.mentions)


def _display(surfaces: Counter) -> str:
    """The name most written among those that case-fold alike, preferring one that is not all capitals."""
    return max(surfaces, key=lambda s: (not s.isupper(), surfaces[s], s))
