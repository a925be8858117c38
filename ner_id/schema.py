"""One schema for an entity row, derived from ``types.Entity``: column names, pandas dtypes, Arrow schema.

Every table of entities (``extract_df``, ``doc.to_frame()``, CSV / Parquet output, the Dask
``meta``) takes its columns and types from here. Integers are nullable (``Int64``) and
strings are pandas' ``string`` dtype, so a frame converts to Arrow the same way on pandas 2 and 3,
and a row with only an id (a document without entities, in CSV / Parquet output) fits too.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from ner_id.types import Entity

_KINDS = {"str": "string", "Label": "string", "Source": "string", "int": "int", "float": "float"}
ENTITY_COLUMNS: list[str] = [f.name for f in fields(Entity)]
_ENTITY_KINDS: dict[str, str] = {f.name: _KINDS[str(f.type).split(" | ")[0]] for f in fields(Entity)}
_PANDAS = {"string": "string", "int": "Int64", "float": "float64"}


def pandas_dtypes() -> dict[str, str]:
    """pandas dtype of each entity column."""
    return {name: _PANDAS[kind] for name, kind in _ENTITY_KINDS.items()}


def key_dtype(dtype: Any) -> Any:
    """The dtype an id column keeps in entity tables: strings as ``string``, other types as they are."""
    import pandas as pd

    if pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
        return "string"
    return dtype


def empty_frame(key: str, key_type: Any = "string") -> Any:
    """An empty entity frame with ``key`` first (the Dask ``meta``)."""
    import pandas as pd

    dtypes = {key: key_dtype(key_type), **pandas_dtypes()}
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})


def arrow_schema(key: str = "id", extra: list[str] | tuple[str, ...] = ()) -> Any:
    """The Arrow schema of entity rows: a string ``key``, string ``extra`` columns, the entity columns."""
    import pyarrow as pa

    arrow = {"string": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(key, pa.string()), *((name, pa.string()) for name in extra),
                      *((name, arrow[kind]) for name, kind in _ENTITY_KINDS.items())])
