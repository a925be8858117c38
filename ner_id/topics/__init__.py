"""Per-document topics: keyphrases and topic labels (discovery over a collection is ``ner_id.discover``)."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ner_id.shipped import verified_path
from ner_id.topics.classifier import TopicClassifier
from ner_id.topics.keyphrases import keyphrases
from ner_id.topics.taxonomy import TAXONOMY
from ner_id.types import Topic

__all__ = ["TAXONOMY", "TopicClassifier", "default_classifier", "keyphrases", "top_topics"]


@lru_cache(maxsize=1)
def default_classifier() -> TopicClassifier:
    """The shipped classifier over the default taxonomy (ids as in ``TAXONOMY``)."""
    return TopicClassifier.load(verified_path("topics.npz"))



def top_topics(model: TopicClassifier | None, texts: Sequence[str], named: bool, top: int = 3
               ) -> list[tuple[Topic, ...]]:
    """The ``top`` most likely topics of each non-blank text; ``named`` gives the default taxonomy's
    Indonesian labels (a custom classifier's labels stay as they are)."""
    found: list[tuple[Topic, ...]] = [() for _ in texts]
    used = [i for i, t in enumerate(texts) if t.strip()]
    if model is None or not used:
        return found
    proba = model.probabilities([texts[i] for i in used])
    names = TAXONOMY if named else {}
    for row, i in zip(proba, used):
        ranked = sorted(zip(model.classes_, row), key=lambda kv: -kv[1])[:top]
        found[i] = tuple(Topic(str(c), names.get(str(c), str(c)), round(float(p), 4)) for c, p in ranked)
    return found
