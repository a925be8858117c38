"""Faults: a killed run resumes without loss or duplicates; corrupted inputs become error records."""
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES
from ner_id.readers import BadRecord, Record, read_records

ARTICLES = [json.loads(line)["text"] for line in open(EXAMPLES / "articles.jsonl", encoding="utf-8")]


def write_dump(path, count):
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps({"id": f"d{i}", "text": ARTICLES[i % len(ARTICLES)]}) + "\n")


def extract(*args):
    return [sys.executable, "-m", "ner_id.cli", "extract", *map(str, args), "--id-field", "id", "--no-model",
            "--quiet", "--batch-size", "8"]


@pytest.mark.slow
def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path):
    dump, full, killed = tmp_path / "dump.jsonl", tmp_path / "full.jsonl", tmp_path / "killed.jsonl"
    write_dump(dump, 2000)
    subprocess.run(extract(dump, "-o", full), check=True)
    process = subprocess.Popen(extract(dump, "-o", killed))
    deadline = time.time() + 120
    while time.time() < deadline and (not killed.exists() or killed.stat().st_size < 100_000):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = killed.read_text(encoding="utf-8").count("\n")
    assert 0 < partial < 2000, "the run must be killed mid-way"
    subprocess.run(extract(dump, "-o", killed, "--resume"), check=True)
    ids = [json.loads(line)["id"] for line in killed.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 2000
    assert killed.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")  # same lines, same order


def records(path, **kw):
    return list(read_records(path, id_field="id", **kw))


@pytest.mark.parametrize("seed", range(5))
def test_corrupted_jsonl_and_gzip_never_crash(tmp_path, seed):
    rng = random.Random(seed)
    good = tmp_path / "good.jsonl"
    write_dump(good, 50)
    data = bytearray(good.read_bytes())
    for _ in range(20):  # flip random bytes
        data[rng.randrange(len(data))] = rng.randrange(256)
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(bytes(data))
    out = records(broken)
    assert all(isinstance(r, (Record, BadRecord)) for r in out)
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    assert len(out) == lines  # every line is a document or an error
    zipped = gzip.compress(good.read_bytes())
    truncated = tmp_path / "truncated.jsonl.gz"
    truncated.write_bytes(zipped[: rng.randrange(20, len(zipped) - 10)])
    out = records(truncated)
    assert isinstance(out[-1], BadRecord) and "unreadable" in out[-1].reason
    garbage = tmp_path / "garbage.jsonl.gz"
    garbage.write_bytes(bytes(rng.randrange(256) for _ in range(500)))
    [bad] = records(garbage)  # not gzip: one error, and no record read from it
    assert isinstance(bad, BadRecord) and (bad.line, bad.reason.split(":")[0]) == (1, "unreadable file after line 0")


@pytest.mark.parametrize("content,survivors,errors", [
    (b'id,text\n1,"Jakarta\n2,Bandung\n', [], ["malformed CSV: unexpected end of data"]),  # unterminated quote
    (b"id,text\n1,Jakarta,extra\n2,Bali\n", [("2", "Bali")], [(2, "more fields than the header")]),
    (b"id,text\n1,\xff\xfeJakarta\n2,Bali\n", [("2", "Bali")], [(2, "undecodable bytes")]),
    (b"id,text\n1,Jakarta\n2\n3,Bali\n", [("1", "Jakarta"), ("3", "Bali")], [(3, "fewer fields than the header")]),
    (b"id,text\n1,Jakarta\n2", [("1", "Jakarta")], [(3, "fewer fields than the header")]),  # truncated last row
    (b"\x00\x00\x00", [], [(1, "the header has no 'text' column")]),
])
def test_corrupted_csv_keeps_exactly_the_good_rows(tmp_path, content, survivors, errors):
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    out = records(path)
    assert [(r.id, r.text) for r in out if isinstance(r, Record)] == survivors
    bad = [r for r in out if isinstance(r, BadRecord)]
    assert len(bad) == len(errors)
    for record, expected in zip(bad, errors):
        line, reason = expected if isinstance(expected, tuple) else (record.line, expected)
        assert record.line == line and record.reason.startswith(reason) and record.source == str(path)


def test_corrupted_parquet_is_one_error(tmp_path):
    path = tmp_path / "in.parquet"
    path.write_bytes(b"PAR1" + b"\x00" * 100)
    [bad] = records(path)
    assert isinstance(bad, BadRecord) and "Parquet" in bad.reason


def test_record_counts_for_the_progress_bar(tmp_path):
    from ner_id.readers import count_records

    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{bad\n', encoding="utf-8")
    (tmp_path / "a.csv").write_text("id,text\n1,a\n2,b\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("satu\ndua\n\ntiga\n", encoding="utf-8")
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n'))
    import pandas as pd

    pd.DataFrame({"text": ["a", "b", "c", "d"]}).to_parquet(tmp_path / "a.parquet")
    counts = {name: count_records(tmp_path / name) for name in ("a.jsonl", "a.csv", "a.txt", "a.jsonl.gz", "a.parquet")}
    assert counts == {"a.jsonl": 3, "a.csv": 2, "a.txt": 4, "a.jsonl.gz": None, "a.parquet": 4}
