"""Helpers shared by the compile scripts: which words are ordinary words, and writing JSONL.

A word that appears lower-case more often than capitalised in running text ("batu", "baru",
"tengah") is ambiguous as a one-word place name; the compile scripts drop such one-word names.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+")


def case_counts(raw_text: Path) -> tuple[Counter, Counter]:
    """Counts of lower-case and capitalised occurrences (keyed lower-case) in ``raw_text/**/*.txt``."""
    lower: Counter = Counter()
    capital: Counter = Counter()
    for path in sorted(raw_text.rglob("*.txt")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                for word in _WORD.findall(line):
                    if word.islower():
                        lower[word] += 1
                    elif word[0].isupper() and word[1:].islower():
                        capital[word.lower()] += 1
    return lower, capital


#: Capitalised words that are never names on their own in news text.
NEVER_ALONE = set("""
januari februari maret april mei juni juli agustus september oktober november desember senin selasa rabu kamis
jumat sabtu minggu barat timur utara selatan tengah kota baru raya besar kecil lama pusat daerah negara kabupaten
kecamatan desa pulau gunung sungai danau laut teluk tanjung bukit kampung pasar candi karang batu
""".split())


def ambiguous(name: str, lower: Counter, capital: Counter) -> bool:
    """True for a one-word name that is mostly used as an ordinary word."""
    key = name.lower()
    return " " not in name and (key in NEVER_ALONE or lower[key] > max(capital[key], 2))


def write_jsonl(rows: list[dict], path: Path) -> None:
    """Write gazetteer rows, one JSON object per line, and say how many."""
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{path.name}: {len(rows)} entries")
