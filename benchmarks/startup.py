"""Start-up time: ``import ner_id`` + ``ner_id.load()`` against the bare imports it needs, in fresh processes.

    python benchmarks/startup.py [--runs 5] [--model default]

Alternates the two commands ``--runs`` times each, each in a fresh Python process, and prints
their medians and the ratio (target: at most 1.3). Also the time of a CLI usage error (a wrong
input path), which must not import the model's libraries.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import _cpu  # noqa: E402

BARE = "import torch, spacy, stanza"


def seconds(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="default")
    args = parser.parse_args()
    load = f"import ner_id; ner_id.load(model={args.model!r})"
    usage = "from ner_id.cli import main; main(['extract', 'nope.jsonl', '-o', 'x.jsonl'])"
    seconds(BARE)  # warm the file cache
    bare, loaded, wrong = [], [], []
    for _ in range(args.runs):
        bare.append(seconds(BARE))
        loaded.append(seconds(load))
        wrong.append(seconds(usage))
    b, m = statistics.median(bare), statistics.median(loaded)
    print(f"cpu {_cpu()}; medians of {args.runs} fresh processes each")
    print(f"python -c '{BARE}'                {b:.2f} s")
    print(f"python -c 'import ner_id; ner_id.load()'  {m:.2f} s  (model {args.model})")
    print(f"ratio                                     {m / b:.2f}")
    print(f"ner-id extract nope.jsonl (usage error)   {statistics.median(wrong):.2f} s")


if __name__ == "__main__":
    main()
