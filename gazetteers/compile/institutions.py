"""Compile ``23_institutions.jsonl``: political parties, universities, civil society and international bodies.

Source: ``gazetteers/sources/institutions.tsv``, written by hand for this project from public facts (the
official names of parties, universities, associations, survey institutes, think tanks, UN agencies,
central banks and rating agencies, and the short forms Indonesian news uses); no list was copied, so
the table is under the project's own licence (Apache-2.0). Each row is ``kb_id``, ``canonical`` and
``surfaces`` ("|"-joined). Where ``20_organisations.tsv`` already has a body (UN, IMF, the parties, UI,
...), the row reuses its kb_id and canonical and only the surfaces it lacks are written; a row with
none left is skipped. Short forms that often mean something else are left out and listed in
``EXCLUDED`` (and in the table's header): "PKB" is also Pajak Kendaraan Bermotor, "PKS" also
"perjanjian kerja sama", "PBB" (Partai Bulan Bintang) is the UN and the land tax.

Checks: kb_ids unique and well formed, every label ORG, no surface under two kb_ids (in this file or
in any other shipped gazetteer), a reused kb_id keeps its canonical, no excluded surface. An entry
with an acronym or short form (all capitals, fewer than six letters, or one word) is ``"fuzzy": false``.

    python gazetteers/compile/institutions.py [--out PATH]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from common import write_jsonl

from ner_id.gazetteer import load_entries
from ner_id.types import LABELS

GAZETTEERS = Path(__file__).resolve().parent.parent
SOURCE = GAZETTEERS / "sources" / "institutions.tsv"
OUT = GAZETTEERS / "23_institutions.jsonl"
LABEL = "ORG"
HEADER = ["kb_id", "canonical", "surfaces"]
KB_ID = re.compile(r"^org:[a-z0-9]+(?:-[a-z0-9]+)*$")
_LETTER = re.compile(r"[^\W\d_]")

#: Surfaces never written, each of which often stands for something else in Indonesian news.
EXCLUDED = {
    "PKB": "Pajak Kendaraan Bermotor (vehicle tax)", "PKS": "perjanjian kerja sama (cooperation agreement)",
    "PBB": "the UN, and Pajak Bumi dan Bangunan; never Partai Bulan Bintang here", "PKN": "Pendidikan Kewarganegaraan",
    "Gelora": "a word; Gelora Bung Karno", "Ummat": "a word", "Garuda": "the airline, the team, the bird",
    "Prima": "a word", "Berkarya": "a word", "UB": "two letters, also initials", "UT": "two letters",
    "UM": "two letters", "UMI": "ultra mikro", "UMS": "upah minimum sektoral", "UPR": "the UN Universal Periodic Review",
    "UPN": "three campuses", "Untag": "three campuses", "Atma Jaya": "three campuses",
    "Trisakti": "also Sukarno's doctrine", "Unika": "any Catholic university", "Umrah": "the pilgrimage",
    "UMRAH": "the pilgrimage", "LBH": "every city has one", "LSI": "two survey institutes",
    "ITU": "'itu' in all-caps headlines", "IMO": "the maths olympiad", "MAS": "Malaysia Airlines",
    "BOE": "the display maker", "S&P": "the S&P 500 index", "PMI": "purchasing managers' index; pekerja migran",
    "KPA": "Komisi Penanggulangan AIDS", "AMAN": "a word", "ACT": "a word", "CORE": "a word",
    "Setara": "a word", "Indikator": "a word", "Kontras": "a word", "PDI": "the old party or PDI-P",
    "Fed": "Piala Fed (the Fed Cup)", "DMI": "Dipole Mode Index", "RBI": "peta Rupabumi Indonesia",
    "Universitas Nasional": "the start of 'Universitas Nasional Singapura', '... Timor Leste'",
    "Unas": "Ujian Nasional", "UNAS": "Ujian Nasional",
}


def read_table(path: Path) -> list[tuple[str, str, list[str]]]:
    """Rows of a source table; '#' lines and blank lines are comments."""
    rows: list[tuple[str, str, list[str]]] = []
    with open(path, encoding="utf-8") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    if not lines or lines[0][1].rstrip("\n").split("\t") != HEADER:
        raise SystemExit(f"{path}: the first row must be the header {HEADER}")
    for n, line in lines[1:]:
        cells = line.rstrip("\n").split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise SystemExit(f"{path}:{n}: expected three non-empty columns")
        kb_id, canonical, surfaces = cells
        names = surfaces.split("|")
        if not KB_ID.match(kb_id):
            raise SystemExit(f"{path}:{n}: malformed kb_id {kb_id!r}")
        if any(s != " ".join(s.split()) or not s for s in [canonical, *names]):
            raise SystemExit(f"{path}:{n}: empty surface or stray spaces")
        if len(set(names)) != len(names):
            raise SystemExit(f"{path}:{n}: a surface is listed twice")
        rows.append((kb_id, canonical, names))
    return rows


def short_form(surface: str) -> bool:
    """An acronym or short form: all capitals, fewer than six letters, or a single word."""
    return surface.isupper() or len(_LETTER.findall(surface)) < 6 or " " not in surface


def compile_rows(source: Path, out: Path, excluded: dict[str, str], fuzzy: bool) -> list[dict]:
    """Gazetteer rows for ``source``; ``fuzzy=False`` turns fuzzy matching off for every entry."""
    others = sorted(p for p in GAZETTEERS.iterdir() if p.suffix in {".jsonl", ".tsv"} and p.name != out.name)
    earlier = [p for p in others if p.name < out.name]  # read first by the pipeline: their surfaces win
    owner: dict[str, str | None] = {}
    canonical_of: dict[str, str] = {}
    for entry in load_entries(others):
        for surface in entry.surfaces:
            owner.setdefault(surface, entry.kb_id)
        if entry.kb_id:
            canonical_of.setdefault(entry.kb_id, entry.canonical)
    known = {s for entry in load_entries(earlier) for s in entry.surfaces}
    rows: list[dict] = []
    seen_surface: dict[str, str] = {}
    seen_kb: set[str] = set()
    skipped = 0
    for kb_id, canonical, surfaces in read_table(source):
        if kb_id in seen_kb:
            raise SystemExit(f"{source}: kb_id {kb_id} appears twice")
        seen_kb.add(kb_id)
        if canonical_of.get(kb_id, canonical) != canonical:
            raise SystemExit(f"{source}: {kb_id} must keep the canonical {canonical_of[kb_id]!r}")
        for surface in surfaces:
            if surface in excluded:
                raise SystemExit(f"{source}: {surface!r} is excluded ({excluded[surface]})")
            if owner.get(surface, kb_id) != kb_id:
                raise SystemExit(f"{source}: {surface!r} ({kb_id}) is already {owner[surface]} in another gazetteer")
            if seen_surface.setdefault(surface, kb_id) != kb_id:
                raise SystemExit(f"{source}: {surface!r} is under both {seen_surface[surface]} and {kb_id}")
        new = [s for s in surfaces if not (s in known and owner.get(s) == kb_id)]
        if not new:
            skipped += 1
            continue
        rows.append({"name": new[0], "label": LABEL, "canonical": canonical, "kb_id": kb_id, "aliases": new[1:],
                     "fuzzy": fuzzy and not any(short_form(s) for s in new)})
    if LABEL not in LABELS:
        raise SystemExit(f"{LABEL} is not a label")
    print(f"{source.name}: {skipped} rows add nothing to earlier gazetteers", file=sys.stderr)
    return rows


def main(source: Path = SOURCE, out: Path = OUT, excluded: dict[str, str] = EXCLUDED, fuzzy: bool = True,
         doc: str | None = __doc__) -> None:
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=out, help=f"where to write (default {out.name})")
    args = parser.parse_args()
    write_jsonl(compile_rows(source, out, excluded, fuzzy), args.out)


if __name__ == "__main__":
    main()
