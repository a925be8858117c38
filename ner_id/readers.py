"""Streaming readers for article dumps.

Readers yield a ``Record`` per document or a ``BadRecord`` saying why a line could not be used
(invalid JSON, missing or non-string text, undecodable bytes, binary data, truncated file); they
never raise for a bad record, so documents in = documents out + errors. Blank lines are no records.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

SUFFIXES = (".jsonl", ".jsonl.gz", ".txt", ".csv", ".parquet")
#: Control characters other than whitespace (tab, line breaks, vertical tab, form feed): never in text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class InputError(ValueError):
    """An input path that cannot be read at all (missing, unknown format)."""


@dataclass(frozen=True, slots=True)
class Record:
    """One document: where it came from, its id, its text and the other fields of its row."""

    source: str
    line: int
    id: Any
    text: str
    fields: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A line that could not be turned into a document, and why."""

    source: str
    line: int
    id: Any
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "id": self.id, "reason": self.reason}


class _Bad(NamedTuple):
    """Why a row of an input file is no document (the reader adds where it is)."""

    reason: str


def expand_inputs(paths: list[str | Path]) -> list[Path]:
    """Files named, plus the readable files inside named folders (sorted); InputError otherwise."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))
            if not found:
                raise InputError(f"{path}: folder holds no {', '.join(SUFFIXES)} files")
            files += found
        elif path.is_file():
            if not path.name.endswith(SUFFIXES):
                raise InputError(f"{path}: unknown input format; use one of {', '.join(SUFFIXES)}")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def count_records(path: Path) -> int | None:
    """How many records ``path`` holds, cheaply (lines, or Parquet rows); None for compressed files."""
    if path.name.endswith(".gz"):
        return None
    if path.name.endswith(".parquet"):
        try:
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        except Exception:  # a corrupt file is reported record by record later
            return None
    lines = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return max(lines - (1 if path.name.endswith(".csv") else 0), 0)


def read_records(path: str | Path, text_field: str = "text", id_field: str | None = None,
                 qualify_ids: bool = False) -> Iterator[Record | BadRecord]:
    """Stream the documents of one input file.

    Without ``id_field`` (or for ``.txt``) a document's id is its line number, prefixed with the
    file name when ``qualify_ids`` (several inputs).
    """
    path = Path(path)
    name = path.name
    default_id = (lambda n: f"{name}:{n}") if qualify_ids else (lambda n: n)
    if name.endswith(".txt"):
        for line, text in _text_lines(path):
            if not isinstance(text, _Bad):
                text = _text_or_bad(text)
            if isinstance(text, _Bad):
                yield BadRecord(str(path), line, default_id(line), text.reason)
            elif text.strip():
                yield Record(str(path), line, default_id(line), text.rstrip("\r\n"))
        return
    rows: Iterator[tuple[int, Any]]
    if name.endswith((".jsonl", ".jsonl.gz")):
        rows = ((line, _parse_json(raw)) for line, raw in _text_lines(path) if isinstance(raw, _Bad) or raw.strip())
    elif name.endswith(".csv"):
        rows = _csv_rows(path, text_field)
    else:
        rows = _parquet_rows(path)
    for line, row in rows:
        yield _to_record(str(path), line, row, text_field, id_field, default_id(line))


def _text_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, decoded line or ``_Bad``); a truncated gzip ends with one ``_Bad``."""
    opener = gzip.open if path.name.endswith(".gz") else open
    line = 0
    try:
        with opener(path, "rb") as handle:
            for line, raw in enumerate(handle, 1):
                try:
                    yield line, raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    yield line, _Bad(f"undecodable bytes ({error.reason} at byte {error.start})")
    except (EOFError, OSError, zlib.error) as error:
        yield line + 1, _Bad(f"unreadable file after line {line}: {error}")


def _parse_json(raw: Any) -> Any:
    if isinstance(raw, _Bad):
        return raw
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        return _Bad(f"invalid JSON ({error.msg}: column {error.colno})")


def _csv_rows(path: Path, text_field: str) -> Iterator[tuple[int, Any]]:
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle, strict=True)
        try:
            header = reader.fieldnames or []
            if text_field not in header:
                shown = [_safe(h) for h in header]
                yield 1, _Bad(f"the header has no {text_field!r} column (columns: {shown})")
                return
            for row in reader:
                if None in row:
                    yield reader.line_num, _Bad("more fields than the header")
                elif None in row.values():
                    yield reader.line_num, _Bad("fewer fields than the header")
                elif any(isinstance(v, str) and _has_surrogates(v) for v in row.values()):
                    yield reader.line_num, _Bad("undecodable bytes")
                else:
                    yield reader.line_num, row
        except csv.Error as error:
            yield reader.line_num, _Bad(f"malformed CSV: {error}")


def _safe(value: str) -> str:
    return value.encode("utf-8", "replace").decode("utf-8")


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parquet_rows(path: Path) -> Iterator[tuple[int, Any]]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        row = 0
        for batch in parquet.iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                row += 1
                yield row, record
    except Exception as error:  # pyarrow raises many types for corrupt files
        yield 0, _Bad(f"unreadable Parquet file: {error}")


def _to_record(source: str, line: int, row: Any, text_field: str, id_field: str | None, fallback: Any
               ) -> Record | BadRecord:
    if isinstance(row, _Bad):
        return BadRecord(source, line, fallback, row.reason)
    if not isinstance(row, dict):
        return BadRecord(source, line, fallback, f"expected a JSON object, got {type(row).__name__}")
    if id_field and id_field not in row:
        return BadRecord(source, line, fallback, f"missing id field {id_field!r}")
    doc_id = row[id_field] if id_field else fallback
    if text_field not in row:
        return BadRecord(source, line, doc_id, f"missing text field {text_field!r}")
    text = row[text_field]
    if not isinstance(text, str):
        return BadRecord(source, line, doc_id, f"text field {text_field!r} is {type(text).__name__}, not str")
    checked = _text_or_bad(text)
    if isinstance(checked, _Bad):
        return BadRecord(source, line, doc_id, checked.reason)
    return Record(source, line, doc_id, text, row)


def _text_or_bad(text: str) -> str | _Bad:
    """``text``, or why it is binary data: a NUL byte, or control characters in a tenth of it or more
    (random bytes that decode as UTF-8 are about a quarter control characters; text has next to none)."""
    if "\x00" in text:
        return _Bad("binary data, not text (NUL bytes)")
    controls, size = len(_CONTROL.findall(text)), len(text.strip())
    if controls and controls * 10 >= size:
        return _Bad(f"binary data, not text ({controls} of {size} characters are control characters)")
    return text
