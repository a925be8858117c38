"""Compile ``22_companies.jsonl``: Indonesian companies (BUMN and their subsidiaries, IDX-listed
companies, banks, big private groups and the foreign firms most often in Indonesian business news).

Source: ``gazetteers/sources/companies.tsv``, written by hand for this project and shipped under
the project's licence (Apache-2.0). It records public facts only (a company's name and usual
short forms, its IDX ticker, who owns it), in our own words; its ``note`` column says where each
fact is stated and can be checked: the list of listed companies and their tickers published by
the Bursa Efek Indonesia (IDX), the list of BUMN of the Kementerian BUMN, company annual reports
and websites, and press releases of state bodies (Kejaksaan Agung, Kementerian LH, OJK). Names
and tickers are facts; no list, table or text was downloaded or copied from those publishers
(whose sites keep their own copyright), and no evaluation data was used. The rows were written
from general knowledge without network access, so a row's note says where to check it, not that
it was checked there: renames after 2025 need a hand update.

Columns: ``name label canonical kb_id aliases forms note``. ``aliases`` are joined by ``|``;
``forms`` lists the legal forms the company takes, comma-separated: ``PT``, ``Persero``
("PT X (Persero)"), ``Tbk`` ("PT X Tbk", with Persero also "PT X (Persero) Tbk"), ``Perum``
("Perum X"), ``ptonly`` when the name alone is also a place or a phrase ("Kawasan Berikat
Nusantara" is the zone, "Lippo Karawaci" the township): then only its legal forms match, and
``nofuzzy`` to keep the whole entry out of fuzzy matching. The forms are generated for the name
and each alias (not for tickers, group names or names already written with their form). kb_id is
``idx:TICKER`` for a listed company (the note must say "ticker TICKER"), ``org:id-<slug>`` for
an unlisted Indonesian company and ``org:co-<slug>`` for a foreign one; where
``20_organisations.tsv`` already has the company, its kb_id and canonical are reused and only
the surfaces that file lacks are written. Each company becomes one JSONL row with its long
names (fuzzy matching allowed) and, when it has any, a second row with the same kb_id holding
its tickers, acronyms and short forms with ``"fuzzy": false``.

Checks: valid header, label ORG, kb_id format, unique kb_ids, no surface shared by two kb_ids
(here or in ``20_organisations.tsv``), a reused kb_id keeps its canonical, the ticker in the
note matches an ``idx:`` kb_id, no surface of two characters or fewer, none of ``LEFT_OUT``.
Surfaces that another shipped gazetteer gives another kb_id are reported, not fatal.

    python gazetteers/compile/companies.py [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from common import write_jsonl

from ner_id.gazetteer import load_entries

HERE = Path(__file__).resolve().parent.parent
OUT = HERE / "22_companies.jsonl"
TABLE = HERE / "sources" / "companies.tsv"
ORGANISATIONS = HERE / "20_organisations.tsv"
COLUMNS = ["name", "label", "canonical", "kb_id", "aliases", "forms", "note"]
FORMS = {"PT", "Persero", "Tbk", "Perum", "ptonly", "nofuzzy"}
KB_ID = re.compile(r"^(idx:[A-Z]{4}|org:(id|co)-[a-z0-9]+(-[a-z0-9]+)*)$")
TICKER = re.compile(r"\bticker ([A-Z]{4})\b")
#: a generated form longer than this many tokens could never match (``ner_id.gazetteer.match.MAX_TOKENS``)
MAX_TOKENS = 10

#: Short forms and tickers deliberately left out: every surface matches exactly in all text, so a
#: surface that is also an ordinary word, a name or another body's acronym would add false ORGs.
LEFT_OUT: dict[str, str] = {
    "Timah": "the word tin (PT Timah is kept)", "Semen": "the word cement", "PP": "two letters; PTPP is kept",
    "Pos": "the word post", "Kereta Api": "the word train", "Garuda": "the national emblem and team nickname",
    "Mandiri": "the word independent", "Merdeka": "the word free", "Matahari": "the word sun",
    "Sarinah": "also the Sarinah building and a given name (PT Sarinah is kept)", "Len": "a given name",
    "PAL": "an ordinary acronym (PT PAL is kept)", "Barito": "the river", "Ciputra": "a person",
    "Sampoerna": "a family name", "Bakrie": "a family name", "Salim": "a given name", "Panin": "a group name",
    "Muamalat": "an Islamic-law term", "Maybank": "the Malaysian parent group", "Perindo": "a party",
    "Dahana": "a given name", "Siloam": "a biblical place", "PIK 2": "the area", "Charoen Pokphand": "the Thai group",
    "PIS": "also the PIS-PK health programme", "KPI": "Komisi Penyiaran Indonesia; key performance indicator",
    "BKI": "also Badan Karantina Indonesia", "SMI": "also Sri Mulyani Indrawati", "SMF": "ambiguous acronym",
    "PII": "also Persatuan Insinyur Indonesia", "PJB": "also perjanjian jual beli", "INA": "a given name",
    "IBC": "ambiguous acronym", "APP": "an app", "APRIL": "the month", "KCI": "ambiguous acronym",
    "HK": "two letters", "XL": "two letters", "AP": "Associated Press",
    "BUKA": "the word buka", "BELI": "the word beli", "BUMI": "the word bumi", "CUAN": "slang for profit",
    "MEGA": "a word and a nickname", "ARTO": "a Javanese word and name", "ADHI": "a given name",
    "ELSA": "a given name", "MAYA": "a given name", "MIKA": "a given name", "INDY": "a given name",
    "SIDO": "a Javanese word", "ACES": "an English word", "AUTO": "a word", "MIDI": "a music format",
    "SILO": "a word", "HEAL": "a word", "BIRD": "a word", "HERO": "a word", "VIVA": "a word",
    "BANK": "a word", "AGRO": "a word", "SIMP": "slang", "SMART": "a word", "IPCC": "the UN climate panel",
    "INTI": "the word inti", "BACA": "the word baca", "AMAR": "the word amar", "FREN": "slang for friend",
    "SMMA": "also Suaka Margasatwa Muara Angke", "Berdikari": "the word self-reliance (PT Berdikari is kept)",
    "Bank Jakarta": "'pasar spot antar Bank Jakarta'", "Samudera Indonesia": "the Indian Ocean",
    "Rekayasa Industri": "industrial engineering", "Jababeka": "also the estate", "Pelabuhan Indonesia": "a phrase",
}


class TableError(ValueError):
    """The source table has an invalid row."""


def read_table(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != COLUMNS:
            raise TableError(f"{path}:1: header must be {COLUMNS}, got {header}")
        rows = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            where = f"{path}:{reader.line_num}"
            if len(row) != len(COLUMNS):
                raise TableError(f"{where}: expected {len(COLUMNS)} columns, got {len(row)}")
            record = dict(zip(COLUMNS, (cell.strip() for cell in row)))
            record["aliases"] = [a.strip() for a in record["aliases"].split("|") if a.strip()]
            record["forms"] = {f.strip() for f in record["forms"].split(",") if f.strip()}
            record["where"] = where
            rows.append(record)
    return rows


def legal_forms(surface: str, forms: set[str]) -> list[str]:
    """"PT X", "PT X (Persero)", "PT X (Persero) Tbk", "PT X Tbk", "Perum X", as ``forms`` allow."""
    out = []
    if forms & {"PT", "Persero", "Tbk"}:
        out.append(f"PT {surface}")
    if "Persero" in forms:
        out.append(f"PT {surface} (Persero)")
        if "Tbk" in forms:
            out.append(f"PT {surface} (Persero) Tbk")
    if "Tbk" in forms:
        out.append(f"PT {surface} Tbk")
    if "Perum" in forms:
        out.append(f"Perum {surface}")
    return out


def takes_forms(surface: str, ticker: str | None) -> bool:
    """Tickers, group names, lower-case brands and names already written with a form get none."""
    return (surface != ticker and surface[0].isupper() and not surface.startswith(("PT ", "Perum ", "Perumda ", "Grup "))
            and not surface.endswith(" Group") and "(Persero" not in surface)


def short(surface: str) -> bool:
    """Tickers, acronyms and short forms: never fuzzy-matched."""
    return surface.isupper() or len(surface) < 6


def n_tokens(surface: str) -> int:
    return len(re.findall(r"\w+|[^\w\s]", surface))


def compile_rows(table: Path = TABLE, organisations: Path = ORGANISATIONS) -> list[dict]:
    known = {}  # surface -> (kb_id, canonical) in 20_organisations.tsv
    canonical_of = {}
    for entry in load_entries([organisations]):
        canonical_of[entry.kb_id] = entry.canonical
        for surface in entry.surfaces:
            known.setdefault(surface, entry.kb_id)
    owner: dict[str, str] = {}
    kb_ids: set[str] = set()
    out: list[dict] = []
    for r in read_table(table):
        where, kb_id, canonical = r["where"], r["kb_id"], r["canonical"] or r["name"]
        if r["label"] != "ORG":
            raise TableError(f"{where}: label must be ORG, got {r['label']!r}")
        if not r["name"] or not KB_ID.match(kb_id):
            raise TableError(f"{where}: needs a name and a kb_id like idx:BBRI or org:id-slug, got {kb_id!r}")
        if kb_id in kb_ids:
            raise TableError(f"{where}: kb_id {kb_id} appears twice")
        kb_ids.add(kb_id)
        if not r["forms"] <= FORMS:
            raise TableError(f"{where}: unknown forms {sorted(r['forms'] - FORMS)}; allowed: {sorted(FORMS)}")
        if kb_id in canonical_of and canonical_of[kb_id] != canonical:
            raise TableError(f"{where}: {kb_id} is {canonical_of[kb_id]!r} in {organisations.name}, not {canonical!r}")
        found = TICKER.search(r["note"])
        ticker = found.group(1) if found else None
        if kb_id.startswith("idx:") and ticker != kb_id[4:]:
            raise TableError(f"{where}: the note must say 'ticker {kb_id[4:]}'")
        if "ptonly" in r["forms"] and not (r["forms"] & {"PT", "Persero", "Tbk", "Perum"} and takes_forms(r["name"], ticker)):
            raise TableError(f"{where}: ptonly needs a legal form for the name")
        surfaces: list[str] = []
        for i, s in enumerate([r["name"], *r["aliases"]]):
            s = " ".join(s.split())
            bare = [] if i == 0 and "ptonly" in r["forms"] else [s]
            for t in [*bare, *(legal_forms(s, r["forms"]) if takes_forms(s, ticker) else [])]:
                if t not in surfaces and n_tokens(t) <= MAX_TOKENS:
                    surfaces.append(t)
        for s in surfaces:
            if len(s) <= 2 or s in LEFT_OUT:
                raise TableError(f"{where}: {s!r} is too ambiguous to match everywhere ({LEFT_OUT.get(s, 'too short')})")
            other = owner.setdefault(s, kb_id)
            if other != kb_id or known.get(s, kb_id) != kb_id:
                raise TableError(f"{where}: {s!r} is already {other if other != kb_id else known[s]}")
        new = [s for s in surfaces if s not in known]
        for group, fuzzy in (([s for s in new if not short(s)], "nofuzzy" not in r["forms"]),
                             ([s for s in new if short(s)], False)):
            if group:
                out.append({"name": group[0], "label": "ORG", "canonical": canonical, "kb_id": kb_id,
                            "aliases": group[1:], "fuzzy": fuzzy})
    return out


def report_clashes(rows: list[dict], out: Path) -> None:
    """Warn about surfaces that another shipped gazetteer file gives another kb_id."""
    mine = {s: row["kb_id"] for row in rows for s in [row["name"], *row["aliases"]]}
    others = [p for p in sorted(HERE.iterdir()) if p.suffix in {".jsonl", ".tsv"} and p.name != out.name]
    try:
        entries = load_entries(others)
    except ValueError as error:  # another file being edited: the check is advisory
        print(f"warning: could not read the other gazetteers: {error}", file=sys.stderr)
        return
    for entry in entries:
        for s in entry.surfaces:
            if s in mine and entry.kb_id != mine[s]:
                print(f"warning: {s!r} is {mine[s]} here but {entry.kb_id} in another gazetteer", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = compile_rows(args.table)
    report_clashes(rows, args.out)
    write_jsonl(rows, args.out)


if __name__ == "__main__":
    main()
