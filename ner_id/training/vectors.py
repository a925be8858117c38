"""Train lower-cased word vectors with gensim and convert them to a Stanza pretrain file.

Retrain the shipped vectors' values on their own vocabulary (same words, same order, so taggers on
either set compare like for like; Stanza keeps these vectors frozen, so such a tagger ships with them):

    python -m ner_id.training.vectors --data ../shared/data --out build/vec2/id_vectors.pt \
        --vocab-from ner_id/models/id_vectors.pt --epochs 20 --negative 10 --more-text
"""
from __future__ import annotations

import argparse
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch

_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
logger = logging.getLogger(__name__)


def raw_sentences(root: Path) -> Iterator[list[str]]:
    """Lower-cased token lists, one per line of every ``*.txt`` under ``root`` (sorted, so runs repeat)."""
    for path in sorted(root.rglob("*.txt")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                tokens = _TOKEN.findall(line.lower())
                for start in range(0, len(tokens), 200):
                    yield tokens[start:start + 200]


def train_vectors(
    sentences: Iterable[list[str]], out_txt: Path, *, dim: int = 100, max_vocab: int = 40000,
    keep: set[str] | None = None, seed: int = 1234, epochs: int = 5,
) -> int:
    """Train skip-gram word2vec and write the ``max_vocab`` most frequent words (plus ``keep``) as text.

    Returns the number of words written.
    """
    corpus = [s for s in sentences if s]
    counts = Counter(w for s in corpus for w in s)
    model = skipgram(corpus, dim=dim, epochs=epochs, seed=seed)
    ranked = [w for w, _ in counts.most_common() if w in model.wv.key_to_index]
    chosen = ranked[:max_vocab]
    chosen_set = set(chosen)
    chosen += [w for w in ranked[max_vocab:] if keep and w in keep and w not in chosen_set]
    with open(out_txt, "w", encoding="utf-8") as handle:
        handle.write(f"{len(chosen)} {dim}\n")
        for word in chosen:
            values = " ".join(f"{x:.5f}" for x in model.wv[word])
            handle.write(f"{word} {values}\n")
    return len(chosen)


def skipgram(corpus: list[list[str]], *, dim: int = 100, epochs: int = 5, negative: int = 5,
             min_count: int = 3, seed: int = 1234) -> Any:
    """A gensim skip-gram word2vec model (window 5, two workers) trained on ``corpus``."""
    from gensim.models import Word2Vec

    logger.info("word2vec on %d sentences, %d tokens", len(corpus), sum(map(len, corpus)))
    return Word2Vec(corpus, vector_size=dim, window=5, min_count=min_count, sg=1, negative=negative,
                    workers=2, epochs=epochs, seed=seed)


def to_pretrain(vectors_txt: Path, pretrain_pt: Path) -> None:
    """Convert word2vec text vectors to Stanza's ``.pt`` pretrain format."""
    from stanza.models.common.pretrain import Pretrain

    if pretrain_pt.exists():
        pretrain_pt.unlink()
    pretrain = Pretrain(str(pretrain_pt), str(vectors_txt), max_vocab=-1, save_to_file=True)
    pretrain.load()


def article_sentences(jsonl: Path) -> Iterator[list[str]]:
    """Lower-cased token lists, one per paragraph of each article's ``text`` in a JSONL file."""
    with open(jsonl, encoding="utf-8") as handle:
        for line in handle:
            for paragraph in json.loads(line)["text"].split("\n"):
                tokens = _TOKEN.findall(paragraph.lower())
                if tokens:
                    yield tokens


def aligned(words: Sequence[str], base: torch.Tensor, fresh: Mapping[str, Sequence[float]],
            specials: int = 4) -> torch.Tensor:
    """``base``'s rows (one per word of ``words``) replaced by the ``fresh`` vectors of the words it has.

    The first ``specials`` rows (``<PAD>``, ``<UNK>``, ...) stay as they are; the word rows are then
    rescaled so their mean norm equals ``base``'s, so a tagger sees inputs of the scale it was tuned on.
    """
    import torch

    if len(words) != base.shape[0]:
        raise ValueError(f"{len(words)} words for {base.shape[0]} vector rows")
    emb = base.clone()
    for i, word in enumerate(words[specials:], start=specials):
        if word in fresh:
            emb[i] = torch.as_tensor(fresh[word], dtype=emb.dtype)
    rows = emb[specials:]
    rows *= base[specials:].norm(dim=1).mean() / rows.norm(dim=1).mean()
    return emb


def main(argv: list[str] | None = None) -> None:
    import torch

    from ner_id.conll import read_conll
    from ner_id.training.ner import SILVER_FILE, TRAIN_FILES

    parser = argparse.ArgumentParser(description="Retrain word vectors on the vocabulary of shipped ones.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True, help="the new id_vectors.pt")
    parser.add_argument("--vocab-from", type=Path, required=True, help="shipped vectors whose words are kept")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--negative", type=int, default=10)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--more-text", action="store_true",
                        help="add the silver Wikipedia sentences and the Detik topic articles")
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    corpus = list(raw_sentences(args.data / "raw_text"))
    conll = TRAIN_FILES + ([SILVER_FILE] if args.more_text else [])
    corpus += [[t.lower() for t, _ in s] for rel in conll for s in read_conll(args.data / rel)]
    if args.more_text:
        corpus += list(article_sentences(args.data / "topics/detik_aspect_1000/detik_aspect_train.jsonl"))
    model = skipgram(corpus, epochs=args.epochs, negative=args.negative, min_count=args.min_count, seed=args.seed)
    shipped = torch.load(args.vocab_from, map_location="cpu", weights_only=True)
    words = shipped["words"].split("\n")
    fresh = {w: model.wv[w] for w in words if w in model.wv.key_to_index}
    logger.info("%d of %d words retrained", len(fresh), len(words))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"words": shipped["words"], "emb": aligned(words, shipped["emb"], fresh)}, args.out)


if __name__ == "__main__":
    main()
