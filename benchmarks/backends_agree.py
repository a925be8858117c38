"""Do the ONNX Runtime and Stanza backends tag alike? Every sentence of the three NER test splits.

    python benchmarks/backends_agree.py [--data ../shared/data] [--model default]

Tags each split with both backends and prints, per split, the sentences whose spans (tokens and
label) differ, the count of identical ones, and the largest difference of a span's score.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ner_id.conll import read_conll
from ner_id.tagger import Tagger

SPLITS = ("nerui/test.tsv", "nergrit/test.tsv", "nerp/test.tsv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", choices=["default", "fast"], default="default")
    args = parser.parse_args()
    onnx, stanza = Tagger(args.model, backend="onnx"), Tagger(args.model, backend="stanza")
    same_total = total = 0
    for split in SPLITS:
        sentences = [[token for token, _ in s] for s in read_conll(args.data / "ner" / split)]
        ours, reference = onnx.tag(sentences), stanza.tag(sentences)
        same, score_gap = 0, 0.0
        for tokens, a, b in zip(sentences, ours, reference):
            spans_a, spans_b = [(s.first, s.end, s.label) for s in a], [(s.first, s.end, s.label) for s in b]
            if spans_a == spans_b:
                same += 1
                score_gap = max([score_gap, *(abs(x.score - y.score) for x, y in zip(a, b))])
            else:
                print(f"MISMATCH {split}: {' '.join(tokens)}\n  onnx   {spans_a}\n  stanza {spans_b}")
        print(f"{split:18} {same} / {len(sentences)} sentences with identical spans; largest score difference {score_gap:.1e}")
        same_total, total = same_total + same, total + len(sentences)
    print(f"{'all':18} {same_total} / {total} sentences with identical spans (model {args.model})")


if __name__ == "__main__":
    main()
