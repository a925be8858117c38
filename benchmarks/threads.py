"""The thread policy on a quiet and on a shared machine, measured in one run.

    python benchmarks/threads.py [--data ../shared/data] [--docs 40] [--calls 200]

For each policy (ner-id's default: one ONNX Runtime intra-op thread while tagging; ONNX
Runtime's own default, one per core: ``threads=None``), with nothing else running and then with one other busy process beside it
(a CPU-bound loop, as a notebook kernel or a second batch job would be): the throughput over
``--docs`` news articles, and p50 / p95 latency of one short sentence. Prints the busy/quiet
throughput ratio of each policy.
"""
from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import _cpu, news_texts  # noqa: E402

SENTENCE = "Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang, Jawa Barat, Kamis (2/3)."


def _busy() -> None:
    while True:
        sum(i * i for i in range(10_000))


def _figures(nlp, texts: list[str], calls: int) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    docs_per_s = len(texts) / (time.perf_counter() - t0)
    latencies = []
    for _ in range(calls):
        t0 = time.perf_counter()
        nlp(SENTENCE)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    return docs_per_s, statistics.median(latencies), latencies[int(0.95 * (len(latencies) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--model", default="default")
    args = parser.parse_args()

    import ner_id

    texts = news_texts(args.data, args.docs)
    print(f"cpu {_cpu()}, {multiprocessing.cpu_count()} cores; "
          f"{len(texts)} articles, {args.calls} calls of one sentence")
    for label, threads in (("ner-id default (threads=1)", 1), ("ORT default (threads=None)", None)):
        nlp = ner_id.load(model=args.model, threads=threads)
        list(nlp.pipe(texts[:4]))
        quiet = _figures(nlp, texts, args.calls)
        busy_process = multiprocessing.get_context("spawn").Process(target=_busy, daemon=True)
        busy_process.start()
        time.sleep(0.5)
        try:
            busy = _figures(nlp, texts, args.calls)
        finally:
            busy_process.terminate()
            busy_process.join()
        for name, (rate, p50, p95) in (("quiet", quiet), ("busy", busy)):
            print(f"{label:30} {name:5} {rate:7.2f} docs/s   sentence p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
        print(f"{label:30} busy/quiet throughput {busy[0] / quiet[0]:.2f}")


if __name__ == "__main__":
    main()
