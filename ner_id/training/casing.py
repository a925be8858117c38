"""Build ``models/casing.tsv.gz``: how often running Indonesian text writes each word in lower case.

    python -m ner_id.training.casing --data ../shared/data

For every word seen at least ``--min-count`` times in the shared raw text (``raw_text/**/*.txt``),
lower-case or capitalised inside a sentence (sentence-initial capitals are not counted), one line
``word TAB percent`` gives the share of lower-case uses. Rules read it (``ner_id.lexicon.lower_share``)
to tell an ordinary word written with a capital ("Janji", "Terdakwa", "Keuangan") from a name
("Purbaya"), which is almost never written in lower case.
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)(?![\w-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"'“”:]\s*|\n\s*)$")
OUT = Path(__file__).resolve().parent.parent / "models" / "casing.tsv.gz"


def count_case(paths: list[Path]) -> tuple[Counter, Counter]:
    """(lower-case counts, counts capitalised inside a sentence), keyed by the lower-cased word."""
    lower: Counter = Counter()
    capital: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                for match in _WORD.finditer(line):
                    word = match.group(1)
                    if word.islower():
                        lower[word] += 1
                    elif word[0].isupper() and word[1:].islower():
                        if not _SENTENCE_START.search(line[max(0, match.start() - 3):match.start()]):
                            capital[word.lower()] += 1
    return lower, capital


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lower, capital = count_case(sorted((args.data / "raw_text").rglob("*.txt")))
    rows = []
    for word in sorted(set(lower) | set(capital)):
        total = lower[word] + capital[word]
        if len(word) >= 2 and total >= args.min_count:
            rows.append(f"{word}\t{round(100 * lower[word] / total)}\n")
    args.out.write_bytes(gzip.compress("".join(rows).encode("utf-8"), mtime=0))
    print(f"{args.out}: {len(rows):,} words")


if __name__ == "__main__":
    main()
