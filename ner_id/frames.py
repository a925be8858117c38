"""pandas views of results: one row per entity, or one per (document, group)."""
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


def entities_frame(nlp: "Pipeline", df: pd.DataFrame, text_col: str = "text", id_col: str | None = None,
                   n_process: int = 1, batch_size: int = 32) -> pd.DataFrame:
    """Run ``nlp`` over ``df[text_col]``: one row per entity."""
    texts, key, ids = _columns(df, text_col, id_col)
    key_type = df[id_col].dtype if id_col else df.index.dtype
    return entity_rows(key, ids, nlp.pipe(texts, batch_size=batch_size, n_process=n_process), key_type)


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


def groups_frame(nlp: "Pipeline", df: pd.DataFrame, text_col: str = "text", id_col: str | None = None,
                 n_process: int = 1, batch_size: int = 32) -> pd.DataFrame:
    """One row per (document, group): canonical, label, kb_id, mention count, first offsets."""
    texts, key, ids = _columns(df, text_col, id_col)
    rows = [{key: i, "canonical": g.canonical, "label": g.label, "kb_id": g.kb_id, "count": len(g.mentions),
             "first_start": g.mentions[0].start, "first_end": g.mentions[0].end}
            for i, doc in zip(ids, nlp.pipe(texts, batch_size=batch_size, n_process=n_process)) for g in doc.groups]
    return pd.DataFrame(rows, columns=[key, *GROUP_COLUMNS])
