"""Rebuild the shipped topic files: the word document-frequency table and the default taxonomy model.

    python -m ner_id.training.topics --data ../shared/data         # rebuild the shipped files
    python -m ner_id.training.topics --data ../shared/data --cv    # only measure TopicClassifier

Training data, mapped to the taxonomy by ``ner_id.topics.taxonomy.SOURCE_LABELS``:
detik_aspect (5 labels, one row per URL), IndoSum dev (olahraga, showbiz, hiburan, teknologi),
PANL-BPPT sentences in blocks of eight (economy, international, science -> technology, sport),
and weak labels: IndoSum "tajuk utama" articles dominated by one topic's seed keywords.
``--cv`` prints the stratified 5-fold accuracy (seed 0) of ``TopicClassifier`` on
detik_aspect with its own five labels.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from sklearn.model_selection import StratifiedKFold

from ner_id.shipped import MODEL_DIR
from ner_id.topics.classifier import TopicClassifier
from ner_id.topics.taxonomy import SEEDS, SOURCE_LABELS
from ner_id.training.ship import refresh_hashes

_WORD = re.compile(r"[^\W\d_]+")


def document_frequencies(raw_text: Path, keep: int = 60000) -> dict:
    """Lower-cased word document frequencies, one document per line of ``raw_text/**/*.txt``."""
    df: Counter = Counter()
    documents = 0
    for path in sorted(raw_text.rglob("*.txt")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                documents += 1
                df.update(set(_WORD.findall(line.lower())))
    return {"documents": documents, "df": dict(df.most_common(keep))}


def detik(data: Path) -> tuple[list[str], list[str]]:
    """detik_aspect: title + text, one row per URL (its first label)."""
    texts, labels, seen = [], [], set()
    for line in open(data / "topics/detik_aspect_1000/detik_aspect_train.jsonl", encoding="utf-8"):
        row = json.loads(line)
        if row["url"] not in seen:
            seen.add(row["url"])
            texts.append(f"{row['title']}\n{row['text']}")
            labels.append(row["label"])
    return texts, labels


def weak_label(text: str, min_hits: int = 4) -> str | None:
    """The topic whose seeds dominate ``text`` (at least ``min_hits`` and twice the runner-up)."""
    lower = text.lower()
    hits = Counter({topic: sum(lower.count(seed) for seed in seeds) for topic, seeds in SEEDS.items()})
    (best, n), (_, second) = hits.most_common(2)
    return best if n >= min_hits and n >= 2 * second else None


def taxonomy_data(data: Path) -> tuple[list[str], list[str]]:
    texts, labels = detik(data)
    labels = [SOURCE_LABELS[label] for label in labels]
    for line in open(data / "topics/indosum_dev/indosum_dev_union.jsonl", encoding="utf-8"):
        row = json.loads(line)
        topic = SOURCE_LABELS.get(row["label"]) or (weak_label(row["text"]) if row["label"] == "tajuk utama" else None)
        if topic:
            texts.append(row["text"])
            labels.append(topic)
    for domain in ("eco", "int", "sci", "spo"):
        sentences = open(data / f"raw_text/panl_bppt_id_{domain}.txt", encoding="utf-8").read().splitlines()
        for start in range(0, len(sentences), 8):
            texts.append(" ".join(sentences[start:start + 8]))
            labels.append(SOURCE_LABELS[domain])
    return texts, labels


def cross_validate(data: Path) -> float:
    texts, labels = detik(data)
    scores = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, labels):
        clf = TopicClassifier().fit([texts[i] for i in train], [labels[i] for i in train])
        predicted = clf.predict([texts[i] for i in test])
        scores.append(sum(p == labels[i] for p, i in zip(predicted, test)) / len(test))
    return sum(scores) / len(scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cv", action="store_true", help="only print the detik_aspect cross-validation accuracy")
    args = parser.parse_args()
    if args.cv:
        print(f"detik_aspect 5-fold CV accuracy (seed 0): {cross_validate(args.data):.4f}")
        return
    table = document_frequencies(args.data / "raw_text")
    with gzip.open(MODEL_DIR / "idf.json.gz", "wt", encoding="utf-8") as handle:
        json.dump(table, handle, ensure_ascii=False)
    print(f"idf.json.gz: {table['documents']} documents, {len(table['df'])} words")
    texts, labels = taxonomy_data(args.data)
    print("taxonomy training data:", dict(Counter(labels)))
    TopicClassifier(max_features=40000).fit(texts, labels).save(MODEL_DIR / "topics.npz")
    print("topics.npz written")
    refresh_hashes(MODEL_DIR)


if __name__ == "__main__":
    main()
