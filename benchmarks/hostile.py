"""Time per character of the default pipeline on hostile inputs, against ordinary news, in one run.

    python benchmarks/hostile.py

Each case is about 100,000 characters (one call); its time per character is printed as a
multiple of the news article's (target: at most 10x). Then a 500 kB and a 2 MB article made
of news paragraphs: the 2 MB one should take at most 4.4x the time of the 500 kB one.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from speed import _cpu  # noqa: E402

ARTICLES = [json.loads(line)["text"] for line in (ROOT / "examples" / "articles.jsonl").read_text(
    encoding="utf-8").splitlines()]
NEWS = "\n\n".join(ARTICLES)
SIZE = 100_000


def _fill(piece: str, size: int = SIZE) -> str:
    return (piece * (size // len(piece) + 1))[:size]


CASES = {
    "news paragraphs": _fill(NEWS + "\n\n"),
    "mixed punctuation !?.": _fill("!?."),
    "one-letter words": _fill("A "),
    "dots and spaces": _fill(". "),
    "repeated name": _fill("Joko Widodo "),
    "repeated acronyms": _fill("KPK (KPK) SCO "),
    "ALL-CAPS words": _fill("GEMPA GUNCANG CIANJUR JAWA BARAT "),
    "brackets": _fill("((([[ ]]))) "),
    "one 200k-char token": "x" * 200_000,
    "no spaces": _fill("Jakarta,Bandung;Surabaya."),
    "lone surrogates, controls": _fill("\ud800\x00\x07Jakarta\udfff "),
    "emoji, RTL, zero-width": _fill("🇮🇩 Jo\u200bko مرحبا \u202eJakarta 😀 "),
    "ALL-CAPS article": _fill(NEWS.upper() + "\n\n"),
    "initials, bodies, honorifics": _fill("Tersangka berinisial AB (12) ditahan Polres Palopo, kata Pak Suryadi. "),
    "acronym definitions": _fill("Ikatan Dokter Nusantara (IDN) menolak; IDN bersikap. "),
}


def timed(nlp, text: str) -> tuple[float, int]:
    start = time.perf_counter()
    doc = nlp(text)
    elapsed = time.perf_counter() - start
    assert all(text[e.start:e.end] == e.text for e in doc.entities)
    return elapsed, len(doc.entities)


def main() -> None:
    import ner_id

    nlp = ner_id.load()
    nlp("pemanasan di Jakarta")
    print(f"cpu {_cpu()}")
    base = None
    for name, text in CASES.items():
        elapsed, entities = timed(nlp, text)
        per_char = elapsed / len(text)
        base = base or per_char
        print(f"{name:<28} {len(text):>9,} chars {entities:>6} entities {elapsed:>7.2f} s  {per_char / base:5.2f}x news")
    small, large = (_fill(NEWS + "\n\n", size) for size in (500_000, 2_000_000))
    small_s, _ = timed(nlp, small)
    large_s, entities = timed(nlp, large)
    print(f"500 kB article {small_s:.1f} s, 2 MB article {large_s:.1f} s ({entities:,} entities): "
          f"ratio {large_s / small_s:.2f} (linear: 4.0)")


if __name__ == "__main__":
    main()
