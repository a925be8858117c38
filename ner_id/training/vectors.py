"""Train lower-cased word vectors with gensim and convert them to a Stanza pretrain file."""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

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
    from gensim.models import Word2Vec

    corpus = [s for s in sentences if s]
    counts = Counter(w for s in corpus for w in s)
    logger.info("word2vec on %d sentences, %d tokens", len(corpus), sum(counts.values()))
    model = Word2Vec(corpus, vector_size=dim, window=5, min_count=3, sg=1, workers=2,
                     epochs=epochs, seed=seed)
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


def to_pretrain(vectors_txt: Path, pretrain_pt: Path) -> None:
    """Convert word2vec text vectors to Stanza's ``.pt`` pretrain format."""
    from stanza.models.common.pretrain import Pretrain

    if pretrain_pt.exists():
        pretrain_pt.unlink()
    pretrain = Pretrain(str(pretrain_pt), str(vectors_txt), max_vocab=-1, save_to_file=True)
    pretrain.load()
