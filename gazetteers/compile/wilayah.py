"""Compile ``30_wilayah.jsonl``: Indonesian provinces, kabupaten/kota and kecamatan.

Source: ``gazetteer_sources/wilayah/kemendagri_2025_cahyadsn/wilayah.csv`` (cahyadsn/wilayah,
MIT; Kepmendagri 2025 codes), read from the shared data folder. kb_id is the Kemendagri code
(``kemendagri:32.73``). Province short forms (Jabar, DKI, ...) and major islands are written
by hand, and so are agglomerations (Jabodetabek, Bandung Raya, ...: kb_id ``region:<slug>``). A one-word
kecamatan name matches only as "Kecamatan X"; kecamatan never fuzzy-match.

    python gazetteers/compile/wilayah.py --data ../shared/data
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from common import ambiguous, case_counts, write_jsonl

OUT = Path(__file__).resolve().parent.parent / "30_wilayah.jsonl"
SOURCE = "gazetteer_sources/wilayah/kemendagri_2025_cahyadsn/wilayah.csv"

PROVINCE_ALIASES: dict[str, list[str]] = {
    "11": ["NAD", "Nanggroe Aceh Darussalam"], "12": ["Sumut", "Sumatra Utara"], "13": ["Sumbar", "Sumatra Barat"],
    "14": [], "15": [], "16": ["Sumsel", "Sumatra Selatan"], "17": [], "18": [],
    "19": ["Babel", "Bangka Belitung", "Bangka-Belitung", "Kep. Bangka Belitung"], "21": ["Kepri", "Kep. Riau"],
    "31": ["DKI Jakarta", "DKI", "Jakarta", "Ibu Kota Jakarta", "Daerah Khusus Jakarta"],
    "32": ["Jabar"], "33": ["Jateng"], "34": ["DIY", "DIJ", "D.I. Yogyakarta", "Yogyakarta", "Jogja", "Yogya", "Jogjakarta"],
    "35": ["Jatim"], "36": [], "51": [], "52": ["NTB"], "53": ["NTT"], "61": ["Kalbar"], "62": ["Kalteng"],
    "63": ["Kalsel"], "64": ["Kaltim"], "65": ["Kaltara"], "71": ["Sulut"], "72": ["Sulteng"],
    "73": ["Sulsel"], "74": ["Sultra"], "75": [], "76": ["Sulbar"], "81": [], "82": ["Malut"],
    "91": [], "92": ["Pabar"], "93": [], "94": [], "95": [], "96": [],
}
CANONICAL = {"31": "DKI Jakarta", "34": "DI Yogyakarta"}
ISLANDS = ["Jawa", "Sumatera", "Sumatra", "Kalimantan", "Borneo", "Sulawesi", "Bali", "Lombok", "Sumbawa",
           "Flores", "Timor", "Madura", "Bangka", "Belitung", "Nias", "Halmahera", "Seram", "Batam",
           "Bintan", "Natuna", "Papua", "Nusa Penida", "Komodo", "Ambon", "Ternate", "Tidore", "Buton"]
#: Agglomerations and metropolitan areas, kb_id ``region:<slug>`` (the name, then its other spellings).
AGGLOMERATIONS: dict[str, list[str]] = {
    "Jabodetabek": ["Jabotabek"], "Jabodetabekpunjur": ["Jabodetabek-Punjur", "Jabodetabekjur"], "Bodetabek": [],
    "Gerbangkertosusila": ["Gerbangkertasusila"], "Mebidangro": [], "Bandung Raya": ["Cekungan Bandung"],
    "Sarbagita": [], "Kedungsepur": [], "Banjarbakula": [], "Solo Raya": ["Subosukawonosraten"], "Malang Raya": [],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    lower, capital = case_counts(args.data / "raw_text")
    rows: list[dict] = []
    with open(args.data / SOURCE, encoding="utf-8", newline="") as handle:
        records = [r for r in csv.DictReader(handle) if r["level"] != "desa_kelurahan"]
    rank = {"provinsi": 0, "kabupaten_kota": 1, "kecamatan": 2}
    # a bare "Bogor" or "Bandung" in news means the city: kota rows come before kabupaten rows
    records.sort(key=lambda r: (rank[r["level"]], not r["nama"].startswith("Kota "), r["kode"]))
    for r in records:
        code, name, level = r["kode"], r["nama"].strip(), r["level"]
        row = {"label": "LOC", "kb_id": f"kemendagri:{code}"}
        if level == "provinsi":
            canonical = CANONICAL.get(code, name)
            aliases = [a for a in [name, *PROVINCE_ALIASES.get(code, [])] if a != canonical]
            rows.append({"name": canonical, **row, "canonical": canonical, "aliases": aliases})
        elif level == "kabupaten_kota":
            short = name.split(" ", 1)[1]
            aliases = [] if ambiguous(short, lower, capital) else [short]
            aliases += [name.replace("Kabupaten ", "Kab. ")] if name.startswith("Kabupaten ") else []
            rows.append({"name": name, **row, "canonical": name, "aliases": aliases})
        elif len(name) >= 4:
            # a one-word kecamatan name alone is too often a word or a surname: match "Kecamatan X" only
            bare = " " in name and not ambiguous(name, lower, capital)
            rows.append({"name": name if bare else f"Kecamatan {name}", **row,
                         "canonical": f"{name}, {r['nama_kabkota']}", "aliases": [f"Kecamatan {name}"] if bare else [],
                         "fuzzy": False})
    for island in ISLANDS:
        rows.append({"name": island, "label": "LOC", "canonical": island, "kb_id": f"island:{island.lower()}"})
    for name, aliases in AGGLOMERATIONS.items():
        slug = name.lower().replace(" ", "-")
        rows.append({"name": name, "label": "LOC", "canonical": name, "kb_id": f"region:{slug}", "aliases": aliases})
    write_jsonl(rows, OUT)


if __name__ == "__main__":
    main()
