"""pandas views of results: one row per entity, or one per (document, group).

Each table either runs a pipeline over the frame's texts or takes the rows' documents already
tagged (``docs``), so one tagging pass gives every table.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from ner_id.schema import ENTITY_COLUMNS, key_dtype, pandas_dtypes
from ner_id.types import Document

if TYPE_CHECKING:
    from ner_id.pipeline import Pipeline

def entity_rows(key: str, ids: Iterable[Any], documents: Iterable[Document], key_type: Any = object
                ) -> pd.DataFrame:
    """A frame with ``key`` plus the entity fields, one row per entity, with fixed dtypes."""
    rows = [{key: i, **e.to_dict()} for i, doc in zip(ids, documents) for e in doc.entities]
    frame = pd.DataFrame(rows, columns=[key, *ENTITY_COLUMNS])
    return frame.astype({key: key_dtype(key_type), **pandas_dtypes()})


def entities_frame(nlp: "Pipeline | None", df: pd.DataFrame, text_col: str = "text", id_col: str | None = None,
                   n_process: int = 1, batch_size: int = 32, docs: Iterable[Document] | None = None) -> pd.DataFrame:
    """One row per entity of ``df[text_col]``: run ``nlp`` over the texts, or take ``docs``."""
    texts, key, ids = _columns(df, text_col, id_col)
    key_type = df[id_col].dtype if id_col else df.index.dtype
    return entity_rows(key, ids, _documents(nlp, texts, df, docs, n_process, batch_size), key_type)


def _documents(nlp: "Pipeline | None", texts: list[str], df: pd.DataFrame, docs: Iterable[Document] | None,
              n_process: int = 1, batch_size: int = 32) -> Iterable[Document]:
    """The documents of ``texts`` (the rows of ``df``): ``docs`` checked against them, or tagged by ``nlp``."""
    from ner_id.pipeline import Pipeline

    if docs is None:
        if not isinstance(nlp, Pipeline):
            raise TypeError(f"nlp must be a ner_id Pipeline (ner_id.load()), got {type(nlp).__name__}")
        return nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    if nlp is not None:
        raise ValueError("pass nlp or docs, not both: docs are already tagged")
    if isinstance(docs, (str, Document)) or not isinstance(docs, Iterable):
        raise TypeError(f"docs must be Documents, one per row, got {type(docs).__name__}")
    docs = list(docs)
    if len(docs) != len(texts):
        raise ValueError(f"docs has {len(docs)} documents for {len(texts)} rows; pass one Document per row, in order")
    for position, (doc, text) in enumerate(zip(docs, texts)):
        if not isinstance(doc, Document):
            raise TypeError(f"docs[{position}] must be a Document, got {type(doc).__name__}")
        if doc.text != text:
            raise ValueError(f"docs[{position}] is not the document of row {df.index[position]!r}: its text differs")
    return docs


def _columns(df: pd.DataFrame, text_col: str, id_col: str | None) -> tuple[list[str], str, list[Any]]:
    """Texts, the id column's name and the ids; KeyError / TypeError naming the bad column or row."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    for column in (text_col, id_col):
        if column is not None and column not in df.columns:
            raise KeyError(f"column {column!r} not in DataFrame (columns: {list(df.columns)})")
    texts = df[text_col].tolist()
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"{text_col!r} must hold str; row {df.index[position]!r} has {type(text).__name__}")
    key = id_col or "row"
    return texts, key, (df[id_col].tolist() if id_col else list(df.index))


GROUP_COLUMNS = ["canonical", "label", "kb_id", "count", "first_start", "first_end"]


def groups_frame(nlp: "Pipeline | None", df: pd.DataFrame, text_col: str = "text", id_col: str | None = None,
                 n_process: int = 1, batch_size: int = 32, docs: Iterable[Document] | None = None) -> pd.DataFrame:
    """One row per (document, group): canonical, label, kb_id, mention count, first offsets; from
    ``nlp`` run over ``df[text_col]``, or from ``docs``."""
    texts, key, ids = _columns(df, text_col, id_col)
    rows = [{key: i, "canonical": g.canonical, "label": g.label, "kb_id": g.kb_id, "count": len(g.mentions),
             "first_start": g.mentions[0].start, "first_end": g.mentions[0].end}
            for i, doc in zip(ids, _documents(nlp, texts, df, docs, n_process, batch_size)) for g in doc.groups]
    return pd.DataFrame(rows, columns=[key, *GROUP_COLUMNS])
