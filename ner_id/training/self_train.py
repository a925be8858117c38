"""Self-training data: news sentences tagged by the shipped pipeline, kept where it is confident.

    python -m ner_id.training.self_train --data ../shared/data --out build/self/news.tsv
    python -m ner_id.training.ner --out build/ner_self --extra build/self/news.tsv ...

Reads the raw news text (``raw_text``: PANL news sentences, IndoSum articles, Leipzig news crawl,
Kompas 2025 news), tags it with ``ner_id.load()`` and writes a two-column CoNLL file (token TAB
BIO tag) of the sentences where

- every entity has a score of at least ``--min-score`` (the tagger's confidence; 1.0 for an exact
  gazetteer match), and no entity is a fuzzy gazetteer match (a misspelling is not a name to learn);
- every entity starts and ends on token boundaries;
- the sentence has 5 to 60 tokens, and at least one entity (sentences without any are kept at
  the share ``--empty``, so the tagger still sees text without names).

Only the tagger's own text goes in: nothing of the dev or test splits is read here.
"""
from __future__ import annotations

import argparse
import logging
import random
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

from ner_id.types import Document, Entity, Token

logger = logging.getLogger("ner_id.training.self_train")

NEWS_FILES = ["raw_text/panl_bppt_id_eco.txt", "raw_text/panl_bppt_id_int.txt", "raw_text/panl_bppt_id_sci.txt",
              "raw_text/panl_bppt_id_spo.txt", "raw_text/indosum_dev_articles.txt",
              "raw_text/more/leipzig_ind_newscrawl_2016_10k/leipzig_ind_newscrawl_2016_10k.00.txt",
              "raw_text/more/naandalist_trending_news_2025/naandalist_news.00.txt"]


def news_lines(data: Path, per_file: int, rng: random.Random) -> Iterator[str]:
    """Up to ``per_file`` random non-empty lines of each news file (articles are cut to 3,000 characters)."""
    for rel in NEWS_FILES:
        lines = [line.strip() for line in (data / rel).read_text(encoding="utf-8").splitlines() if line.strip()]
        rng.shuffle(lines)
        for line in lines[:per_file]:
            yield line[:3000]


def confident_sentences(doc: Document, min_score: float) -> Iterator[tuple[list[tuple[str, str]], int]]:
    """(token, BIO tag) sentences of ``doc`` whose entities are all confident; with their entity count."""
    token_starts = [t.start for t in doc.tokens]
    entity_starts = [e.start for e in doc.entities]  # entities come sorted by start
    for start, end in doc.sentences:
        tokens = list(doc.tokens[bisect_left(token_starts, start):bisect_left(token_starts, end)])
        entities = [e for e in doc.entities[bisect_left(entity_starts, start):bisect_left(entity_starts, end)]
                    if e.end <= end]
        if not 5 <= len(tokens) <= 60 or not all(_confident(e, min_score) for e in entities):
            continue
        tags = _bio(tokens, entities)
        if tags is not None:
            yield [(t.text, tag) for t, tag in zip(tokens, tags)], len(entities)


def _confident(entity: Entity, min_score: float) -> bool:
    fuzzy = entity.source == "gazetteer" and entity.score < 1.0
    return entity.score >= min_score and not fuzzy


def _bio(tokens: list[Token], entities: list[Entity]) -> list[str] | None:
    """BIO tags of the tokens, or None when an entity does not start and end on token boundaries."""
    starts = {t.start: n for n, t in enumerate(tokens)}
    ends = {t.end: n for n, t in enumerate(tokens)}
    tags = ["O"] * len(tokens)
    for e in entities:
        first, last = starts.get(e.start), ends.get(e.end)
        if first is None or last is None or last < first:
            return None
        tags[first] = f"B-{e.label}"
        for n in range(first + 1, last + 1):
            tags[n] = f"I-{e.label}"
    return tags


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True, help="CoNLL file to write")
    parser.add_argument("--per-file", type=int, default=1500, help="lines read from each news file")
    parser.add_argument("--min-score", type=float, default=0.9, help="lowest tagger score of a kept entity")
    parser.add_argument("--empty", type=float, default=0.2, help="share of sentences without entities kept")
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    import ner_id

    rng = random.Random(args.seed)
    nlp = ner_id.load(topic_model=None, keyphrases=False)
    kept = seen = 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        for doc in nlp.pipe(news_lines(args.data, args.per_file, rng), batch_size=32):
            for sentence, count in confident_sentences(doc, args.min_score):
                seen += 1
                if count == 0 and rng.random() >= args.empty:
                    continue
                kept += 1
                handle.write("".join(f"{token}\t{tag}\n" for token, tag in sentence) + "\n")
    logger.info("kept %d of %d confident sentences", kept, seen)


if __name__ == "__main__":
    main()
