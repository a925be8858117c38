"""Speed and memory of the default pipeline: load time, tokens/s (whole pipeline and per stage), peak RSS.

    python benchmarks/speed.py [--data ../shared/data] [--docs 300]

News text comes from ``raw_text/indosum_dev_articles.txt`` in the data folder when it is there,
else from the bundled example articles (repeated).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def news_texts(data: Path, count: int) -> list[str]:
    source = data / "raw_text" / "indosum_dev_articles.txt"
    if source.is_file():
        with open(source, encoding="utf-8") as handle:
            return [line.strip() for _, line in zip(range(count), handle)]
    articles = [json.loads(line)["text"] for line in open(ROOT / "examples" / "articles.jsonl", encoding="utf-8")]
    return [articles[i % len(articles)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    args = parser.parse_args()

    start = time.perf_counter()
    import ner_id

    nlp = ner_id.load()
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    load_s = time.perf_counter() - start
    texts = news_texts(args.data, args.docs)
    list(nlp.pipe(texts[:5]))  # warm up

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    total_s = time.perf_counter() - t0

    tokenized = []
    t0 = time.perf_counter()
    for text in texts:
        tokenized.append(nlp.tokenizer(text))
    tokenize_s = time.perf_counter() - t0
    sentences = [[t.text for t in s] for tok in tokenized for s in tok.sentence_tokens()]
    t0 = time.perf_counter()
    nlp.tagger.tag(sentences)
    tag_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for tok in tokenized:
        for s in tok.sentence_tokens():
            nlp._gazetteer(s)
    gazetteer_s = time.perf_counter() - t0

    tokens = sum(len(t.tokens) for t in tokenized)
    entities = sum(len(d.entities) for d in docs)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents            {len(texts)}")
    print(f"tokens               {tokens}")
    print(f"entities             {entities}")
    print(f"load time            {load_s:.2f} s (import + ner_id.load())")
    print(f"pipeline             {tokens / total_s:,.0f} tokens/s  ({len(texts) / total_s:.1f} docs/s)")
    print(f"  tokenise           {tokens / tokenize_s:,.0f} tokens/s  ({tokenize_s:.2f} s)")
    print(f"  tag                {tokens / tag_s:,.0f} tokens/s  ({tag_s:.2f} s)")
    print(f"  gazetteer          {tokens / gazetteer_s:,.0f} tokens/s  ({gazetteer_s:.2f} s)")
    print(f"  merge + rest       {max(total_s - tokenize_s - tag_s - gazetteer_s, 0):.2f} s")
    print(f"peak RSS             {rss_mb:.0f} MB")
    print(f"python               {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
