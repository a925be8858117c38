"""Speed and memory of the pipeline: load time, tokens/s (whole pipeline and per stage), peak RSS.

    python benchmarks/speed.py [--data ../shared/data] [--docs 300]            # default vs fast, one run
    python benchmarks/speed.py --model default --docs 300                      # one model, this process

The comparison runs each model in its own fresh process, twice, alternating (fast, default,
fast, default), at the default thread policy (one torch thread per process), and prints the
median of each figure and the default/fast tokens/s ratio. News text comes from
``raw_text/indosum_dev_articles.txt`` in the data folder when it is there, else from the
bundled example articles (repeated).
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
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


def measure(model: str, data: Path, docs: int) -> dict[str, float]:
    """Figures of one model in this process."""
    start = time.perf_counter()
    import spacy  # noqa: F401  (imports counted apart from building the pipeline)
    import stanza  # noqa: F401
    import torch  # noqa: F401

    import ner_id

    imported = time.perf_counter()
    nlp = ner_id.load(model=model)
    built = time.perf_counter()
    texts = news_texts(data, docs)
    list(nlp.pipe(texts[:5]))  # warm up

    t0 = time.perf_counter()
    results = list(nlp.pipe(texts, batch_size=32))
    total_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    tokenized = [nlp.tokenizer(text) for text in texts]
    tokenize_s = time.perf_counter() - t0
    sentences = [s for tok in tokenized for s in tok.sentence_tokens()]
    t0 = time.perf_counter()
    nlp.tagger.tag([[t.text for t in s] for s in sentences])
    tag_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in sentences:
        nlp.match_gazetteers(s)
    gazetteer_s = time.perf_counter() - t0
    tokens = sum(len(t.tokens) for t in tokenized)
    return {"docs": len(texts), "tokens": tokens, "entities": sum(len(d.entities) for d in results),
            "import_s": imported - start, "load_s": built - imported, "tokens_per_s": tokens / total_s,
            "tokenize_s": tokenize_s, "tag_s": tag_s, "gazetteer_s": gazetteer_s,
            "rest_s": max(total_s - tokenize_s - tag_s - gazetteer_s, 0.0),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def compare(data: Path, docs: int, rounds: int) -> None:
    runs: dict[str, list[dict[str, float]]] = {"fast": [], "default": []}
    for _ in range(rounds):
        for model in runs:
            out = subprocess.run([sys.executable, __file__, "--model", model, "--docs", str(docs), "--data", str(data),
                                  "--json"], capture_output=True, text=True, check=True).stdout
            runs[model].append(json.loads(out))
    median = {m: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for m, rs in runs.items()}
    print(f"cpu                  {_cpu()}, python {sys.version.split()[0]}")
    print(f"documents / tokens   {median['fast']['docs']:.0f} / {median['fast']['tokens']:.0f}")
    for key, unit in (("tokens_per_s", "tokens/s"), ("load_s", "s ner_id.load() after imports"),
                      ("import_s", "s imports"), ("tag_s", "s tagging"), ("peak_rss_mb", "MB peak RSS"),
                      ("entities", "entities")):
        print(f"{key:20} fast {median['fast'][key]:10,.2f}   default {median['default'][key]:10,.2f}   {unit}")
    print(f"ratio default/fast   tokens/s {median['default']['tokens_per_s'] / median['fast']['tokens_per_s']:.2f}, "
          f"load {median['default']['load_s'] / median['fast']['load_s']:.2f}  (medians of {rounds} runs each)")


def _cpu() -> str:
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--model", choices=["default", "fast"], default=None, help="one model in this process")
    parser.add_argument("--rounds", type=int, default=2, help="runs per model in the comparison")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.model is None:
        compare(args.data, args.docs, args.rounds)
        return
    figures = measure(args.model, args.data, args.docs)
    print(json.dumps(figures) if args.json else "\n".join(f"{k:20} {v:,.2f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
