"""Compare merge policies, news rules and gazetteer families on dev sets (never the test splits).

    python -m ner_id.training.merge_policy --data ../shared/data [--model default] [--rules-only | --ablation]

Dev sets: NERGrit valid, NER-UI dev and NERP valid (micro F1, and their mean), and the 2025 news dev
set ``ner_news2025/dev.jsonl`` (micro F1, precision and recall). Sentences are tagged once and the
tags reused by every policy, so a policy costs only its merging, rules and grouping. "without R"
rows drop one rule from the default set, "without F" one shipped gazetteer file: the difference to
"default" is that rule's or family's gain.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from ner_id.config import TAGGER_MODELS
from ner_id.conll import read_conll
from ner_id.evaluate import corpus_convention, read_jsonl_gold, score, score_documents
from ner_id.gazetteer import default_paths
from ner_id.rules import DEFAULT_RULES
from ner_id.training.ner import DEV_FILES

POLICIES: dict[str, dict] = {
    "model only": {"default_gazetteers": False, "group": False, "rules": ()},
    "model only + grouping": {"default_gazetteers": False, "rules": ()},
    "add LOC+ORG, no grouping": {"add_labels": ["LOC", "ORG"], "group": False},
    "confirm only": {"add_labels": []},
    "add LOC": {"add_labels": ["LOC"]},
    "add all": {"add_labels": ["PER", "LOC", "ORG"]},
    "add LOC+ORG, LOC overrides": {"add_labels": ["LOC", "ORG"], "override_labels": ["LOC"]},
    "add LOC+ORG, LOC+ORG override": {"add_labels": ["LOC", "ORG"], "override_labels": ["LOC", "ORG"]},
}
RULE_POLICIES: dict[str, dict] = {
    "default": {},
    "no rules": {"rules": ()},
    "corpus convention": corpus_convention(),
    **{f"without {r}": {"rules": tuple(x for x in DEFAULT_RULES if x != r)} for r in DEFAULT_RULES},
}
NEWS_DEV = "ner_news2025/dev.jsonl"


def gazetteer_policies() -> dict[str, dict]:
    """One row per shipped gazetteer file, without it."""
    paths = default_paths()
    return {f"without {p.name}": {"default_gazetteers": False, "gazetteers": [str(q) for q in paths if q != p]}
            for p in paths}


class _MemoTagger:
    """The tagger, remembering each sentence's spans (every policy tags the same sentences)."""

    def __init__(self, tagger) -> None:
        self._tagger = tagger
        self._memo: dict[tuple[str, ...], list] = {}

    def tag(self, sentences: Sequence[Sequence[str]]):
        keys = [tuple(s) for s in sentences]
        new = [k for k in dict.fromkeys(keys) if k not in self._memo]
        for key, spans in zip(new, self._tagger.tag(new) if new else []):
            self._memo[key] = spans
        return [self._memo[k] for k in keys]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", choices=TAGGER_MODELS, default="default")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--rules-only", action="store_true", help="only the default and the rule ablations")
    group.add_argument("--ablation", action="store_true", help="the default, the rule and the gazetteer-file ablations")
    args = parser.parse_args()
    import ner_id

    dev = {Path(rel).parent.name: read_conll(args.data / rel) for rel in DEV_FILES}
    news = read_jsonl_gold(args.data / NEWS_DEV) if (args.data / NEWS_DEV).is_file() else []
    tagger = _MemoTagger(ner_id.load(model=args.model, topic_model=None, keyphrases=False).tagger)
    if args.ablation:
        policies = {**RULE_POLICIES, **gazetteer_policies()}
    else:
        policies = RULE_POLICIES if args.rules_only else {**RULE_POLICIES, **POLICIES}
    header = "".join(f"{name:>10}" for name in dev) + f"{'mean':>10}" + ("   news F1 /  P    /  R" if news else "")
    print(f"{'policy':<36}{header}")
    for name, options in policies.items():
        nlp = ner_id.load(model=args.model, topic_model=None, keyphrases=False, **options)
        object.__setattr__(nlp, "tagger", tagger)
        f1 = [score(nlp, sentences)["micro"]["f1"] for sentences in dev.values()]
        row = f"{name:<36}" + "".join(f"{x:>10.4f}" for x in f1) + f"{sum(f1) / len(f1):>10.4f}"
        if news:
            micro = score_documents(nlp, news)["micro"]
            row += f"   {micro['f1']:.4f} {micro['precision']:.4f} {micro['recall']:.4f}"
        print(row, flush=True)


if __name__ == "__main__":
    main()
