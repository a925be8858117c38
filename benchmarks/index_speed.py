"""Speed and memory of the whole-dump index on generated ``ner-id extract`` output.

    python benchmarks/index_speed.py [--docs 100000] [--names 5000]

Writes ``--docs`` generated documents (8 mentions each, drawn from ``--names`` distinct people,
places and organisations, some linked by aliases, with dates) as extract JSONL, then times
``ner-id index``'s build on one core and prints documents/s, the number of entities and the
peak RSS of the process (pandas and pyarrow imported first and timed apart). Memory grows with
the distinct names, not with the documents: run it with two ``--docs`` values to see.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import _cpu  # noqa: E402

LABELS = ("PER", "LOC", "ORG")


def generate(path: Path, docs: int, names: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    pool = [(f"Nama{i} Keluarga{i % 97}", LABELS[i % 3]) for i in range(names)]
    with open(path, "w", encoding="utf-8") as handle:
        for d in range(docs):
            entities, position = [], 0
            for group, (name, label) in enumerate(rng.sample(pool, 6)):
                for surface in (name, name.split()[0]) if group % 3 == 0 else (name,):
                    entities.append({"text": surface, "label": label, "start": position, "end": position + len(surface),
                                     "score": 0.9, "source": "model", "canonical": None, "kb_id": None, "group": group})
                    position += len(surface) + 2  # "Nama Keluarga (Nama": an explicit alias link
            date = f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}"
            handle.write(json.dumps({"id": f"d{d}", "date": date, "entities": entities,
                                     "topics": [{"id": ("politics", "economy", "sport")[d % 3], "label": "", "score": 1}]})
                         + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--names", type=int, default=5_000)
    args = parser.parse_args()
    start = time.perf_counter()
    import pandas  # noqa: F401  (imported by the index on first use: timed apart)
    import pyarrow.parquet  # noqa: F401

    from ner_id.index import write
    imports = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "tagged.jsonl"
        generate(dump, args.docs, args.names)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        tables = write(dump, Path(work) / "index", date_field="date", period="month")
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cpu {_cpu()}")
    print(f"documents {args.docs:,}, mentions {args.docs * 8:,}, entities {len(tables.entities):,}, "
          f"pairs {len(tables.cooccurrence):,}, ambiguous aliases {len(tables.ambiguous):,}")
    print(f"index: {elapsed:.1f} s, {args.docs / elapsed:,.0f} documents/s (two passes, one core; "
          f"imports before it {imports:.1f} s)")
    print(f"peak RSS {peak:.0f} MB (before indexing {before:.0f} MB)")


if __name__ == "__main__":
    main()
