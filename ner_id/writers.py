"""Output writers: JSONL (one line per document) and CSV / Parquet (one row per entity)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from ner_id.frames import ENTITY_COLUMNS
from ner_id.io import LineWriter
from ner_id.types import Document


class Writer(Protocol):
    def write(self, doc_id: Any, doc: Document) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    """``{"id", "entities", "topics", "keyphrases"}`` per line, flushed line by line."""

    def __init__(self, path: Path, append: bool) -> None:
        self._lines = LineWriter(path, append=append)

    def write(self, doc_id: Any, doc: Document) -> None:
        self._lines.write({"id": doc_id, "entities": [e.to_dict() for e in doc.entities],
                           "topics": [t.to_dict() for t in doc.topics],
                           "keyphrases": [k.to_dict() for k in doc.keyphrases]})

    def close(self) -> None:
        self._lines.close()


class TableWriter:
    """Entity rows, buffered and written in blocks to CSV or Parquet."""

    def __init__(self, path: Path, fmt: str, block: int = 5000) -> None:
        self._path, self._fmt, self._block = path, fmt, block
        self._rows: list[dict[str, Any]] = []
        self._parquet: Any = None
        self._started = False

    def write(self, doc_id: Any, doc: Document) -> None:
        self._rows += [{"id": doc_id, **e.to_dict()} for e in doc.entities]
        if len(self._rows) >= self._block:
            self._flush()

    def _flush(self) -> None:
        import pandas as pd

        frame = pd.DataFrame(self._rows, columns=["id", *ENTITY_COLUMNS])
        frame["id"] = frame["id"].astype(str)
        self._rows = []
        if self._fmt == "csv":
            frame.to_csv(self._path, mode="a" if self._started else "w", header=not self._started, index=False)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, schema=_schema(), preserve_index=False)
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self._path, table.schema)
            self._parquet.write_table(table)
        self._started = True

    def close(self) -> None:
        if self._rows or not self._started:
            self._flush()
        if self._parquet is not None:
            self._parquet.close()


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("text", pa.string()), ("label", pa.string()), ("start", pa.int64()),
                      ("end", pa.int64()), ("score", pa.float64()), ("source", pa.string()),
                      ("canonical", pa.string()), ("kb_id", pa.string()), ("group", pa.int64())])


def open_writer(fmt: str, path: Path, append: bool = False) -> Writer:
    """A writer for ``fmt`` (jsonl, csv or parquet) at ``path``."""
    if fmt == "jsonl":
        return JsonlWriter(path, append)
    return TableWriter(path, fmt)
