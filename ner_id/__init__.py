"""ner-id: people, places and organisations in Indonesian text.

    import ner_id
    nlp = ner_id.load()
    doc = nlp("Menteri Dalam Negeri Tajikistan bertemu Zhao Kezhi di Dushanbe.")
    for e in doc.entities:
        print(e.text, e.label, e.start, e.end)

``import ner_id`` is light: torch, spaCy and Stanza are imported when a pipeline is built,
pandas only where a DataFrame is made.
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ner_id.config import DEFAULT_MAX_LENGTH, PipelineConfig
from ner_id.merge import DEFAULT_ADD_LABELS, DEFAULT_OVERRIDE_LABELS
from ner_id.render import render  # not lazy: importing the submodule (ner_id.plot does) would shadow it
from ner_id.rules import DEFAULT_RULES
from ner_id.types import LABELS, Document, Entity, EntityGroup, Keyphrase, Topic

if TYPE_CHECKING:
    import os

    import pandas as pd

    from ner_id.gazetteer import GazetteerError
    from ner_id.pipeline import Pipeline
    from ner_id.plot import plot_entities
    from ner_id.shipped import ModelError
    from ner_id.topics import TopicClassifier

__version__ = "0.2.0"
logging.getLogger("ner_id").addHandler(logging.NullHandler())  # quiet unless the application configures logging
__all__ = [
    "LABELS", "Document", "Entity", "EntityGroup", "GazetteerError", "Keyphrase", "ModelError", "Pipeline",
    "PipelineConfig", "Topic", "TopicClassifier", "extract", "extract_df", "groups_df", "load", "plot_entities",
    "render",
]
_LAZY = {"GazetteerError": "ner_id.gazetteer.load", "ModelError": "ner_id.shipped", "Pipeline": "ner_id.pipeline",
         "TopicClassifier": "ner_id.topics.classifier", "plot_entities": "ner_id.plot"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'ner_id' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | {"__version__"})


def load(
    *, model: bool | str | None = "default", gazetteers: "Iterable[str | os.PathLike[str]] | str" = (),
    default_gazetteers: bool = True, fuzzy: bool = True, add_labels: Iterable[str] = DEFAULT_ADD_LABELS,
    override_labels: Iterable[str] = DEFAULT_OVERRIDE_LABELS, group: bool = True,
    topic_model: "TopicClassifier | str | None" = "default", keyphrases: bool = True,
    rules: Iterable[str] = DEFAULT_RULES, threads: int | None = 1, max_length: int = DEFAULT_MAX_LENGTH,
) -> "Pipeline":
    """Build a pipeline, offline, from the files shipped in the package (see ``PipelineConfig``).

    Args:
        model: ``"default"`` or ``"fast"`` (the shipped taggers named in the manifest), or ``None`` /
            ``False`` for gazetteers only.
        gazetteers: extra gazetteer files (``.jsonl`` / ``.tsv``); their entries win over the shipped ones.
        default_gazetteers: include the shipped gazetteers.
        fuzzy: also find near-misses of gazetteer names ("Asfghanistan").
        add_labels: labels of gazetteer matches added where the tagger found nothing.
        override_labels: gazetteer labels that replace the tagger's label on the same span.
        group: trim titles, split swallowed neighbours and group mentions of one thing
            (``doc.groups``); ``False`` returns the merged spans as they are.
        topic_model: ``"default"`` (the shipped taxonomy model), your own fitted
            ``ner_id.topics.TopicClassifier``, or ``None`` for no ``doc.topics``.
        keyphrases: compute ``doc.keyphrases``.
        rules: news-structure repairs to run (``ner_id.rules.RULES``, all by default; ``()`` for none).
        threads: torch threads while tagging (default 1, restored afterwards); ``None``: torch's own setting.
        max_length: the longest text accepted, in characters (a longer one raises ValueError).
    """
    from ner_id.pipeline import Pipeline

    config = PipelineConfig(
        model=model, gazetteers=gazetteers, default_gazetteers=default_gazetteers, fuzzy=fuzzy,  # type: ignore[arg-type]
        add_labels=add_labels, override_labels=override_labels, group=group,  # type: ignore[arg-type]
        topic_model=topic_model, keyphrases=keyphrases, rules=rules, threads=threads,  # type: ignore[arg-type]
        max_length=max_length)
    return Pipeline.from_config(config)


@lru_cache(maxsize=1)
def _default() -> "Pipeline":
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
