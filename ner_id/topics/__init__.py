"""Topics: keyphrases and topic labels per document, topic discovery over a collection."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ner_id.topics.classifier import TopicClassifier
from ner_id.topics.discover import Discovery, discover
from ner_id.topics.keyphrases import keyphrases
from ner_id.topics.taxonomy import TAXONOMY

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "topics.npz"

__all__ = ["TAXONOMY", "Discovery", "TopicClassifier", "default_classifier", "discover", "keyphrases"]


@lru_cache(maxsize=1)
def default_classifier() -> TopicClassifier:
    """The shipped classifier over the default taxonomy (ids as in ``TAXONOMY``)."""
    return TopicClassifier.load(DEFAULT_MODEL)

