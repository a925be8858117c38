"""Dask entry points: the same rows as ``ner_id.extract_df``, one partition at a time.

    import dask.dataframe as dd
    from dask.distributed import Client
    import ner_id.dask

    client = Client("tcp://scheduler:8786")        # or LocalCluster() on one machine
    ddf = dd.read_parquet("s3://bucket/articles/*.parquet")
    entities = ner_id.dask.extract_df(ddf, text_col="text", id_col="id")
    entities.to_parquet("s3://bucket/entities/")

Each worker process loads the pipeline once (on its first partition) and keeps it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

from ner_id.frames import entities_frame
from ner_id.schema import empty_frame


@lru_cache(maxsize=4)
def _pipeline(config: tuple[tuple[str, Any], ...]) -> Any:
    import ner_id

    return ner_id.load(**dict(config))


def _partition(part: pd.DataFrame, text_col: str, id_col: str | None, config: tuple) -> pd.DataFrame:
    return entities_frame(_pipeline(config), part, text_col, id_col)


def extract_df(ddf: Any, text_col: str = "text", id_col: str | None = None, **load_options: Any) -> Any:
    """A Dask DataFrame with one row per entity (columns as ``ner_id.extract_df``).

    ``load_options`` go to ``ner_id.load`` in each worker (e.g. ``model=False``).
    """
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"ddf must be a dask DataFrame, got {type(ddf).__name__}")
    for column in (text_col, id_col):
        if column is not None and column not in ddf.columns:
            raise KeyError(f"column {column!r} not in DataFrame (columns: {list(ddf.columns)})")
    meta = empty_frame(id_col or "row", ddf[id_col].dtype if id_col else ddf.index.dtype)
    config = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in load_options.items()))
    return ddf.map_partitions(_partition, text_col, id_col, config, meta=meta)


def index(ddf: Any, **options: Any) -> Any:
    """The whole-dump index (``ner_id.index.Tables``) of a Dask frame of entity rows (``extract_df``'s).

    The partitions are computed on the cluster and read in turn, twice (resolve, then count), so
    the client holds one partition and the per-entity counts at a time; options as ``ner_id.index.build``.
    A document's rows must be contiguous (as ``extract_df`` writes them); they may span partitions.
    """
    import dask.dataframe as dd

    from ner_id.index import _frame_records, build

    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"ddf must be a dask DataFrame, got {type(ddf).__name__}")
    parts = ddf.to_delayed()

    def records() -> Any:
        # a document's rows may span two partitions (after a repartition, or from_pandas): join them
        pending = None
        for part in parts:
            for record in _frame_records(part.compute(), options.get("date_field")):
                if pending is not None and record["id"] == pending["id"]:
                    pending["entities"] += record["entities"]
                    continue
                if pending is not None:
                    yield pending
                pending = record
        if pending is not None:
            yield pending

    return build(records, **options)
