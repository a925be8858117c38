"""Per-document topics: keyphrases and topic labels (discovery over a collection is ``ner_id.discover``)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ner_id.topics.classifier import TopicClassifier
from ner_id.topics.keyphrases import keyphrases
from ner_id.topics.taxonomy import TAXONOMY

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "topics.npz"

__all__ = ["TAXONOMY", "TopicClassifier", "default_classifier", "keyphrases"]


@lru_cache(maxsize=1)
def default_classifier() -> TopicClassifier:
    """The shipped classifier over the default taxonomy (ids as in ``TAXONOMY``)."""
    return TopicClassifier.load(DEFAULT_MODEL)

