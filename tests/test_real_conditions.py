"""Real conditions: the thread policy, linear cost on any input, nothing lost or doubled, fast failure."""
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace

import pandas as pd
import pyarrow.parquet as pq
import pytest

import ner_id
from conftest import EXAMPLES
from ner_id.cli import main

ARTICLES = [json.loads(line) for line in open(EXAMPLES / "articles.jsonl", encoding="utf-8")]


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- threads ---------------------------------------------------------------------------------------

def test_default_policy_tags_on_one_onnx_runtime_thread(nlp):
    assert nlp.config.threads == 1 and nlp.tagger.threads == 1 and nlp.config.backend == "onnx"
    assert nlp.tagger._network._word.get_session_options().intra_op_num_threads == 1
    assert [(e.text, e.label) for e in nlp("Presiden Joko Widodo tiba di Jakarta.").entities] == [
        ("Joko Widodo", "PER"), ("Jakarta", "LOC")]


@pytest.mark.model
def test_threads_option_is_validated_and_reaches_the_tagger():
    assert ner_id.load(model="fast", threads=2, topic_model=None).tagger.threads == 2
    assert ner_id.load(model="fast", threads=None, topic_model=None).tagger.threads is None
    for bad in (0, -1, 1.5, "2", True):
        with pytest.raises(ValueError, match="threads must be a positive int or None"):
            ner_id.load(model=False, threads=bad)


def test_a_replaced_pipeline_runs_its_own_settings_in_worker_processes(nlp):
    texts = [a["text"] for a in ARTICLES]
    ungrouped = replace(nlp, config=replace(nlp.config, group=False, keyphrases=False))
    assert ungrouped.config.group is False
    single = list(ungrouped.pipe(texts))
    assert all(d.groups == () and d.keyphrases == () for d in single)
    assert list(ungrouped.pipe(texts, n_process=2, batch_size=2)) == single
    assert single != list(nlp.pipe(texts))


# --- bad items and limits --------------------------------------------------------------------------

def test_pipe_names_the_index_and_type_of_a_bad_item(gazetteer_nlp):
    docs = gazetteer_nlp.pipe(["Ia ke Jakarta.", "Ke Bali.", None, "Ke Bandung."], batch_size=1)
    assert [d.text for d in (next(docs), next(docs))] == ["Ia ke Jakarta.", "Ke Bali."]
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, got NoneType"):
        next(docs)
    with pytest.raises(TypeError, match="iterable of str"):
        list(gazetteer_nlp.pipe("one string"))


def test_max_length_is_a_clear_error_and_can_be_raised():
    nlp = ner_id.load(model=False, max_length=20, topic_model=None)
    assert nlp("Ia ke Jakarta.").entities[0].text == "Jakarta"
    with pytest.raises(ValueError, match=r"21 characters, more than max_length=20.*ner_id.load\(max_length=\.\.\.\)"):
        nlp("Ia ke Jakarta lagi...")
    with pytest.raises(ValueError, match=r"texts\[1\] has 21 characters"):
        list(nlp.pipe(["ok", "x" * 21]))
    assert ner_id.load(model=False, topic_model=None).config.max_length == 10_000_000


# --- linear cost -----------------------------------------------------------------------------------

PIECES = ["!?.", "A ", ". ", "Joko Widodo ", "KPK (KPK) ", "GEMPA GUNCANG CIANJUR ", "((([[ ]]))) ", "x" * 5000,
          "Jakarta,Bandung;", "\ud800\x00 ", "🇮🇩 \u200b\u202e ", "Zhao Kezhi tiba di Dushanbe. ", "\n\n", " " * 50,
          "berinisial AB (12) di Polres Palopo ", "Kata Pak Suryadi di Mabes Polri. ", "Ikatan Dokter Nusantara (IDN) "]


def _seconds(nlp, text):
    start = time.perf_counter()
    doc = nlp(text)
    assert all(text[e.start:e.end] == e.text for e in doc.entities)
    return time.perf_counter() - start


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_time_per_character_stays_bounded_on_random_mixtures(nlp, seed):
    """Random mixtures of hostile pieces cost at most 10x news per character, and grow linearly."""
    rng = random.Random(seed)
    runs = [rng.choice(PIECES) * rng.randint(1, 400) for _ in range(60)]
    mixture = "".join(runs)[:60_000]
    news = ("\n\n".join(a["text"] for a in ARTICLES) * 20)[:60_000]
    nlp(news[:1000])
    news_rate = min(_seconds(nlp, news) for _ in range(2)) / len(news)
    small = min(_seconds(nlp, mixture[:15_000]) for _ in range(2))
    large = _seconds(nlp, mixture)
    assert large / len(mixture) <= 10 * news_rate
    assert large <= 4 * 2.0 * small + 0.5  # four times the text, at most twice the linear cost


# --- nothing lost, nothing doubled -------------------------------------------------------------------

