"""Output writers: JSONL (one line per document), CSV / Parquet (one row per entity), and the errors file.

Nothing is lost: a document without entities still leaves one row (its id, the entity columns
empty) in CSV / Parquet, and a line in JSONL. Lone surrogates (text decoded with
``surrogateescape``, or broken UTF-16) cannot be stored as UTF-8: JSONL writes them as JSON
escapes (``"\\udcff"``, read back exactly by any JSON parser), CSV and Parquet replace them with
U+FFFD (one character for one, so offsets still hold).
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Protocol

from ner_id.schema import ENTITY_COLUMNS, arrow_schema, pandas_dtypes
from ner_id.types import Document, safe_text

FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_SURROGATE = re.compile("[\ud800-\udfff]")


class Writer(Protocol):
    def write(self, doc_id: Any, doc: Document, extra: dict[str, Any] | None = None) -> None: ...
    def close(self) -> None: ...


def format_of(path: Path, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else from the suffix; ValueError for an unknown suffix."""
    if fmt is not None:
        if fmt not in FORMATS.values():
            raise ValueError(f"unknown format {fmt!r}; use one of {sorted(set(FORMATS.values()))}")
        return fmt
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise ValueError(f"{path}: unknown output suffix {path.suffix or '(none)'!r}; "
                         f"use {', '.join(FORMATS)} or name the format with --format")
    return found


def json_line(obj: Any) -> str:
    """One JSON line, UTF-8 safe: lone surrogates become JSON escapes."""
    line = json.dumps(obj, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", line) + "\n"


class LineWriter:
    """Append whole lines and flush them, so a crash never leaves half a line behind."""

    def __init__(self, path: Path, append: bool = False) -> None:
        self._handle = open(path, "a" if append else "w", encoding="utf-8")

    def write(self, obj: dict[str, Any]) -> None:
        self._handle.write(json_line(obj))
        self._handle.flush()

    def close(self) -> None:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()


class JsonlWriter:
    """``{"id", "entities", "topics", "keyphrases"}`` per line, flushed line by line."""

    def __init__(self, path: Path, append: bool) -> None:
        self._lines = LineWriter(path, append=append)

    def write(self, doc_id: Any, doc: Document, extra: dict[str, Any] | None = None) -> None:
        self._lines.write({"id": doc_id, **(extra or {}), "entities": [e.to_dict() for e in doc.entities],
                           "topics": [t.to_dict() for t in doc.topics],
                           "keyphrases": [k.to_dict() for k in doc.keyphrases]})

    def close(self) -> None:
        self._lines.close()


class TableWriter:
    """Entity rows (one id-only row for a document without entities), written in blocks to CSV or Parquet."""

    def __init__(self, path: Path, fmt: str, extra: list[str] | tuple[str, ...] = (), block: int = 5000) -> None:
        self._path, self._fmt, self._block, self._extra = path, fmt, block, list(extra)
        self._rows: list[dict[str, Any]] = []
        self._parquet: Any = None
        self._started = False

    def write(self, doc_id: Any, doc: Document, extra: dict[str, Any] | None = None) -> None:
        key = _clean(str(doc_id))
        kept = {k: _clean(str(v)) if v is not None else None for k, v in (extra or {}).items()}
        if not doc.entities:
            self._rows.append({"id": key, **kept})
        self._rows += [{"id": key, **kept, **{k: _clean(v) for k, v in e.to_dict().items()}} for e in doc.entities]
        if len(self._rows) >= self._block:
            self._flush()

    def _flush(self) -> None:
        import pandas as pd

        columns = ["id", *self._extra, *ENTITY_COLUMNS]
        frame = pd.DataFrame(self._rows, columns=columns).astype(
            {"id": "string", **{k: "string" for k in self._extra}, **pandas_dtypes()})
        self._rows = []
        if self._fmt == "csv":
            frame.to_csv(self._path, mode="a" if self._started else "w", header=not self._started, index=False)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, schema=arrow_schema("id", self._extra), preserve_index=False)
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self._path, table.schema)
            self._parquet.write_table(table)
        self._started = True

    def close(self) -> None:
        if self._rows or not self._started:
            self._flush()
        if self._parquet is not None:
            self._parquet.close()


def _clean(value: Any) -> Any:
    return safe_text(value) if isinstance(value, str) else value


def open_writer(fmt: str, path: Path, append: bool = False, extra: list[str] | tuple[str, ...] = ()) -> Writer:
    """A writer for ``fmt`` (jsonl, csv or parquet) at ``path``; ``extra``: input fields kept beside the id."""
    if fmt == "jsonl":
        return JsonlWriter(path, append)
    return TableWriter(path, fmt, extra)


def done_ids(path: Path) -> set[Any]:
    """Ids of the complete lines of a JSONL output; a trailing partial line is cut off the file."""
    return {_hashable(row["id"]) for row in _complete_lines(path)}


def done_errors(path: Path) -> set[tuple[Any, Any]]:
    """(source, line) of the records already in an errors file, so a resumed run does not repeat them."""
    return {(row.get("source"), row.get("line")) for row in _complete_lines(path)}


def _complete_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    data = path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        with open(path, "r+b") as handle:
            handle.truncate(len(complete))
    return [json.loads(raw) for raw in complete.splitlines() if raw.strip()]


def _hashable(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (list, dict)) else value
