"""Throughput of ``ner-id extract`` on a generated article dump, with 1 and 2 workers.

    python benchmarks/cli_throughput.py [--docs 10000] [--workers 1 2]

Generates a JSONL dump from the example articles (paragraphs shuffled, names and numbers
varied), then times the CLI end to end and the pipeline's own ``nlp.pipe`` on the same texts,
and prints docs/s, tokens/s and the peak RSS of the workers.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Zhao Kezhi", "Ramazon Rahimzoda", "Sunarso", "Abdul Muhari", "Sahbirin Noor", "Tito Karnavian",
         "Retno Marsudi", "Sri Mulyani", "Budi Gunawan", "Ahmad Yani", "Siti Nurhaliza", "Andi Wijaya"]
PLACES = ["Dushanbe", "Bandung", "Jakarta", "Surabaya", "Makassar", "Kalimantan Selatan", "Jawa Barat", "Tashkent",
          "Medan", "Kabupaten Garut", "Beijing", "Kuala Lumpur"]


def make_dump(path: Path, count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    articles = [json.loads(line)["text"] for line in open(ROOT / "examples" / "articles.jsonl", encoding="utf-8")]
    texts = []
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            paragraphs = articles[i % len(articles)].split("\n\n")
            rng.shuffle(paragraphs)
            text = "\n\n".join(paragraphs)
            for old, pool in (("Zhao Kezhi", NAMES), ("Sunarso", NAMES), ("Dushanbe", PLACES), ("Bandung", PLACES)):
                text = text.replace(old, rng.choice(pool))
            text = text.replace("12 persen", f"{rng.randint(2, 40)} persen")
            texts.append(text)
            handle.write(json.dumps({"id": f"doc-{i}", "text": text}, ensure_ascii=False) + "\n")
    return texts


def run_cli(dump: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds and the peak RSS (MB) of the largest process (the CLI or one of its workers)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ner_id.cli", "extract", str(dump), "-o", str(out), "--id-field", "id",
                    "--workers", str(workers), "--quiet", "--batch-size", "32"], check=True)
    elapsed = time.perf_counter() - start
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    import ner_id

    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.jsonl"
        texts = make_dump(dump, args.docs)
        nlp = ner_id.load()
        tokens = sum(len(nlp.tokenizer(t).tokens) for t in texts)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        pipe_s = time.perf_counter() - start
        print(f"dump: {args.docs} docs, {tokens} tokens")
        print(f"nlp.pipe (in-process, loaded) {args.docs / pipe_s:8.1f} docs/s {tokens / pipe_s:9,.0f} tokens/s")
        rates = {}
        for workers in args.workers:
            elapsed, rss = run_cli(dump, Path(tmp) / f"out{workers}.jsonl", workers)
            rates[workers] = args.docs / elapsed
            print(f"CLI --workers {workers}              {rates[workers]:8.1f} docs/s {tokens / elapsed:9,.0f} tokens/s"
                  f"  (incl. start-up and load; peak RSS of a process {rss:.0f} MB)")
        if 1 in rates and 2 in rates:
            print(f"speed-up 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
            print(f"CLI (1 worker) / nlp.pipe: {rates[1] / (args.docs / pipe_s):.2f}")
        same = [Path(tmp, f"out{w}.jsonl").read_text(encoding="utf-8") for w in args.workers]
        print(f"outputs identical across worker counts: {all(s == same[0] for s in same)}")


if __name__ == "__main__":
    main()
