"""The gazetteer file format, and a validating loader.

One entry per line, in JSONL::

    {"name": "Amerika Serikat", "label": "LOC", "canonical": "Amerika Serikat",
     "kb_id": "iso3166:US", "aliases": ["AS", "USA"], "fuzzy": true}

or in TSV with a header row ``name  label  canonical  kb_id  aliases  fuzzy`` (aliases joined
by ``|``; only ``name`` and ``label`` are required). ``label`` is PER, LOC or ORG;
``canonical`` defaults to ``name``; ``fuzzy: false`` keeps an entry out of fuzzy matching.
Errors name the file and line.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ner_id.types import LABELS

_FIELDS = ("name", "label", "canonical", "kb_id", "aliases", "fuzzy")


class GazetteerError(ValueError):
    """A gazetteer file is missing, unreadable or has an invalid line."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry; every alias matches as the same canonical entity."""

    name: str
    label: str
    canonical: str
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()
    fuzzy: bool = True

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The name and its aliases."""
        return (self.name, *self.aliases)


def default_paths() -> list[Path]:
    """The gazetteer files shipped with the package."""
    root = resources.files("ner_id._gazetteers")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".jsonl", ".tsv")))


def load_entries(paths: Iterable[str | Path]) -> list[Entry]:
    """Read and validate gazetteer files (``.jsonl`` or ``.tsv``)."""
    entries: list[Entry] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise GazetteerError(f"{path}: gazetteer file not found")
        if path.suffix not in {".jsonl", ".tsv"}:
            raise GazetteerError(f"{path}: gazetteer files must end in .jsonl or .tsv")
        try:
            rows = _jsonl_rows(path) if path.suffix == ".jsonl" else _tsv_rows(path)
            entries.extend(_entry(path, line, row) for line, row in rows)
        except UnicodeDecodeError as error:
            raise not_utf8(path, error) from None
    return entries


def not_utf8(path: Path, error: UnicodeDecodeError) -> GazetteerError:
    """The error for a file that is not UTF-8, at the byte offset from the file's start (a reader's decoder
    counts from the start of its chunk, and after a BOM)."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as whole:
        error = whole
    return GazetteerError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})")


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8") as handle:
        for line, text in enumerate(handle, 1):
            if not text.strip():
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as error:
                raise GazetteerError(f"{path}:{line}: invalid JSON ({error.msg})") from None
            if not isinstance(row, dict):
                raise GazetteerError(f"{path}:{line}: expected a JSON object, got {type(row).__name__}")
            yield line, row


def _tsv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or "name" not in header or "label" not in header:
            raise GazetteerError(f"{path}:1: the header row must name at least 'name' and 'label'")
        unknown = set(header) - set(_FIELDS)
        if unknown:
            raise GazetteerError(f"{path}:1: unknown columns {sorted(unknown)}; allowed: {list(_FIELDS)}")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise GazetteerError(f"{path}:{reader.line_num}: expected {len(header)} columns, got {len(row)}")
            record: dict = {k: v for k, v in zip(header, row) if v != ""}
            if "aliases" in record:
                record["aliases"] = [a for a in record["aliases"].split("|") if a]
            if "fuzzy" in record:
                record["fuzzy"] = record["fuzzy"].strip().lower() not in {"false", "0", "no"}
            yield reader.line_num, record


def _entry(path: Path, line: int, row: dict) -> Entry:
    where = f"{path}:{line}"
    unknown = set(row) - set(_FIELDS)
    if unknown:
        raise GazetteerError(f"{where}: unknown fields {sorted(unknown)}; allowed: {list(_FIELDS)}")
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f"{where}: 'name' must be a non-empty string")
    label = row.get("label")
    if label not in LABELS:
        raise GazetteerError(f"{where}: 'label' must be one of {list(LABELS)}, got {label!r}")
    name = " ".join(name.split())
    canonical = row.get("canonical", name)
    kb_id = row.get("kb_id")
    aliases = row.get("aliases", [])
    if not isinstance(canonical, str) or (kb_id is not None and not isinstance(kb_id, str)):
        raise GazetteerError(f"{where}: 'canonical' and 'kb_id' must be strings")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise GazetteerError(f"{where}: 'aliases' must be a list of non-empty strings")
    fuzzy = row.get("fuzzy", True)
    if not isinstance(fuzzy, bool):
        raise GazetteerError(f"{where}: 'fuzzy' must be true or false")
    return Entry(name, label, canonical, kb_id, tuple(" ".join(a.split()) for a in aliases), fuzzy)


def validate_row(path: str | Path, line: int, row: dict) -> Entry:
    """The entry for one row of fields (``name``, ``label``, ...), checked as the loader checks each line;
    a GazetteerError names ``path:line``."""
    return _entry(Path(path), line, row)
