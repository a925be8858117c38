"""Speed and memory of the pipeline: load time, tokens/s (whole pipeline and per stage), peak RSS.

    python benchmarks/speed.py [--data ../shared/data] [--docs 300]            # the three set-ups, one run
    python benchmarks/speed.py --model default --backend onnx --docs 300       # one set-up, this process

The comparison runs each set-up (the default model on Stanza + torch, the reference and the
tagger of ner-id 0.2; the default and the fast model on ONNX Runtime) in its own fresh process,
twice, alternating, at the default thread policy (one intra-op thread per process), and prints
the median of each figure and each set-up's tokens/s over the Stanza one's. News text comes from
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


def measure(model: str, backend: str, data: Path, docs: int) -> dict[str, float]:
    """Figures of one model on one backend in this process."""
    start = time.perf_counter()
    import spacy  # noqa: F401  (imports counted apart from building the pipeline)

    if backend == "stanza":
        import stanza  # noqa: F401
        import torch  # noqa: F401
    else:
        import onnxruntime  # noqa: F401
    import ner_id

    imported = time.perf_counter()
    nlp = ner_id.load(model=model, backend=backend)
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


SETUPS = {"default/stanza": ("default", "stanza"), "default/onnx": ("default", "onnx"), "fast/onnx": ("fast", "onnx")}


def compare(data: Path, docs: int, rounds: int) -> None:
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in SETUPS}
    for _ in range(rounds):
        for name, (model, backend) in SETUPS.items():
            out = subprocess.run([sys.executable, __file__, "--model", model, "--backend", backend, "--docs", str(docs),
                                  "--data", str(data), "--json"], capture_output=True, text=True, check=True).stdout
            runs[name].append(json.loads(out))
    median = {m: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for m, rs in runs.items()}
    first = median["default/stanza"]
    print(f"cpu                  {_cpu()}, python {sys.version.split()[0]}")
    print(f"documents / tokens   {first['docs']:.0f} / {first['tokens']:.0f}   (medians of {rounds} runs each)")
    print(f"{'':20} " + "".join(f"{name:>16}" for name in SETUPS))
    for key, unit in (("tokens_per_s", "tokens/s"), ("load_s", "s ner_id.load() after imports"),
                      ("import_s", "s imports"), ("tokenize_s", "s tokenising"), ("tag_s", "s tagging"),
                      ("gazetteer_s", "s gazetteers"), ("rest_s", "s rest"), ("peak_rss_mb", "MB peak RSS"),
                      ("entities", "entities")):
        print(f"{key:20} " + "".join(f"{median[name][key]:16,.2f}" for name in SETUPS) + f"   {unit}")
    print(f"{'tokens/s ratio':20} " + "".join(f"{median[name]['tokens_per_s'] / first['tokens_per_s']:16.2f}"
                                               for name in SETUPS) + "   over default/stanza")


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
    parser.add_argument("--backend", choices=["onnx", "stanza"], default="onnx", help="its backend (with --model)")
    parser.add_argument("--rounds", type=int, default=2, help="runs per set-up in the comparison")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.model is None:
        compare(args.data, args.docs, args.rounds)
        return
    figures = measure(args.model, args.backend, args.data, args.docs)
    print(json.dumps(figures) if args.json else "\n".join(f"{k:20} {v:,.2f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
