"""Rebuild the shipped Stanza NER tagger: corpora -> word vectors -> BiLSTM-CRF.

    python -m ner_id.training.ner --data ../shared/data --out build/ner

Training uses the train splits of NERGrit, NER-UI and NERP, the Wikipedia gold set, and
lower-/upper-cased copies of part of the cased sentences, so the model also reads text
without capitals. Phase 1 trains from scratch (optionally with a share of the silver
Wikipedia set); phase 2 goes on from its best checkpoint on gold only at a lower learning
rate. Checkpoints are chosen on the union of the dev splits; test splits are never read here.
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
from pathlib import Path

from ner_id.conll import Sentence, read_conll, spans
from ner_id.training.vectors import raw_sentences, to_pretrain, train_vectors

logger = logging.getLogger("ner_id.training.ner")

TRAIN_FILES = ["ner/nergrit/train.tsv", "ner/nerui/train.tsv", "ner/nerp/train.tsv",
               "ner_silver/luthfi2014_wiki_gold/gold.tsv"]
DEV_FILES = ["ner/nergrit/valid.tsv", "ner/nerui/dev.tsv", "ner/nerp/valid.tsv"]
CASED = {"ner/nergrit/train.tsv", "ner/nerui/train.tsv", "ner_silver/luthfi2014_wiki_gold/gold.tsv"}
SILVER_FILE = "ner_silver/alfina2017_mdee_wiki_silver/15000_mdee_gazz.tsv"


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


def entity_count(sentences: list[Sentence]) -> int:
    """Number of entities in ``sentences``."""
    return sum(len(spans([tag for _, tag in s])) for s in sentences)


def balanced(splits: list[list[Sentence]]) -> list[Sentence]:
    """The splits joined, each repeated so that its entities count about as much as the largest
    split's: Stanza's micro F1 on the result then tracks the mean of the per-split F1s."""
    most = max(entity_count(split) for split in splits)
    return [s for split in splits for s in split * max(1, round(most / max(1, entity_count(split))))]


def parse_repeat(values: list[str]) -> dict[str, int]:
    """``FILE=N`` pairs of ``--repeat``: a training file of ``TRAIN_FILES`` and its copy count."""
    repeat: dict[str, int] = {}
    for value in values:
        rel, _, count = value.partition("=")
        if rel not in TRAIN_FILES or not count.isdigit() or int(count) < 1:
            raise SystemExit(f"--repeat expects FILE=N with FILE one of {', '.join(TRAIN_FILES)} and N >= 1, got {value!r}")
        repeat[rel] = int(count)
    return repeat


def build_data(data: Path, work: Path, args: argparse.Namespace) -> list[Sentence]:
    """Read and augment the gold training sentences, add the silver share, read the dev union.

    Writes Stanza JSON: ``gold.json`` (gold + case copies, each file repeated as ``--repeat``
    says), ``train.json`` (that plus silver and the ``--extra`` files, for phase 1) and
    ``dev.json`` (with ``--balance-dev`` each split repeated to weigh about equally).
    Returns the gold training sentences.
    """
    rng = random.Random(args.seed)
    repeat = parse_repeat(args.repeat)
    gold: list[Sentence] = []
    for rel in TRAIN_FILES:
        sentences = read_conll(data / rel)
        if rel in CASED:
            sentences = sentences + case_augment(sentences, rng, args.lower, args.upper)
        gold += sentences * repeat.get(rel, 1)
    silver = [s for s in read_conll(data / SILVER_FILE) if rng.random() < args.silver] if args.silver else []
    silver += [s for path in args.extra for s in read_conll(path)]
    splits = [read_conll(data / rel) for rel in DEV_FILES]
    dev = balanced(splits) if args.balance_dev else [s for split in splits for s in split]
    rng.shuffle(gold)
    train = gold + silver
    if silver:
        rng.shuffle(train)
    to_stanza_json(gold, work / "gold.json")
    to_stanza_json(train, work / "train.json")
    to_stanza_json(dev, work / "dev.json")
    logger.info("gold %d sentences, silver %d, dev %d", len(gold), len(silver), len(dev))
    return gold


def _stanza_args(work: Path, train: str, pretrain: Path, save_name: str, steps: int, args: argparse.Namespace) -> list[str]:
    return [
        "--mode", "train", "--train_file", str(work / train), "--eval_file", str(work / "dev.json"),
        "--wordvec_pretrain_file", str(pretrain), "--scheme", "bioes", "--shorthand", "id_nerid",
        "--save_dir", str(work), "--save_name", save_name, "--max_steps", str(steps),
        "--eval_interval", str(args.eval_interval), "--max_steps_no_improve", "3000",
        "--seed", str(args.seed), "--hidden_dim", str(args.hidden_dim), "--num_layers", str(args.num_layers),
        "--char_hidden_dim", str(args.char_hidden_dim),
        "--word_dropout", str(args.word_dropout),
        "--cpu", *_charlm_args(args),
    ]


def _charlm_args(args: argparse.Namespace) -> list[str]:
    """Stanza's flags for forward + backward charlms in ``args.charlm`` (see ``ner_id.training.charlm``)."""
    if args.charlm is None:
        return []
    return ["--charlm", "--charlm_shorthand", "id_nerid",
            "--charlm_forward_file", str(args.charlm / "id_forward_charlm.pt"),
            "--charlm_backward_file", str(args.charlm / "id_backward_charlm.pt")]


