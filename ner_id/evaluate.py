"""Entity-level exact-span P / R / F1 (PER, LOC, ORG) on gold files, through the public pipeline.

    python -m ner_id.evaluate FILE.tsv|FILE.jsonl [...] [--no-model | --model-only] [--convention corpus] [--json]

Two gold formats: two-column CoNLL (``.tsv``/``.conll``/``.txt``: each sentence's tokens are
joined with single spaces into raw text), and JSONL documents with character spans (``.jsonl``:
``{"text": ..., "entities": [[start, end, label], ...]}`` per line, the format of
``ner_news2025/dev.jsonl``). The pipeline tokenises the raw text itself and its entity offsets
are compared with the gold spans, so tokenisation mismatches count as errors, as they would for
a user. Besides exact spans, overlap precision and recall say how many errors are wrong extents.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ner_id.config import TAGGER_MODELS
from ner_id.conll import Sentence, read_conll, spans
from ner_id.gazetteer import default_paths
from ner_id.rules import CORPUS_RULES, NEWS_CONVENTION_GAZETTEERS
from ner_id.types import LABELS

#: A gold document: its raw text and its entities as ``(start, end, label)`` character spans.
Gold = tuple[str, set[tuple[int, int, str]]]


def gold_spans(sentence: Sentence) -> Gold:
    """The sentence as raw text, and its gold entities as character spans."""
    starts, position = [], 0
    for token, _ in sentence:
        starts.append(position)
        position += len(token) + 1
    text = " ".join(t for t, _ in sentence)
    gold = {(starts[a], starts[b - 1] + len(sentence[b - 1][0]), label)
            for a, b, label in spans([tag for _, tag in sentence]) if label in LABELS}
    return text, gold


def read_jsonl_gold(path: str | Path) -> list[Gold]:
    """Documents ``{"text", "entities": [[start, end, label], ...]}``, one per line; labels other than
    PER / LOC / ORG are ignored. Raises ValueError naming the file and line of a bad record."""
    documents: list[Gold] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{where}: invalid JSON ({error.msg})") from None
            text = record.get("text") if isinstance(record, dict) else None
            entities = record.get("entities", []) if isinstance(record, dict) else None
            if not isinstance(text, str) or not isinstance(entities, list):
                raise ValueError(f"{where}: expected an object with a string 'text' and a list 'entities'")
            gold = set()
            for entity in entities:
                if not (isinstance(entity, list) and len(entity) == 3 and all(isinstance(x, int) for x in entity[:2])
                        and isinstance(entity[2], str) and 0 <= entity[0] < entity[1] <= len(text)):
                    raise ValueError(f"{where}: entity {entity!r} is not [start, end, label] inside the text")
                if entity[2] in LABELS:
                    gold.add((entity[0], entity[1], entity[2]))
            documents.append((text, gold))
    return documents


def read_gold(path: str | Path) -> list[Gold]:
    """Gold documents from a ``.jsonl`` file (character spans) or a CoNLL file (one per sentence)."""
    if Path(path).suffix == ".jsonl":
        return read_jsonl_gold(path)
    return [gold_spans(s) for s in read_conll(path)]


def score(nlp, sentences: Iterable[Sentence]) -> dict[str, dict[str, float]]:
    """Per-label and micro precision, recall, F1 and counts on CoNLL sentences."""
    return score_documents(nlp, [gold_spans(s) for s in sentences])


def score_documents(nlp, documents: Sequence[Gold]) -> dict[str, dict[str, float]]:
    """Per-label and micro precision, recall, F1 and counts; the micro row adds overlap precision and
    recall (a span counts when it overlaps one of the other side with the same label)."""
    tp: Counter = Counter()
    n_pred: Counter = Counter()
    n_gold: Counter = Counter()
    touched: Counter = Counter()
    batch = 256 if len(documents) > 1000 else 16
    for (text, gold), doc in zip(documents, nlp.pipe([t for t, _ in documents], batch_size=batch)):
        pred = {(e.start, e.end, e.label) for e in doc.entities}
        n_pred.update(label for _, _, label in pred)
        n_gold.update(label for _, _, label in gold)
        tp.update(label for _, _, label in pred & gold)
        touched["pred"] += sum(_overlaps(p, gold) for p in pred)
        touched["gold"] += sum(_overlaps(g, pred) for g in gold)
    table = {label: _prf(tp[label], n_pred[label], n_gold[label]) for label in LABELS}
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    micro["overlap_precision"] = round(touched["pred"] / micro["pred"], 4) if micro["pred"] else 0.0
    micro["overlap_recall"] = round(touched["gold"] / micro["gold"], 4) if micro["gold"] else 0.0
    table["micro"] = micro
    return table


def _overlaps(span: tuple[int, int, str], others: set[tuple[int, int, str]]) -> bool:
    return any(o[2] == span[2] and o[0] < span[1] and span[0] < o[1] for o in others)


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": pred, "gold": gold}


def format_table(name: str, table: dict[str, dict[str, float]]) -> str:
    lines = [f"{name}", f"{'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}"]
    for label, row in table.items():
        lines.append(f"{label:<6} {row['precision']:>7.4f} {row['recall']:>7.4f} {row['f1']:>7.4f} {row['gold']:>6}")
    micro = table["micro"]
    if "overlap_precision" in micro:
        lines.append(f"overlap P {micro['overlap_precision']:.4f}  R {micro['overlap_recall']:.4f}")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``ner-id evaluate`` (shared by ``python -m ner_id.evaluate``)."""
    parser.add_argument("files", nargs="+", type=Path,
                        help="gold files: two-column CoNLL (token, BIO tag) or .jsonl documents with character spans")
    parser.add_argument("--model", choices=TAGGER_MODELS, default="default", help="tagger (default: %(default)s)")
    parser.add_argument("--no-model", action="store_true", help="gazetteers only")
    parser.add_argument("--model-only", action="store_true",
                        help="the tagger alone: no gazetteers, no rules, no grouping")
    parser.add_argument("--convention", choices=("news", "corpus"), default="news",
                        help="news: ner-id's news convention (default); corpus: without the rules and gazetteers that "
                             "apply it where NER-UI, NERGrit and NERP annotate otherwise (ner_id.rules.NEWS_CONVENTION)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")


def corpus_convention() -> dict[str, Any]:
    """``load`` options for the older corpora's convention: the news convention's rules and gazetteer files left out."""
    return {"rules": CORPUS_RULES, "default_gazetteers": False,
            "gazetteers": [str(p) for p in default_paths() if p.name not in NEWS_CONVENTION_GAZETTEERS]}


def run(args: argparse.Namespace) -> int:
    """Score each file and print the tables (or JSON); 2 when a file cannot be read."""
    import ner_id

    options: dict[str, Any] = {"default_gazetteers": False, "group": False, "rules": ()} if args.model_only else {}
    if args.convention == "corpus" and not args.model_only:
        options.update(corpus_convention())
    nlp = ner_id.load(model=None if args.no_model else args.model, topic_model=None, keyphrases=False, **options)
    results = {}
    for path in args.files:
        try:
            documents = read_gold(path)
        except (OSError, ValueError) as error:
            print(f"ner-id evaluate: error: {error}", file=sys.stderr)
            return 2
        results[str(path)] = score_documents(nlp, documents)
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
