"""Compile ``21_government.jsonl``: Indonesia's central government, parliament, courts, TNI and Polri.

Source: ``gazetteers/sources/government.tsv``, a hand-written table (columns ``name  label
canonical  kb_id  aliases  note``) of the ministries of the Kabinet Merah Putih (Perpres 139/2024
tentang Penataan Tugas dan Fungsi Kementerian Negara Kabinet Merah Putih) and the bodies they
replaced, non-ministerial agencies, state commissions, directorates general, courts, TNI and
Polri units, and the DPR's commissions and organs (UU 17/2014 (MD3) jo. UU 2/2018, Peraturan DPR
1/2020 tentang Tata Tertib). The ``note`` column names the regulation or official website that
states each fact, and the date of a rename or split. The names are facts taken from Indonesian
legislation, which carries no copyright (UU 28/2014 tentang Hak Cipta, Pasal 42), and from the
bodies' own websites; the table itself is part of ner-id (Apache-2.0).

Bodies already in ``20_organisations.tsv`` keep its kb_id and canonical name, and only surfaces
that file lacks are written here. Every surface "Kementerian X" also gets the common misspelling
"Kementrian X", and ministry surfaces "Kementerian X"/"KemenX" get "... RI". Each body becomes
up to two rows with the same kb_id: its long names (fuzzy matching allowed) and its short forms
(all-caps, under six letters, one word such as "Kemenkeu", a letter away from "Kemenkes", or with
an acronym or numeral word such as "Komisi I"), which never fuzzy-match. The script stops on
duplicate kb_ids, a surface shared by two kb_ids (here or with an earlier shipped file, which
would shadow it), a bad label, an empty note, or a surface of more than ``MAX_TOKENS`` tokens
(the exact matcher never sees it).

    python gazetteers/compile/government.py
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from common import write_jsonl

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "sources" / "government.tsv"
OUT = ROOT / "21_government.jsonl"
#: shipped files read before this one (10_countries, 20_organisations): a surface they hold wins over ours.
EARLIER = tuple(sorted(p for p in ROOT.iterdir() if p.suffix in {".jsonl", ".tsv"} and p.name < OUT.name))
COLUMNS = ["name", "label", "canonical", "kb_id", "aliases", "note"]
LABELS = {"PER", "LOC", "ORG"}
MAX_TOKENS = 10  # ner_id.gazetteer.match.MAX_TOKENS
_TOKEN = re.compile(r"\w+|[^\w\s]")


def read_source(path: Path) -> list[dict]:
    """The rows of the source table, stripped, aliases split on ``|``."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != COLUMNS:
            raise SystemExit(f"{path}: header must be {COLUMNS}, got {reader.fieldnames}")
        rows = []
        for line, row in enumerate(reader, 2):
            if None in row or any(v is None for v in row.values()):
                raise SystemExit(f"{path}:{line}: expected {len(COLUMNS)} tab-separated columns")
            row = {k: " ".join(v.split()) for k, v in row.items()}
            row["aliases"] = [a.strip() for a in row["aliases"].split("|") if a.strip()]
            row["where"] = f"{path.name}:{line}"
            rows.append(row)
    return rows


def earlier_surfaces(paths: tuple[Path, ...]) -> dict[str, tuple[str | None, str]]:
    """surface -> (kb_id, canonical) in the shipped files that come before ours."""
    sys.path.insert(0, str(ROOT.parent))
    from ner_id.gazetteer.load import load_entries

    found: dict[str, tuple[str | None, str]] = {}
    for entry in load_entries([p for p in paths if p.is_file()]):
        for surface in entry.surfaces:
            found.setdefault(surface, (entry.kb_id, entry.canonical))
    return found


def is_short(surface: str) -> bool:
    """An acronym or short form: all-caps, under six letters, a single word ("Kemenkeu", one letter
    from "Kemenkes"), or with an all-caps or numeral word ("Kementerian PU", "Komisi I", "Komisi 1")."""
    surface = surface.removesuffix(" RI")
    letters = [c for c in surface if c.isalpha()]
    words = _TOKEN.findall(surface)
    return (" " not in surface or len(letters) < 6 or all(c.isupper() for c in letters)
            or any(w.isupper() or w.isdigit() for w in words))


def variants(surface: str, ministry: bool) -> list[str]:
    """``surface`` and its generated written forms: "... RI" for a ministry's "Kementerian X" or
    one-word "KemenX", then the common misspelling "Kementrian X" (and "Kementrian X RI")."""
    out = [surface]
    if ministry and "/" not in surface and (surface.startswith("Kementerian ") or " " not in surface and surface.startswith("Kem")):
        out.append(f"{surface} RI")
    if surface.startswith("Kementerian "):
        out += ["Kementrian " + s[len("Kementerian "):] for s in list(out)]
    return out


def compile_rows(source: list[dict], earlier: dict[str, tuple[str | None, str]]) -> list[dict]:
    """Validate the source rows and turn them into gazetteer rows."""
    errors: list[str] = []
    owner: dict[str, str] = {}  # surface -> kb_id
    seen_ids: set[str] = set()
    rows: list[dict] = []
    for row in source:
        where = row["where"]
        kb_id, label, canonical = row["kb_id"], row["label"], row["canonical"] or row["name"]
        if label not in LABELS:
            errors.append(f"{where}: label {label!r} not in {sorted(LABELS)}")
        if not kb_id.startswith("org:id-"):
            errors.append(f"{where}: kb_id {kb_id!r} must look like org:id-<slug>")
        if kb_id in seen_ids:
            errors.append(f"{where}: kb_id {kb_id} used twice")
        seen_ids.add(kb_id)
        if not row["note"]:
            errors.append(f"{where}: note (the source of the fact) is empty")
        ministry = row["name"].startswith("Kementerian ")
        surfaces: list[str] = []
        written = [row["name"], *row["aliases"]]
        for s in written + [v for w in written for v in variants(w, ministry)]:  # as written first, then generated
            if s not in surfaces:
                surfaces.append(s)
        new: list[str] = []
        for s in surfaces:
            if len(_TOKEN.findall(s)) > MAX_TOKENS:
                errors.append(f"{where}: {s!r} has more than {MAX_TOKENS} tokens and can never match")
            if owner.setdefault(s, kb_id) != kb_id:
                errors.append(f"{where}: {s!r} is used by {owner[s]} and {kb_id}")
            if s in earlier:
                old_id = earlier[s][0]
                if old_id != kb_id:
                    errors.append(f"{where}: {s!r} is {old_id} in an earlier shipped file, not {kb_id}")
                continue
            new.append(s)
        reused = {c for s, (k, c) in earlier.items() if k == kb_id}
        if reused and reused != {canonical}:
            errors.append(f"{where}: {kb_id} has canonical {sorted(reused)} in an earlier shipped file, not {canonical!r}")
        for group, fuzzy in (([s for s in new if not is_short(s)], True), ([s for s in new if is_short(s)], False)):
            if group:
                rows.append({"name": group[0], "label": label, "canonical": canonical, "kb_id": kb_id,
                             "aliases": group[1:], "fuzzy": fuzzy})
    if errors:
        raise SystemExit("\n".join(errors))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    write_jsonl(compile_rows(read_source(args.source), earlier_surfaces(EARLIER)), args.out)


if __name__ == "__main__":
    main()