def train_tagger(work: Path, pretrain: Path, args: argparse.Namespace) -> Path:
    """Phase 1: Stanza's NER trainer at its default SGD rate on gold + silver; returns the best checkpoint.

    An existing ``work/id_ner.pt`` is reused, so a run can go on with the polishing phase.
    """
    from stanza.models import ner_tagger

    model = work / "id_ner.pt"
    if model.exists():
        logger.info("reusing phase-1 checkpoint %s", model)
        return model
    ner_tagger.main(_stanza_args(work, "train.json", pretrain, model.name, args.steps, args))
    return model


def polish_tagger(work: Path, pretrain: Path, start: Path, args: argparse.Namespace) -> Path:
    """Phase 2: go on from the best phase-1 checkpoint at a lower learning rate, on gold only.

    Stanza's ``--finetune`` keeps the learning rate stored in the checkpoint, so the rate is
    written into a copy of the checkpoint's config first. Returns whichever of the phase-1 and
    the polished checkpoints scores higher on dev.
    """
    import torch
    from stanza.models import ner_tagger

    checkpoint = torch.load(start, map_location="cpu", weights_only=True)
    checkpoint["config"]["lr"] = args.polish_lr
    checkpoint["config"]["patience"] = args.polish_patience
    begin = work / "id_ner_polish_start.pt"
    torch.save(checkpoint, begin)
    polished = work / "id_ner_polished.pt"
    ner_tagger.main(_stanza_args(work, "gold.json", pretrain, polished.name, args.polish_steps, args)
                    + ["--finetune", "--finetune_load_name", str(begin), "--lr", str(args.polish_lr),
                       "--patience", str(args.polish_patience)])
    scores = {path: dev_score(path, pretrain, work / "dev.json") for path in (start, polished)}
    logger.info("dev F1: phase 1 %.4f, polished %.4f", scores[start], scores[polished])
    return max(scores, key=lambda path: scores[path])


def dev_score(model: Path, pretrain: Path, dev: Path) -> float:
    """Entity-level micro F1 of a checkpoint on a Stanza JSON file (Stanza's scorer)."""
    from stanza.models.common.doc import Document
    from stanza.models.common.pretrain import Pretrain
    from stanza.models.ner import scorer
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import Trainer

    vectors = Pretrain(str(pretrain))
    trainer = Trainer(model_file=str(model), pretrain=vectors, device="cpu")
    doc = Document(json.loads(dev.read_text(encoding="utf-8")))
    batches = DataLoader(doc, 32, trainer.args, vectors, vocab=trainer.vocab, evaluation=True)
    predicted = [tags for batch in batches for tags in trainer.predict(batch)]
    gold = [[tag[0] for tag in sentence] for sentence in batches.tags]
    return scorer.score_by_entity(predicted, gold)[2]


