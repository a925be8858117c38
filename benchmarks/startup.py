"""Start-up time: ``import ner_id`` + ``ner_id.load()`` against the bare imports it needs, in fresh processes.

    python benchmarks/startup.py [--runs 5] [--model default]
    /tmp/venv-notorch/bin/python benchmarks/startup.py --against /usr/bin/python3   # no-torch env vs a torch env

Alternates the commands ``--runs`` times each, each in a fresh Python process started in an
empty folder (so the installed ``ner_id`` is imported, not a checkout), and prints their medians
and the ratio to the bare imports (``spacy, onnxruntime``). ``--against PYTHON`` also times
``import ner_id; ner_id.load()`` with another interpreter (say, an environment with torch and an
older ner-id) and prints this one's time over that one's. Also the time of a CLI usage error (a
wrong input path), which must not import the model's libraries.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import _cpu  # noqa: E402

BARE = "import spacy, onnxruntime"
EMPTY = tempfile.mkdtemp()


def seconds(code: str, python: str = sys.executable) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-c", code], check=True, capture_output=True, cwd=EMPTY)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="default")
    parser.add_argument("--against", default=None, metavar="PYTHON",
                        help="another interpreter whose import ner_id; ner_id.load() is the baseline")
    args = parser.parse_args()
    load = f"import ner_id; ner_id.load(model={args.model!r})"
    usage = "from ner_id.cli import main; main(['extract', 'nope.jsonl', '-o', 'x.jsonl'])"
    seconds(BARE)  # warm the file cache
    bare, loaded, wrong, other = [], [], [], []
    if args.against:
        seconds("import ner_id; ner_id.load()", args.against)
    for _ in range(args.runs):
        bare.append(seconds(BARE))
        loaded.append(seconds(load))
        wrong.append(seconds(usage))
        if args.against:
            other.append(seconds("import ner_id; ner_id.load()", args.against))
    b, m = statistics.median(bare), statistics.median(loaded)
    print(f"cpu {_cpu()}; medians of {args.runs} fresh processes each; python {sys.executable}")
    print(f"python -c '{BARE}'                  {b:.2f} s")
    print(f"python -c 'import ner_id; ner_id.load()'  {m:.2f} s  (model {args.model})")
    print(f"ratio                                     {m / b:.2f}")
    print(f"ner-id extract nope.jsonl (usage error)   {statistics.median(wrong):.2f} s")
    if args.against:
        o = statistics.median(other)
        print(f"{args.against} -c 'import ner_id; ner_id.load()'  {o:.2f} s")
        print(f"this over that                            {m / o:.2f}")


if __name__ == "__main__":
    main()
