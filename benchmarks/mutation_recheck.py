"""Re-check surviving mutants against tests written since the run: each survivor of a mutation report
(``build/mutation_survivors.diff``) is applied to the working tree in turn, the tests run, the file
restored. Prints each mutant that still survives, then the counts.

    python benchmarks/mutation_recheck.py build/mutation_survivors.diff tests/test_news_bodies.py [...]

A survivor whose mutated line no longer appears once in its function's file (the code changed) is
counted as skipped.
"""
from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(report: str, tests: list[str]) -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a killed run still restores the file it mutated
    blocks = [b for b in re.split(r"(?m)^(?=# ner_id\.)", Path(report).read_text(encoding="utf-8"))
              if b.startswith("# ner_id.")]
    counts = {"caught": 0, "survived": 0, "skipped": 0}
    for block in blocks:
        name = block.split(":")[0][2:]
        lines = block.splitlines()
        path = ROOT / re.search(r"(?m)^--- (\S+)", block).group(1)
        old = "\n".join(line[1:] for line in lines if line.startswith("-") and not line.startswith("---"))
        new = "\n".join(line[1:] for line in lines if line.startswith("+") and not line.startswith("+++"))
        source = path.read_text(encoding="utf-8")
        if not old or source.count(old) != 1:
            counts["skipped"] += 1
            continue
        path.write_text(source.replace(old, new), encoding="utf-8")
        try:
            result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                                    cwd=ROOT, capture_output=True, timeout=600)
            caught = result.returncode != 0
        except subprocess.TimeoutExpired:
            caught = True
        finally:
            path.write_text(source, encoding="utf-8")
        counts["caught" if caught else "survived"] += 1
        if not caught:
            print("survived", name)
    print(" ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