def export_pretrain(vectors: Path, pretrain: Path) -> None:
    """Write shipped word vectors (``ner_id/models/id_vectors.pt``) as a Stanza pretrain file, so a
    new tagger shares them with the shipped ones and the wheel stores them once."""
    import torch

    data = torch.load(vectors, map_location="cpu", weights_only=True)
    units = data["words"].split("\n")
    state = {"lang": "", "idx": 0, "cutoff": 0, "lower": False, "_id2unit": units,
             "_unit2id": {u: i for i, u in enumerate(units)}}
    torch.save({"vocab": state, "emb": data["emb"]}, pretrain, _use_new_zipfile_serialization=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True, help="work folder; the model ends in OUT/model")
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--polish-steps", type=int, default=0, help="phase 2 steps (0: none)")
    parser.add_argument("--polish-lr", type=float, default=0.03, help="phase 2 SGD learning rate")
    parser.add_argument("--polish-patience", type=int, default=2, help="phase 2 evaluations without gain before halving the rate")
    parser.add_argument("--eval-interval", type=int, default=500)
    parser.add_argument("--hidden-dim", type=int, default=256)
    parser.add_argument("--char-hidden-dim", type=int, default=100, help="units of the character BiLSTM")
    parser.add_argument("--num-layers", type=int, default=1, help="stacked word BiLSTM layers")
    parser.add_argument("--word-dropout", type=float, default=0.01, help="share of words replaced by <UNK> in training")
    parser.add_argument("--max-vocab", type=int, default=40000)
    parser.add_argument("--lower", type=float, default=0.3, help="share of cased sentences copied lower-cased")
    parser.add_argument("--upper", type=float, default=0.1, help="share of cased sentences copied upper-cased")
    parser.add_argument("--repeat", nargs="*", default=[], metavar="FILE=N",
                        help="copies of a training file, e.g. ner/nergrit/train.tsv=2 (default: one each)")
    parser.add_argument("--balance-dev", action="store_true",
                        help="choose checkpoints on dev splits weighted equally (not by their size)")
    parser.add_argument("--silver", type=float, default=0.0, help="share of the silver Wikipedia set added in phase 1")
    parser.add_argument("--extra", type=Path, nargs="*", default=[],
                        help="more CoNLL files for phase 1, e.g. self-training news (python -m ner_id.training.self_train)")
    parser.add_argument("--charlm", type=Path, default=None,
                        help="folder with id_forward_charlm.pt and id_backward_charlm.pt (python -m ner_id.training.charlm)")
    parser.add_argument("--vectors-from", type=Path, default=None,
                        help="reuse shipped word vectors (ner_id/models/id_vectors.pt) instead of training new ones")
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    args.out.mkdir(parents=True, exist_ok=True)
    train = build_data(args.data, args.out, args)
    pretrain = args.out / "id_vectors.pt"
    if not pretrain.exists() and args.vectors_from is not None:
        export_pretrain(args.vectors_from, pretrain)
    if not pretrain.exists():
        train_words = {t.lower() for s in train for t, _ in s}
        corpus = list(raw_sentences(args.data / "raw_text")) + [[t.lower() for t, _ in s] for s in train]
        vectors_txt = args.out / "vectors.txt"
        n = train_vectors(corpus, vectors_txt, max_vocab=args.max_vocab, keep=train_words, seed=args.seed)
        logger.info("kept %d word vectors", n)
        to_pretrain(vectors_txt, pretrain)
    model = train_tagger(args.out, pretrain, args)
    if args.polish_steps:
        model = polish_tagger(args.out, pretrain, model, args)
    final = args.out / "model"
    final.mkdir(exist_ok=True)
    shutil.copy(model, final / "id_ner.pt")
    shutil.copy(pretrain, final / "id_vectors.pt")
    logger.info("model written to %s", final)


if __name__ == "__main__":
    main()