def _dump(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_resume_never_duplicates_error_records(tmp_path):
    dump, out, errors = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    rows = [{"id": f"d{i}", "text": "Ia ke Jakarta."} if i % 3 else {"id": f"d{i}", "text": i} for i in range(30)]
    _dump(dump, rows)
    args = ["extract", str(dump), "-o", str(out), "--id-field", "id", "--no-model", "--quiet", "--errors", str(errors)]
    assert main(args) == 0
    first = errors.read_text(encoding="utf-8")
    out.write_text("".join(out.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    assert main([*args, "--resume"]) == 0
    assert errors.read_text(encoding="utf-8") == first
    assert [e["id"] for e in read_jsonl(errors)] == [f"d{i}" for i in range(0, 30, 3)]
    assert [r["id"] for r in read_jsonl(out)] == [f"d{i}" for i in range(30) if i % 3]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_input_id_is_in_every_output_format(tmp_path, fmt):
    dump, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    texts = ["Ia ke Jakarta.", "tanpa nama di sini", "", "Delegasi AS dan Korsel tiba di Jabar."]
    _dump(dump, [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)])
    assert main(["extract", str(dump), "-o", str(out), "--id-field", "id", "--no-model", "--quiet"]) == 0
    if fmt == "jsonl":
        rows = read_jsonl(out)
        assert [(r["id"], len(r["entities"])) for r in rows] == [("d0", 1), ("d1", 0), ("d2", 0), ("d3", 3)]
        return
    frame = pd.read_csv(out, keep_default_na=False, na_values=[""]) if fmt == "csv" else pd.read_parquet(out)
    assert frame["id"].tolist() == ["d0", "d1", "d2", "d3", "d3", "d3"]
    empty = frame[frame["id"].isin(["d1", "d2"])]
    assert empty["text"].isna().all() and empty["start"].isna().all()
    assert frame.loc[frame["id"] == "d3", "text"].tolist() == ["AS", "Korsel", "Jabar"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_lone_surrogates_never_break_a_writer(tmp_path, gazetteer_nlp, fmt):
    from ner_id.writers import open_writer

    text = "Ia ke Jakarta \udcff lalu \ud800Bali."
    doc = gazetteer_nlp(text)
    out = tmp_path / f"out.{fmt}"
    writer = open_writer(fmt, out)
    writer.write("id-\udc80", doc)
    writer.close()
    if fmt != "parquet":
        out.read_bytes().decode("utf-8")  # valid UTF-8
    if fmt == "jsonl":
        row = json.loads(out.read_text(encoding="utf-8"))
        assert row["id"] == "id-\udc80"  # JSON escapes: read back exactly
        assert [e["text"] for e in row["entities"]] == ["Jakarta", "Bali"]
    else:
        frame = pd.read_csv(out) if fmt == "csv" else pq.read_table(out).to_pandas()
        assert frame["id"].tolist() == ["id-\ufffd", "id-\ufffd"]
        assert frame["text"].tolist() == ["Jakarta", "Bali"]


def test_unknown_output_suffix_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(tmp_path / "out.xlsx")])
    assert exit_info.value.code == 2
    assert "unknown output suffix '.xlsx'" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()
    assert main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(tmp_path / "out.data"), "--format", "csv",
                 "--no-model", "--quiet"]) == 0


# --- the CLI fails fast and stops cleanly ------------------------------------------------------------

def test_a_wrong_input_path_fails_before_anything_heavy_is_imported(tmp_path):
    code = ("import sys; from ner_id.cli import main; rc = main(['extract', 'nope.jsonl', '-o', 'x.jsonl']); "
            "print(rc, sorted(m for m in ('torch', 'spacy', 'stanza', 'pandas') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.split("\n")[0] == "2 []"
    assert "nope.jsonl: no such file or folder" in result.stderr
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.model
def test_import_pulls_no_pandas_sklearn_or_training_code():
    code = ("import sys, ner_id; print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'pandas', 'sklearn', 'torch', 'spacy', 'stanza'}), any(m.startswith('ner_id.training') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[] False"
    code = "import sys, ner_id; ner_id.load(); print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'sklearn'}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_ctrl_c_stops_workers_and_prints_how_to_resume(tmp_path):
    dump, out = tmp_path / "dump.jsonl", tmp_path / "out.jsonl"
    _dump(dump, [{"id": f"d{i}", "text": ARTICLES[i % len(ARTICLES)]["text"]} for i in range(3000)])
    command = [sys.executable, "-m", "ner_id.cli", "extract", str(dump), "-o", str(out), "--id-field", "id",
               "--no-model", "--quiet", "--workers", "2", "--batch-size", "4"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    written = len(read_jsonl(out))
    assert 0 < written < 3000
    assert f"interrupted; {written} documents written" in lines[0] and "--resume" in lines[0]
    assert subprocess.run([*command, "--resume"], capture_output=True).returncode == 0
    assert [r["id"] for r in read_jsonl(out)] == [f"d{i}" for i in range(3000)]
