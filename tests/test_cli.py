import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from conftest import EXAMPLES, FIXTURES
from ner_id import cli
from ner_id.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "ner_id.cli", *map(str, args)], capture_output=True, text=True)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_txt_to_jsonl(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", FIXTURES / "articles.txt", "-o", out, "--no-model")
    assert result.returncode == 0, result.stderr
    lines = read_jsonl(out)
    assert [line["id"] for line in lines] == [1, 3]  # blank line 2 is not a document
    texts = FIXTURES.joinpath("articles.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        text = texts[line["id"] - 1]
        assert all(text[e["start"]:e["end"]] == e["text"] for e in line["entities"])
    assert "docs 2, entities" in result.stderr and "errors 0" in result.stderr


@pytest.mark.model
def test_extract_jsonl_with_fields_and_the_model(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(out), "--id-field", "id", "--quiet"]) == 0
    lines = read_jsonl(out)
    assert [line["id"] for line in lines] == ["sco-dushanbe", "pilkada-jabar", "laba-bri", "banjir-kalsel"]
    assert any(e["text"] == "Zhao Kezhi" and e["label"] == "PER" for e in lines[0]["entities"])


def test_bad_records_go_to_the_errors_file(tmp_path):
    data = tmp_path / "in.jsonl.gz"
    rows = [b'{"id": "a", "body": "Ia ke Jakarta."}', b"{not json", b'{"id": "c", "body": 5}',
            b'{"id": "d"}', b'{"id": "e", "body": "ke Bali \xff\xfe"}', b'["list"]', b'{"id": "g", "body": "Bali"}']
    data.write_bytes(gzip.compress(b"\n".join(rows) + b"\n"))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = run("extract", data, "-o", out, "--text-field", "body", "--id-field", "id",
                 "--errors", errors, "--no-model")
    assert result.returncode == 0, result.stderr
    assert [line["id"] for line in read_jsonl(out)] == ["a", "g"]
    bad = read_jsonl(errors)
    assert [(b["line"], b["id"]) for b in bad] == [(2, 2), (3, "c"), (4, "d"), (5, 5), (6, 6)]
    assert "invalid JSON" in bad[0]["reason"] and "is int, not str" in bad[1]["reason"]
    assert "missing text field" in bad[2]["reason"] and "undecodable" in bad[3]["reason"]
    assert "docs 2" in result.stderr and "errors 5" in result.stderr


def test_resume_skips_done_ids_and_repairs_a_partial_line(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(out), "--id-field", "id",
                 "--no-model", "--quiet"]) == 0
    full = out.read_text(encoding="utf-8")
    first_two = "".join(full.splitlines(keepends=True)[:2])
    out.write_text(first_two + full.splitlines(keepends=True)[2][:25], encoding="utf-8")  # crash mid-line
    assert main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(out), "--id-field", "id",
                 "--no-model", "--quiet", "--resume"]) == 0
    assert out.read_text(encoding="utf-8") == full


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_outputs_round_trip_with_pandas(tmp_path, fmt):
    jsonl, table = tmp_path / "out.jsonl", tmp_path / f"out.{fmt}"
    for path in (jsonl, table):
        assert main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(path), "--id-field", "id",
                     "--no-model", "--quiet"]) == 0
    frame = pd.read_csv(table) if fmt == "csv" else pd.read_parquet(table)
    expected = [(line["id"], e["text"], e["start"]) for line in read_jsonl(jsonl) for e in line["entities"]]
    assert list(zip(frame["id"], frame["text"], frame["start"])) == expected


def test_csv_and_parquet_inputs(tmp_path):
    frame = pd.DataFrame({"doc": ["x1", "x2"], "text": ["Ia ke Jakarta.", "Delegasi AS tiba."]})
    frame.to_csv(tmp_path / "in.csv", index=False)
    frame.to_parquet(tmp_path / "in.parquet")
    for name in ("in.csv", "in.parquet"):
        out = tmp_path / f"{name}.jsonl"
        assert main(["extract", str(tmp_path / name), "-o", str(out), "--id-field", "doc", "--no-model", "--quiet"]) == 0
        assert [(r["id"], [e["text"] for e in r["entities"]]) for r in read_jsonl(out)] == \
            [("x1", ["Jakarta"]), ("x2", ["AS"])]


def test_usage_errors_exit_2(tmp_path):
    assert run("extract", tmp_path / "missing.jsonl", "-o", tmp_path / "o.jsonl").returncode == 2
    (tmp_path / "data.xml").write_text("<a/>")
    result = run("extract", tmp_path / "data.xml", "-o", tmp_path / "o.jsonl")
    assert result.returncode == 2 and "unknown input format" in result.stderr
    assert run("extract", FIXTURES / "articles.txt").returncode == 2  # no -o
    assert run("extract", FIXTURES / "articles.txt", "-o", tmp_path / "o.csv", "--resume").returncode == 2


def test_folder_and_several_inputs_qualify_ids_with_file_names(tmp_path):
    folder = tmp_path / "dump"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Ia ke Jakarta.\n\nKe Bali.\n", encoding="utf-8")
    (folder / "sub" / "b.jsonl").write_text('{"text": "Delegasi AS tiba."}\n', encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--no-model", "--quiet"]) == 0
    assert [(r["id"], [e["text"] for e in r["entities"]]) for r in read_jsonl(out)] == [
        ("a.txt:1", ["Jakarta"]), ("a.txt:3", ["Bali"]), ("b.jsonl:1", ["AS"])]
    single = tmp_path / "single.jsonl"
    assert main(["extract", str(folder / "a.txt"), "-o", str(single), "--no-model", "--quiet"]) == 0
    assert [r["id"] for r in read_jsonl(single)] == [1, 3]


@pytest.mark.parametrize("fmt,reader", [("csv", pd.read_csv), ("parquet", pd.read_parquet)])
def test_format_option_overrides_the_suffix(tmp_path, fmt, reader):
    out = tmp_path / "entities.out"
    assert main(["extract", str(FIXTURES / "articles.txt"), "-o", str(out), "--format", fmt, "--no-model",
                 "--quiet"]) == 0
    frame = reader(out)
    assert list(frame.columns) == ["id", "text", "label", "start", "end", "score", "source", "canonical", "kb_id",
                                   "group"]
    assert frame["id"].astype(str).tolist()[0] == "1"


@pytest.mark.model
def test_two_workers_write_the_same_lines_as_one(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for out, workers in ((one, "1"), (two, "2")):
        assert main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(out), "--id-field", "id",
                     "--workers", workers, "--batch-size", "1", "--model", "fast", "--quiet"]) == 0
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
    assert len(read_jsonl(one)) == 4


def test_ctrl_c_during_a_held_block_is_raised_when_the_block_ends():
    ctrl_c, done = cli.CtrlC(), []
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt), ctrl_c.installed():
        with ctrl_c.held():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.01)  # the handler runs here, between bytecodes, and only holds the signal back
            done.append("written")
            done.append("counted")
        done.append("after")  # not reached: the held Ctrl-C is raised as the block ends
    assert done == ["written", "counted"]
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_outside_a_held_block_is_raised_at_once():
    ctrl_c, done = cli.CtrlC(), []
    with pytest.raises(KeyboardInterrupt), ctrl_c.installed():  # before any block is held
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.01)
        done.append("not reached")
    with pytest.raises(KeyboardInterrupt), ctrl_c.installed():
        with ctrl_c.held():
            done.append("held")
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.01)
        done.append("after")
    assert done == ["held"] and not ctrl_c.pending
