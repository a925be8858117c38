"""Worst-case time of the default pipeline on hostile inputs (one call each, seconds).

    python benchmarks/hostile.py
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import ner_id

ARTICLE = json.loads((Path(__file__).resolve().parent.parent / "examples" / "articles.jsonl")
                     .read_text(encoding="utf-8").splitlines()[0])["text"]
CASES = {
    "empty": "",
    "200,000-character token": "x" * 200_000,
    "30,000 punctuation marks": "Jakarta " + "!" * 30_000 + " Bandung",
    "30,000 opening brackets": "(" * 30_000,
    "160,000 chars, no spaces": "Jakarta," * 20_000,
    "5,000 repeated names": "Jakarta " * 5_000,
    "deep repeats of one sentence": "Zhao Kezhi tiba di Dushanbe. " * 3_000,
    "lone surrogates and controls": "\ud800\x00\x07Jakarta\udfff" * 2_000,
    "emoji, flags, RTL, zero-width": "🇮🇩 Jo\u200bko مرحبا \u202eJakarta 😀 " * 2_000,
    "ALL CAPS article": ARTICLE.upper(),
    "2 MB article": "\n\n".join([ARTICLE] * (2_000_000 // len(ARTICLE) + 1)),
}


def main() -> None:
    nlp = ner_id.load()
    nlp("pemanasan di Jakarta")
    for name, text in CASES.items():
        start = time.perf_counter()
        doc = nlp(text)
        elapsed = time.perf_counter() - start
        assert all(text[e.start:e.end] == e.text for e in doc.entities)
        print(f"{name:<32} {len(text):>10,} chars {len(doc.entities):>7} entities {elapsed:>8.2f} s")


if __name__ == "__main__":
    main()
