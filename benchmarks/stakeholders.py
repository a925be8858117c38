"""Stakeholder recall on the shared half of the Detik aspect set: how many of the stakeholders listed by
hand per article (field ``entity_groups``) the pipeline finds. A stakeholder is found when a predicted
entity of the same article lies inside its string or contains it ("Menteri Keuangan Purbaya Yudhi
Sadewa" is found by "Purbaya Yudhi Sadewa").

    python benchmarks/stakeholders.py --data ../shared/data [--gazetteer-dir DIR] [--missed FILE]

``--gazetteer-dir`` replaces the shipped gazetteers by the files of another folder (to measure an older
version's gazetteers with its code, e.g. from a worktree of an earlier commit).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import ner_id

SOURCE = "topics/detik_aspect_1000/detik_aspect_train.jsonl"


def stakeholders(record: dict) -> list[tuple[str, str]]:
    """(group, name) for every stakeholder listed in the record."""
    groups = json.loads(record["entity_groups"]) if isinstance(record["entity_groups"], str) else record["entity_groups"]
    return [(group, name.strip()) for group, names in groups.items() for name in names if name.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--gazetteer-dir", type=Path)
    parser.add_argument("--missed", type=Path, help="write the stakeholders not found, one JSON line each")
    args = parser.parse_args()
    options: dict = {"topic_model": None, "keyphrases": False}
    if args.gazetteer_dir:
        files = sorted(p for p in args.gazetteer_dir.iterdir() if p.suffix in {".jsonl", ".tsv"})
        options.update(default_gazetteers=False, gazetteers=[str(p) for p in files])
    nlp = ner_id.load(**options)
    records = [json.loads(line) for line in open(args.data / SOURCE, encoding="utf-8")]
    texts = [f"{r['title']}\n\n{r['text']}" for r in records]
    found: Counter = Counter()
    total: Counter = Counter()
    missed = []
    for record, doc in zip(records, nlp.pipe(texts, batch_size=16)):
        surfaces = {e.text for e in doc.entities}
        for group, name in stakeholders(record):
            total[group] += 1
            hit = any(s in name or name in s for s in surfaces)
            found[group] += hit
            if not hit:
                missed.append({"id": record["id"], "group": group, "name": name})
    if args.missed:
        args.missed.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in missed), encoding="utf-8")
    for group in sorted(total):
        print(f"{group:<12} {found[group]:>5} / {total[group]:<5} {found[group] / total[group]:.4f}")
    print(f"{'all':<12} {sum(found.values()):>5} / {sum(total.values()):<5} {sum(found.values()) / sum(total.values()):.4f}")


if __name__ == "__main__":
    main()
