"""Entity-level exact-span P / R / F1 (PER, LOC, ORG) on CoNLL files, through the public pipeline.

    python -m ner_id.evaluate FILE.tsv [FILE.tsv ...] [--no-model | --model-only] [--json]

Each sentence's tokens are joined with single spaces into raw text; the pipeline tokenises it
again and its entity offsets are compared with the gold spans, so tokenisation mismatches
count as errors, as they would for a user.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ner_id.config import TAGGER_MODELS
from ner_id.conll import Sentence, read_conll, spans
from ner_id.types import LABELS


def gold_spans(sentence: Sentence) -> tuple[str, set[tuple[int, int, str]]]:
    """The sentence as raw text, and its gold entities as character spans."""
    starts, position = [], 0
    for token, _ in sentence:
        starts.append(position)
        position += len(token) + 1
    text = " ".join(t for t, _ in sentence)
    gold = {(starts[a], starts[b - 1] + len(sentence[b - 1][0]), label)
            for a, b, label in spans([tag for _, tag in sentence]) if label in LABELS}
    return text, gold


def score(nlp, sentences: Iterable[Sentence]) -> dict[str, dict[str, float]]:
    """Per-label and micro precision, recall, F1 and counts."""
    sentences = list(sentences)
    tp: Counter = Counter()
    n_pred: Counter = Counter()
    n_gold: Counter = Counter()
    pairs = [gold_spans(s) for s in sentences]
    for (text, gold), doc in zip(pairs, nlp.pipe([t for t, _ in pairs], batch_size=256)):
        pred = {(e.start, e.end, e.label) for e in doc.entities}
        for _, _, label in pred:
            n_pred[label] += 1
        for _, _, label in gold:
            n_gold[label] += 1
        for _, _, label in pred & gold:
            tp[label] += 1
    table = {label: _prf(tp[label], n_pred[label], n_gold[label]) for label in LABELS}
    table["micro"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return table


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": pred, "gold": gold}


def format_table(name: str, table: dict[str, dict[str, float]]) -> str:
    lines = [f"{name}", f"{'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}"]
    for label, row in table.items():
        lines.append(f"{label:<6} {row['precision']:>7.4f} {row['recall']:>7.4f} {row['f1']:>7.4f} {row['gold']:>6}")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``ner-id evaluate`` (shared by ``python -m ner_id.evaluate``)."""
    parser.add_argument("files", nargs="+", type=Path, help="two-column CoNLL files (token, BIO tag)")
    parser.add_argument("--model", choices=TAGGER_MODELS, default="default", help="tagger (default: %(default)s)")
    parser.add_argument("--no-model", action="store_true", help="gazetteers only")
    parser.add_argument("--model-only", action="store_true",
                        help="the tagger alone: no gazetteers, no rules, no grouping")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")


def run(args: argparse.Namespace) -> int:
    """Score each file and print the tables (or JSON); 2 when a file cannot be read."""
    import ner_id

    options: dict[str, Any] = {"default_gazetteers": False, "group": False, "rules": ()} if args.model_only else {}
    nlp = ner_id.load(model=None if args.no_model else args.model, topic_model=None, keyphrases=False, **options)
    results = {}
    for path in args.files:
        try:
            sentences = read_conll(path)
        except (OSError, ValueError) as error:
            print(f"ner-id evaluate: error: {error}", file=sys.stderr)
            return 2
        results[str(path)] = score(nlp, sentences)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print("\n\n".join(format_table(name, table) for name, table in results.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ner-id evaluate", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
