"""ner-id: people, places and organisations in Indonesian text.

    import ner_id
    nlp = ner_id.load()
    doc = nlp("Menteri Dalam Negeri Tajikistan bertemu Zhao Kezhi di Dushanbe.")
    for e in doc.entities:
        print(e.text, e.label, e.start, e.end)
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ner_id.gazetteer import ExactMatcher, FuzzyMatcher, GazetteerError, default_paths, load_entries
from ner_id.merge import DEFAULT_ADD_LABELS, DEFAULT_OVERRIDE_LABELS
from ner_id.pipeline import Pipeline
from ner_id.render import render
from ner_id.tagger import ModelError, Tagger
from ner_id.tokenize import Tokenizer
from ner_id.topics import TopicClassifier, default_classifier
from ner_id.types import LABELS, Document, Entity, EntityGroup, Keyphrase, Topic
from ner_id.wordfreq import idf_table

if TYPE_CHECKING:
    import pandas as pd

__version__ = "0.1.0"
__all__ = [
    "LABELS", "Document", "Entity", "EntityGroup", "GazetteerError", "Keyphrase", "ModelError", "Pipeline", "Topic",
    "extract", "extract_df", "groups_df", "load", "render",
]


def load(
    *, model: bool = True, gazetteers: Iterable[str | Path] = (), default_gazetteers: bool = True,
    fuzzy: bool = True, add_labels: Iterable[str] = DEFAULT_ADD_LABELS,
    override_labels: Iterable[str] = DEFAULT_OVERRIDE_LABELS, group: bool = True,
    topic_model: "TopicClassifier | str | None" = "default", keyphrases: bool = True,
) -> Pipeline:
    """Build the default pipeline, offline, from the files shipped in the package.

    Args:
        model: run the shipped Stanza tagger (``False``: gazetteers only).
        gazetteers: extra gazetteer files (``.jsonl`` / ``.tsv``); their entries win over the defaults.
        default_gazetteers: include the shipped gazetteers.
        fuzzy: also find near-misses of gazetteer names ("Asfghanistan").
        add_labels: labels of gazetteer matches added where the tagger found nothing.
        override_labels: gazetteer labels that replace the tagger's label on the same span.
        group: trim titles, split swallowed neighbours and group mentions of one thing
            (``doc.groups``); ``False`` returns the merged spans as they are.
        topic_model: ``"default"`` (the shipped taxonomy model), your own fitted
            ``ner_id.topics.TopicClassifier``, or ``None`` for no ``doc.topics``.
        keyphrases: compute ``doc.keyphrases``.
    """
    user = [Path(p) for p in ([gazetteers] if isinstance(gazetteers, (str, Path)) else gazetteers)]
    entries = load_entries([*user, *(default_paths() if default_gazetteers else [])])
    labels, override = frozenset(add_labels), frozenset(override_labels)
    for name, value in (("add_labels", labels), ("override_labels", override)):
        if not value <= set(LABELS):
            raise ValueError(f"{name} must be a subset of {list(LABELS)}, got {sorted(value)}")
    if isinstance(topic_model, str):
        if topic_model != "default":
            raise ValueError(f"topic_model must be 'default', a TopicClassifier or None, got {topic_model!r}")
        classifier: TopicClassifier | None = default_classifier()
    elif topic_model is None or isinstance(topic_model, TopicClassifier):
        classifier = topic_model
    else:
        raise TypeError(f"topic_model must be 'default', a TopicClassifier or None, got {type(topic_model).__name__}")
    config = {"model": model, "gazetteers": [str(p) for p in user], "default_gazetteers": default_gazetteers,
              "fuzzy": fuzzy, "add_labels": sorted(labels), "override_labels": sorted(override), "group": group,
              "topic_model": topic_model, "keyphrases": keyphrases}
    return Pipeline(
        tokenizer=Tokenizer(), tagger=Tagger() if model else None, exact=ExactMatcher(entries),
        fuzzy=FuzzyMatcher(entries, idf_table()[1].keys()) if fuzzy else None, add_labels=labels, override_labels=override,
        group=group, topic_model=classifier, keyphrases=keyphrases, config=config,
    )


@lru_cache(maxsize=1)
def _default() -> Pipeline:
    return load()


def extract(text: str) -> list[Entity]:
    """Entities of ``text`` with the default pipeline (loaded once per process)."""
    return list(_default()(text).entities)


def extract_df(df: "pd.DataFrame", text_col: str = "text", id_col: str | None = None,
               n_process: int = 1, batch_size: int = 32) -> "pd.DataFrame":
    """One row per entity of each row's text; the id column keeps its name (else ``row``)."""
    from ner_id.frames import entities_frame

    return entities_frame(_default(), df, text_col, id_col, n_process=n_process, batch_size=batch_size)


def groups_df(df: "pd.DataFrame", text_col: str = "text", id_col: str | None = None,
              n_process: int = 1, batch_size: int = 32) -> "pd.DataFrame":
    """One row per (document, group): canonical, label, kb_id, count, first offsets."""
    from ner_id.frames import groups_frame

    return groups_frame(_default(), df, text_col, id_col, n_process=n_process, batch_size=batch_size)
