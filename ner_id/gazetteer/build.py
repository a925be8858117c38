"""Build a gazetteer file from your own table: ``python -m ner_id.gazetteer.build SRC.csv -o my.jsonl``.

The table is CSV (``.csv``) or TSV (``.tsv``, ``.tab``; any other name is read as TSV when its
header row has a tab) with a header row. Columns: ``name`` and ``label`` (PER, LOC or ORG) are
required; ``canonical``, ``kb_id``, ``aliases`` (joined by ``|``) and ``fuzzy`` (true/false, yes/no,
1/0; empty: true) are optional; any other column (``note``, ...) is ignored, and so are blank rows.
Header names are matched case-insensitively. Every row is checked as ``ner_id.gazetteer.load``
checks a gazetteer line; the first bad row raises a ``GazetteerError`` naming the file and line,
and then nothing is written (the output is written to a temporary file and renamed, so an existing
file is replaced whole or not at all). The result loads with ``ner_id.load(gazetteers=[out])``::

    from ner_id.gazetteer.build import build
    build("ministries.csv", "ministries.jsonl")   # -> number of entries written
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

from ner_id.gazetteer.load import Entry, GazetteerError, not_utf8, validate_row

COLUMNS = ("name", "label", "canonical", "kb_id", "aliases", "fuzzy")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n"}


def build(source: str | Path, out: str | Path) -> int:
    """Write the gazetteer ``out`` (``.jsonl``) from the CSV/TSV table ``source``; the number of entries."""
    source, out = Path(source), Path(out)
    if out.suffix != ".jsonl":
        raise GazetteerError(f"{out}: the output file must end in .jsonl")
    entries = list(read_table(source))
    _write_atomically(out, entries)
    return len(entries)


def read_table(source: str | Path) -> Iterator[Entry]:
    """The validated entries of a CSV/TSV table, in order."""
    path = Path(source)
    if not path.is_file():
        raise GazetteerError(f"{path}: file not found")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            handle.seek(0)
            tab = path.suffix.lower() in {".tsv", ".tab"} or (path.suffix.lower() != ".csv" and "\t" in first)
            reader = csv.reader(handle, delimiter="\t" if tab else ",")
            try:
                header = next(reader, [])
                yield from _entries(path, header, ((reader.line_num, row) for row in reader))
            except csv.Error as error:
                raise GazetteerError(f"{path}:{reader.line_num}: unreadable {'TSV' if tab else 'CSV'} ({error})") from None
    except UnicodeDecodeError as error:
        raise not_utf8(path, error) from None


def _entries(path: Path, header: list[str], rows: Iterator[tuple[int, list[str]]]) -> Iterator[Entry]:
    header = [cell.strip().lower() for cell in header]
    if "name" not in header or "label" not in header:
        raise GazetteerError(f"{path}:1: the header row must name at least 'name' and 'label' (columns: {list(COLUMNS)})")
    repeated = sorted({c for c in header if c in COLUMNS and header.count(c) > 1})
    if repeated:
        raise GazetteerError(f"{path}:1: repeated columns {repeated}")
    columns = {i: c for i, c in enumerate(header) if c in COLUMNS}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            raise GazetteerError(f"{path}:{line}: expected {len(header)} columns, got {len(row)}")
        record: dict[str, object] = {}
        for i, column in columns.items():
            value = row[i].strip() if i < len(row) else ""
            if value:
                record[column] = value
        if "aliases" in record:
            record["aliases"] = [a.strip() for a in str(record["aliases"]).split("|") if a.strip()]
        if "fuzzy" in record:
            flag = str(record["fuzzy"]).lower()
            # anything else stays a string, which the loader's check rejects with the line
            record["fuzzy"] = True if flag in _TRUE else False if flag in _FALSE else record["fuzzy"]
        yield validate_row(path, line, record)


def _as_json(entry: Entry) -> dict[str, object]:
    row: dict[str, object] = {"name": entry.name, "label": entry.label, "canonical": entry.canonical}
    if entry.kb_id is not None:
        row["kb_id"] = entry.kb_id
    row["aliases"] = list(entry.aliases)
    row["fuzzy"] = entry.fuzzy
    return row


def _write_atomically(out: Path, entries: list[Entry]) -> None:
    """Write to a temporary file next to ``out``, then rename it over ``out``."""
    temporary = out.with_name(f".{out.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8") as handle:
            for entry in entries:
                handle.write(json.dumps(_as_json(entry), ensure_ascii=False) + "\n")
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``ner-id gazetteer build`` (shared by ``python -m ner_id.gazetteer.build``)."""
    parser.add_argument("source", type=Path,
                        help="CSV or TSV table with a header row: name, label, and optionally canonical, kb_id, "
                             "aliases (joined by |), fuzzy; other columns are ignored")
    parser.add_argument("-o", "--output", required=True, type=Path, help="the gazetteer file to write (.jsonl)")


def run(args: argparse.Namespace) -> int:
    """Build the file and say how many entries it has; 2 (and a one-line message) on a bad table."""
    try:
        count = build(args.source, args.output)
    except (GazetteerError, OSError) as error:
        message = " ".join(str(error).split("\n"))
        print(f"ner-id gazetteer build: error: {message}", file=sys.stderr)
        return 2
    print(f"{args.output}: {count} entries")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ner-id gazetteer build", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
