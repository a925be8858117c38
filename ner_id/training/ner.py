"""Rebuild the shipped Stanza NER tagger: corpora -> word vectors -> BiLSTM-CRF.

    python -m ner_id.training.ner --data ../shared/data --out build/ner

Training uses the train splits of NERGrit, NER-UI and NERP, the Wikipedia gold set, and
lower-/upper-cased copies of part of the cased sentences, so the model also reads text
without capitals. Checkpoints are chosen on the union of the dev splits; test splits are
never read here.
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
from pathlib import Path

from ner_id.conll import Sentence, read_conll
from ner_id.training.vectors import raw_sentences, to_pretrain, train_vectors

logger = logging.getLogger("ner_id.training.ner")

TRAIN_FILES = ["ner/nergrit/train.tsv", "ner/nerui/train.tsv", "ner/nerp/train.tsv",
               "ner_silver/luthfi2014_wiki_gold/gold.tsv"]
DEV_FILES = ["ner/nergrit/valid.tsv", "ner/nerui/dev.tsv", "ner/nerp/valid.tsv"]
CASED = {"ner/nergrit/train.tsv", "ner/nerui/train.tsv", "ner_silver/luthfi2014_wiki_gold/gold.tsv"}


def case_augment(sentences: list[Sentence], rng: random.Random, lower: float, upper: float) -> list[Sentence]:
    """Lower-cased copies of a ``lower`` share and upper-cased copies of an ``upper`` share."""
    extra: list[Sentence] = []
    for sentence in sentences:
        draw = rng.random()
        if draw < lower:
            extra.append([(t.lower(), tag) for t, tag in sentence])
        elif draw < lower + upper:
            extra.append([(t.upper(), tag) for t, tag in sentence])
    return extra


def to_stanza_json(sentences: list[Sentence], path: Path) -> None:
    """Write sentences in Stanza's NER JSON format."""
    data = [[{"text": t, "ner": tag} for t, tag in s] for s in sentences]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def build_data(data: Path, work: Path, seed: int, lower: float, upper: float) -> tuple[list[Sentence], list[Sentence]]:
    """Read and augment the training sentences and the dev union; write them as Stanza JSON."""
    rng = random.Random(seed)
    train: list[Sentence] = []
    for rel in TRAIN_FILES:
        sentences = read_conll(data / rel)
        train += sentences
        if rel in CASED:
            train += case_augment(sentences, rng, lower, upper)
    dev = [s for rel in DEV_FILES for s in read_conll(data / rel)]
    rng.shuffle(train)
    to_stanza_json(train, work / "train.json")
    to_stanza_json(dev, work / "dev.json")
    logger.info("train %d sentences, dev %d sentences", len(train), len(dev))
    return train, dev


def train_tagger(work: Path, pretrain: Path, args: argparse.Namespace) -> Path:
    """Run Stanza's NER trainer; returns the best checkpoint (by dev F1)."""
    from stanza.models import ner_tagger

    ner_tagger.main([
        "--mode", "train", "--train_file", str(work / "train.json"), "--eval_file", str(work / "dev.json"),
        "--wordvec_pretrain_file", str(pretrain), "--scheme", "bioes", "--shorthand", "id_nerid",
        "--save_dir", str(work), "--save_name", "id_ner.pt", "--max_steps", str(args.steps),
        "--eval_interval", str(args.eval_interval), "--max_steps_no_improve", "3000",
        "--seed", str(args.seed), "--hidden_dim", str(args.hidden_dim), "--cpu",
    ])
    return work / "id_ner.pt"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True, help="work folder; the model ends in OUT/model")
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--eval-interval", type=int, default=500)
    parser.add_argument("--hidden-dim", type=int, default=256)
    parser.add_argument("--max-vocab", type=int, default=40000)
    parser.add_argument("--lower", type=float, default=0.3, help="share of cased sentences copied lower-cased")
    parser.add_argument("--upper", type=float, default=0.1, help="share of cased sentences copied upper-cased")
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    args.out.mkdir(parents=True, exist_ok=True)
    train, _ = build_data(args.data, args.out, args.seed, args.lower, args.upper)
    pretrain = args.out / "id_vectors.pt"
    if not pretrain.exists():
        train_words = {t.lower() for s in train for t, _ in s}
        corpus = list(raw_sentences(args.data / "raw_text")) + [[t.lower() for t, _ in s] for s in train]
        vectors_txt = args.out / "vectors.txt"
        n = train_vectors(corpus, vectors_txt, max_vocab=args.max_vocab, keep=train_words, seed=args.seed)
        logger.info("kept %d word vectors", n)
        to_pretrain(vectors_txt, pretrain)
    model = train_tagger(args.out, pretrain, args)
    final = args.out / "model"
    final.mkdir(exist_ok=True)
    shutil.copy(model, final / "id_ner.pt")
    shutil.copy(pretrain, final / "id_vectors.pt")
    logger.info("model written to %s", final)


if __name__ == "__main__":
    main()
