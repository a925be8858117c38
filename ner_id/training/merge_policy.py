"""Compare merge policies on the dev splits (never the test splits) and print micro F1 per split.

    python -m ner_id.training.merge_policy --data ../shared/data
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ner_id.conll import read_conll
from ner_id.evaluate import score
from ner_id.training.ner import DEV_FILES

POLICIES: dict[str, dict] = {
    "model only": {"default_gazetteers": False, "group": False},
    "model only + grouping": {"default_gazetteers": False},
    "add LOC+ORG, no grouping": {"add_labels": ["LOC", "ORG"], "group": False},
    "confirm only": {"add_labels": []},
    "add LOC": {"add_labels": ["LOC"]},
    "add LOC+ORG": {"add_labels": ["LOC", "ORG"]},
    "add all": {"add_labels": ["PER", "LOC", "ORG"]},
    "add LOC+ORG, LOC overrides": {"add_labels": ["LOC", "ORG"], "override_labels": ["LOC"]},
    "add LOC, LOC overrides": {"add_labels": ["LOC"], "override_labels": ["LOC"]},
    "add LOC+ORG, LOC+ORG override": {"add_labels": ["LOC", "ORG"], "override_labels": ["LOC", "ORG"]},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    import ner_id

    dev = {Path(rel).parent.name: read_conll(args.data / rel) for rel in DEV_FILES}
    print(f"{'policy':<32}" + "".join(f"{name:>10}" for name in dev) + f"{'mean':>10}")
    for name, options in POLICIES.items():
        nlp = ner_id.load(topic_model=None, keyphrases=False, **options)
        f1 = [score(nlp, sentences)["micro"]["f1"] for sentences in dev.values()]
        print(f"{name:<32}" + "".join(f"{x:>10.4f}" for x in f1) + f"{sum(f1) / len(f1):>10.4f}", flush=True)


if __name__ == "__main__":
    main()
