"""The command line in this process: exact summaries, messages, exit codes and output fields."""
import io
import json
import time
from types import SimpleNamespace

import pytest
from test_topics import corpus

from conftest import FIXTURES, run_in_ascii_locale
from ner_id import cli
from ner_id.cli import main

TOPIC_TEXTS = corpus()[0]


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary(capsys):
    """The summary line of the run just done (after "loading ...", before the errors' explanation)."""
    [line] = [line for line in capsys.readouterr().err.splitlines() if line.startswith("docs ")]
    return line


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Ia ke Jakarta.", "date": "2025-01-06"}\n'
                    "{bad\n"
                    '{"id": "b", "text": "Delegasi AS tiba di Bali.", "date": "2025-01-07"}\n', encoding="utf-8")
    return path


def test_extract_summary_counts_and_kept_fields(tmp_path, dump, capsys):
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["extract", str(dump), "-o", str(out), "--id-field", "id", "--no-model", "--keep-field", "date",
                 "--errors", str(errors), "--batch-size", "1"]) == 0
    assert summary(capsys).startswith("docs 2, entities 3, errors 1, skipped 0, ")
    rows = read_jsonl(out)
    assert [(r["id"], r["date"], [e["text"] for e in r["entities"]]) for r in rows] == [
        ("a", "2025-01-06", ["Jakarta"]), ("b", "2025-01-07", ["AS", "Bali"])]
    assert read_jsonl(errors) == [{"source": str(dump), "line": 2, "id": 2,
                                   "reason": "invalid JSON (Expecting property name enclosed in double quotes: column 2)"}]
    with open(dump, "a", encoding="utf-8") as handle:
        handle.write('{"id": "c", "text": "Ke Bandung."}\n')
    assert main(["extract", str(dump), "-o", str(out), "--id-field", "id", "--no-model", "--resume",
                 "--errors", str(errors)]) == 0
    assert summary(capsys).startswith("docs 1, entities 1, errors 1, skipped 2, ")
    assert [r["id"] for r in read_jsonl(out)] == ["a", "b", "c"] and len(read_jsonl(errors)) == 1


def test_extract_uses_the_tagger_unless_no_model(tmp_path, capsys):
    text = FIXTURES / "articles.txt"
    tagged, gazetteer = tmp_path / "tagged.jsonl", tmp_path / "gazetteer.jsonl"
    assert main(["extract", str(text), "-o", str(tagged), "--model", "fast"]) == 0
    assert main(["extract", str(text), "-o", str(gazetteer), "--no-model"]) == 0
    sources = lambda path: {e["source"] for r in read_jsonl(path) for e in r["entities"]}  # noqa: E731
    assert "model" in sources(tagged) and sources(gazetteer) == {"gazetteer"}
    person = [e["text"] for r in read_jsonl(tagged) for e in r["entities"] if e["label"] == "PER"]
    assert "Zhao Kezhi" in person


@pytest.mark.parametrize("extra, message", [
    (["-o", "OUT.csv", "--resume"], "--resume needs JSONL output"),
    (["-o", "OUT.jsonl", "--workers", "0"], "--workers and --batch-size must be at least 1"),
    (["-o", "OUT.jsonl", "--batch-size", "0"], "--workers and --batch-size must be at least 1"),
    (["-o", "OUT.xlsx"], "unknown output suffix '.xlsx'; use .jsonl, .csv, .parquet or name the format with --format"),
])
def test_extract_usage_errors_say_what_is_wrong(tmp_path, capsys, extra, message):
    args = ["extract", str(FIXTURES / "articles.txt"), *[a.replace("OUT", str(tmp_path / "out")) for a in extra]]
    with pytest.raises(SystemExit) as stop:
        main(args)
    last = capsys.readouterr().err.splitlines()[-1]
    assert stop.value.code == 2 and last.startswith("ner-id: error: ") and last.endswith(message)


def test_index_summary_options_and_errors(tmp_path, dump, capsys, monkeypatch):
    tagged = tmp_path / "tagged.jsonl"
    assert main(["extract", str(dump), "-o", str(tagged), "--id-field", "id", "--no-model", "--keep-field", "date",
                 "--quiet"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(cli, "time", SimpleNamespace(perf_counter=iter([100.0, 102.34]).__next__))  # two reads
    assert main(["index", str(tagged), "-o", str(tmp_path / "ix"), "--date-field", "date", "--period", "month"]) == 0
    monkeypatch.undo()
    assert capsys.readouterr().err == f"entities 3, pairs 1, ambiguous aliases 0, 2.3 s -> {tmp_path / 'ix'}\n"
    import pandas as pd

    assert pd.read_parquet(tmp_path / "ix" / "timeline.parquet")["period"].tolist() == ["2025-01"] * 3
    assert main(["index", str(tagged), "-o", str(tmp_path / "ix2"), "--min-documents", "2"]) == 0
    assert capsys.readouterr().err.startswith("entities 3, pairs 0, ")
    assert main(["index", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "ix3")]) == 2
    assert capsys.readouterr().err == f"ner-id: error: {tmp_path / 'missing.jsonl'}: no such file\n"
    assert main(["index", str(dump), "-o", str(tmp_path / "ix4")]) == 2  # raw articles, not extract output
    err = capsys.readouterr().err
    assert err == f"ner-id: error: {dump}: record 'a' has no 'entities' list (is it ner-id extract output?)\n"


def test_topics_output_fields_summary_and_errors(tmp_path, capsys, monkeypatch):
    texts, _ = corpus()
    data = tmp_path / "docs.jsonl"
    data.write_text("".join(json.dumps({"id": f"dé{i}", "text": t}) + "\n" for i, t in enumerate(texts)) + "{bad\n")
    out = tmp_path / "topics.json"
    monkeypatch.setattr(cli, "time", SimpleNamespace(perf_counter=iter([100.0, 102.34]).__next__))  # two reads
    assert main(["topics", str(data), "-o", str(out), "--id-field", "id", "--n-topics", "3", "--seed", "7"]) == 0
    monkeypatch.undo()
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "ner-id: loading model default..."
    assert err[2:] == ["ner-id: 1 records could not be read (write every reason with --errors FILE); the first 1:",
                       f"  {data}:{len(texts) + 1}: invalid JSON (Expecting property name enclosed in double quotes: "
                       "column 2)"]
    assert err[1] == f"docs {len(texts)}, topics 3, errors 1, 2.3 s"  # the seconds between the clock's two reads
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith('{\n "topics": [\n')
    result = json.loads(raw)
    first = result["documents"][0]
    assert list(first) == ["id", "topic", "weights"] and first["id"] == "dé0" and '"dé0"' in raw
    assert first["topic"] == max(range(3), key=lambda k: first["weights"][k])
    assert all(round(w, 4) == w for d in result["documents"] for w in d["weights"])
    assert any(t["top_entities"] for t in result["topics"])  # top entities found by the tagger
    again = tmp_path / "again.json"
    assert main(["topics", str(data), "-o", str(again), "--id-field", "id", "--n-topics", "3", "--seed", "7",
                 "--no-entities"]) == 0
    assert [d["weights"] for d in json.loads(again.read_text())["documents"]] == [d["weights"] for d in result["documents"]]
    assert not any(t["top_entities"] for t in json.loads(again.read_text())["topics"])
    capsys.readouterr()
    assert main(["topics", str(data), "-o", str(out), "--n-topics", "1", "--no-entities"]) == 2
    assert capsys.readouterr().err == "ner-id: error: n_topics must be between 2 and the number of documents, got 1\n"


def test_without_resume_an_existing_output_is_replaced(tmp_path, dump, capsys):
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        assert main(["extract", str(dump), "-o", str(out), "--id-field", "id", "--no-model"]) == 0
        assert summary(capsys).startswith("docs 2, entities 3, errors 1, skipped 0, ")
    assert [r["id"] for r in read_jsonl(out)] == ["a", "b"]


def test_csv_output_keeps_fields_and_counts_every_error(tmp_path, dump, capsys):
    with open(dump, "a", encoding="utf-8") as handle:
        handle.write('{"id": "c"}\n')
    out = tmp_path / "out.csv"
    started = time.perf_counter()
    assert main(["extract", str(dump), "-o", str(out), "--id-field", "id", "--no-model", "--keep-field", "date"]) == 0
    wall = time.perf_counter() - started
    line = summary(capsys)
    assert line.startswith("docs 2, entities 3, errors 2, skipped 0, ") and line.endswith(" docs/s")
    # documents per second over the run's own time, which is within this call's
    assert float(line.split(", ")[-1].split()[0]) >= round(2 / wall, 1) - 0.05
    import pandas as pd

    frame = pd.read_csv(out)
    assert list(frame.columns[:3]) == ["id", "date", "text"] and frame["date"].tolist() == ["2025-01-06"] + ["2025-01-07"] * 2


@pytest.mark.parametrize("output, resume, hint", [
    ("out.jsonl", False, "continue with: ner-id extract IN -o OUT --id-field id --no-model --batch-size 1 --resume"),
    ("out.jsonl", True, "continue with: ner-id extract IN -o OUT --id-field id --no-model --batch-size 1 --resume"),
    ("out.csv", False, "JSONL output can be resumed; this run starts again"),
])
def test_an_interrupted_run_says_what_it_wrote_and_how_to_go_on(tmp_path, dump, capsys, monkeypatch, output, resume, hint):
    read = cli._records

    def interrupted(*args, **kwargs):  # Ctrl-C after the first document was read
        records = read(*args, **kwargs)
        yield next(records)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_records", interrupted)
    out = tmp_path / output
    args = ["extract", str(dump), "-o", str(out), "--id-field", "id", "--no-model", "--batch-size", "1"]
    assert main(args + (["--resume"] if resume else [])) == 130
    expected = hint.replace("IN", str(dump)).replace("OUT", str(out))
    assert capsys.readouterr().err == ("ner-id: loading gazetteers...\n"
                                       f"ner-id: interrupted; 1 documents written to {out}; {expected}\n")


class _Terminal(io.StringIO):
    def isatty(self):
        return True

    def clear(self):
        self.seek(0)
        self.truncate()


@pytest.fixture
def topic_docs(tmp_path):
    """The topic corpus of ``test_topics`` as a JSONL dump, one ``{"text": ...}`` per line."""
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in TOPIC_TEXTS), encoding="utf-8")
    return path


def test_progress_bars_count_records_on_a_terminal(tmp_path, dump, topic_docs, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    assert main(["extract", str(dump), "-o", str(tmp_path / "out.jsonl"), "--id-field", "id", "--no-model"]) == 0
    states = terminal.getvalue().split("\r")
    assert states[1].startswith("  0%") and "0/3" in states[1]  # the total is known from the start
    bar = states[-1].splitlines()[0]  # the bar's last state, before the summary line
    assert "3/3" in bar and "errors=1" in bar and "skipped=0" in bar and "doc/s" in bar
    terminal.clear()
    assert main(["extract", str(dump), "-o", str(tmp_path / "out.jsonl"), "--id-field", "id", "--no-model",
                 "--resume"]) == 0
    bar = terminal.getvalue().split("\r")[-1].splitlines()[0]
    assert "3/3" in bar and "errors=1" in bar and "skipped=2" in bar  # skipped records count as read
    terminal.clear()
    assert main(["topics", str(topic_docs), "-o", str(tmp_path / "t.json"), "--n-topics", "3"]) == 0
    bar = terminal.getvalue().split("\r")[-1].splitlines()[0]
    assert bar.startswith("entities per topic") and f"{len(TOPIC_TEXTS)}/{len(TOPIC_TEXTS)}" in bar


def test_quiet_and_topics_without_entities_show_no_bar_on_a_terminal(tmp_path, dump, topic_docs, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    assert main(["extract", str(dump), "-o", str(tmp_path / "out.jsonl"), "--id-field", "id", "--no-model",
                 "--quiet"]) == 0
    assert terminal.getvalue().startswith("docs 2, entities 3, errors 1, skipped 0, ")
    for quiet in ([], ["--quiet"]):
        terminal.clear()
        assert main(["topics", str(topic_docs), "-o", str(tmp_path / "t.json"), "--n-topics", "3", "--no-entities",
                     *quiet]) == 0
        assert terminal.getvalue().startswith(f"docs {len(TOPIC_TEXTS)}, topics 3, errors 0, "), quiet
    terminal.clear()
    assert main(["topics", str(topic_docs), "-o", str(tmp_path / "t.json"), "--n-topics", "3", "--quiet"]) == 0
    assert "entities per topic" not in terminal.getvalue()


def test_the_characters_hook_shows_a_large_batch_until_it_is_tagged(monkeypatch):
    monkeypatch.setattr(cli.sys, "stderr", _Terminal())
    bar = cli._progress(5, quiet=False)
    show = cli._characters(bar)
    show(1500, 20000)
    assert bar.postfix == "tagged 1,500/20,000 characters"
    show(20000, 20000)
    assert bar.postfix == ""
    bar.close()


def test_progress_helpers_on_and_off_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(cli.sys, "stderr", _Terminal())
    bar = cli._progress(5, quiet=False, desc="entities per topic")
    assert (bar.disable, bar.total, bar.unit, bar.desc) == (False, 5, "doc", "entities per topic")
    bar.close()
    assert cli._progress(5, quiet=True).disable is True
    txt, gz = tmp_path / "a.txt", tmp_path / "a.jsonl.gz"
    txt.write_text("satu\ndua\n", encoding="utf-8")
    gz.write_bytes(b"")
    assert cli._total([txt, txt], quiet=False) == 4
    assert cli._total([txt, gz], quiet=False) is None  # a compressed file cannot be counted cheaply
    assert cli._total([txt], quiet=True) is None
    monkeypatch.setattr(cli.sys, "stderr", io.StringIO())
    assert cli._progress(5, quiet=False).disable is True
    assert cli._total([txt], quiet=False) is None


@pytest.mark.parametrize("workers, hook", [("1", "show"), ("2", None)])
def test_workers_and_batch_size_reach_the_pipeline(tmp_path, dump, monkeypatch, workers, hook):
    from ner_id.pipeline import Pipeline

    calls = []
    original = Pipeline.pipe

    def spy(self, texts, batch_size=32, n_process=1, progress=None):
        calls.append((batch_size, n_process, progress))
        return original(self, texts, batch_size=batch_size, n_process=n_process)

    monkeypatch.setattr(Pipeline, "pipe", spy)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(dump), "-o", str(out), "--no-model", "--workers", workers, "--batch-size", "3",
                 "--quiet"]) == 0
    # the characters-tagged hook goes to one process only (README: "with --workers 1")
    assert [(size, n, getattr(progress, "__name__", progress)) for size, n, progress in calls] == [
        (3, int(workers), hook)]
    assert len(read_jsonl(out)) == 2


def test_topics_output_is_utf8_whatever_the_locale(tmp_path):
    data = tmp_path / "docs.jsonl"
    data.write_text("".join(json.dumps({"id": f"dé{i}", "text": t}) + "\n" for i, t in enumerate(corpus()[0])),
                    encoding="utf-8")
    out = tmp_path / "topics.json"
    run_in_ascii_locale("-m", "ner_id.cli", "topics", str(data), "-o", str(out), "--id-field", "id",
                        "--n-topics", "3", "--no-entities", "--quiet")
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["id"] == "dé0"


def test_the_summary_says_where_the_reasons_went_or_shows_the_first(tmp_path, capsys):
    """"errors 7" and then what: the first reasons, or the errors file (issue 31)."""
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "Ke Bali."}\n' + "".join(f'{{"text": {n}}}\n' for n in range(4)) + "{bad\n\n\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(data), "-o", str(out), "--no-model"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "ner-id: loading gazetteers..." and err[1].startswith("docs 1, entities 1, errors 5, ")
    assert err[2:] == ["ner-id: 5 records could not be read (write every reason with --errors FILE); the first 3:",
                       f"  {data}:2: text field 'text' is int, not str",
                       f"  {data}:3: text field 'text' is int, not str",
                       f"  {data}:4: text field 'text' is int, not str"]
    errors = tmp_path / "errors.jsonl"
    assert main(["extract", str(data), "-o", str(out), "--no-model", "--errors", str(errors), "--quiet"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("docs 1, entities 1, errors 5, ")  # --quiet: no "loading" line
    assert err[1:] == [f"ner-id: 5 records could not be read; reasons in {errors}"]
    assert [r["line"] for r in read_jsonl(errors)] == [2, 3, 4, 5, 6]  # the blank lines at the end are no errors


def test_a_binary_file_renamed_txt_gives_error_records_not_documents(tmp_path, capsys):
    data = tmp_path / "photo.txt"
    data.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\n\x1b\x02\x03\x04\x05\x06\x07\n"
                     b"Presiden tiba di Jakarta.\n")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["extract", str(data), "-o", str(out), "--no-model", "--errors", str(errors), "--quiet"]) == 0
    assert [r["id"] for r in read_jsonl(out)] == [5]
    assert [(r["line"], r["reason"]) for r in read_jsonl(errors)] == [
        (1, "undecodable bytes (invalid start byte at byte 0)"),
        (2, "binary data, not text (1 of 1 characters are control characters)"),
        (3, "binary data, not text (NUL bytes)"),
        (4, "binary data, not text (7 of 7 characters are control characters)")]
    assert "errors 4" in capsys.readouterr().err


@pytest.mark.model
def test_a_large_document_shows_how_many_characters_are_tagged(tmp_path, monkeypatch):
    """One long document keeps the bar at 0/1: the bar shows the characters tagged meanwhile (issue 31)."""
    from conftest import EXAMPLES

    article = json.loads(EXAMPLES.joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
    data = tmp_path / "long.jsonl"
    data.write_text(json.dumps({"text": " ".join([article] * 80)}) + "\n", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    assert main(["extract", str(data), "-o", str(tmp_path / "out.jsonl"), "--model", "fast"]) == 0
    states = terminal.getvalue().split("\r")
    shown = [s for s in states if "0/1" in s and "tagged" in s]
    assert len(shown) >= 2 and "characters" in shown[0], states


def test_the_bar_ends_full_when_blank_lines_were_counted_in_its_total(tmp_path, monkeypatch):
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "Ke Bali."}\n{"text": "Ke Jakarta."}\n\n\n\n', encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    assert main(["extract", str(data), "-o", str(tmp_path / "out.jsonl"), "--no-model"]) == 0
    bar = terminal.getvalue().split("\r")[-1].splitlines()[0]
    assert bar.startswith("100%") and "2/2" in bar, bar


def test_a_kept_field_a_record_lacks_is_null(tmp_path, capsys):
    data = tmp_path / "in.jsonl"
    data.write_text('{"id": "a", "text": "Ke Bali.", "date": "2025-01-06"}\n{"id": "b", "text": "Ke Bali."}\n',
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(data), "-o", str(out), "--id-field", "id", "--no-model", "--keep-field", "date",
                 "--quiet"]) == 0
    assert [(r["id"], r["date"]) for r in read_jsonl(out)] == [("a", "2025-01-06"), ("b", None)]
    import pandas as pd

    table = tmp_path / "out.csv"
    assert main(["extract", str(data), "-o", str(table), "--id-field", "id", "--no-model", "--keep-field", "date",
                 "--quiet"]) == 0
    frame = pd.read_csv(table)
    assert frame["date"].tolist()[0] == "2025-01-06" and pd.isna(frame["date"].tolist()[1])


def test_index_shows_each_date_warning_its_own_way_and_other_warnings_as_python_does(tmp_path, monkeypatch, capsys):
    import warnings

    import ner_id.index
    from ner_id.dates import DateWarning

    seen = {}
    real = ner_id.index.write

    def write(*args, **options):
        seen.update(options)
        for _ in range(2):  # the same line twice: both shown
            warnings.warn("2 dates unreadable", DateWarning, stacklevel=1)
        warnings.warn("something else", UserWarning, stacklevel=1)
        return real(*args, **options)

    monkeypatch.setattr(ner_id.index, "write", write)
    tagged = tmp_path / "tagged.jsonl"
    tagged.write_text(json.dumps({"id": "a", "entities": []}) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning) as caught:  # another warning goes to the handler there was before
        assert main(["index", str(tagged), "-o", str(tmp_path / "ix"), "--exclude-bylines"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [f"ner-id: warning: {tagged}: 2 dates unreadable"] * 2
    assert [(str(w.message), w.category, w.filename, w.lineno) for w in caught] == [
        ("something else", UserWarning, __file__, write.__code__.co_firstlineno + 4)]
    assert seen["exclude_bylines"] is True
    with pytest.warns(UserWarning):
        assert main(["index", str(tagged), "-o", str(tmp_path / "ix2")]) == 0
    assert seen["exclude_bylines"] is False


def test_topics_writes_unreadable_records_to_the_errors_file_and_says_so(tmp_path, topic_docs, capsys):
    errors = tmp_path / "errors.jsonl"
    topic_docs.write_text("{bad\n" + topic_docs.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["topics", str(topic_docs), "-o", str(tmp_path / "t.json"), "--n-topics", "3", "--no-entities",
                 "--errors", str(errors), "--quiet"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[1:] == [f"ner-id: 1 records could not be read; reasons in {errors}"]
    assert [json.loads(line)["line"] for line in errors.read_text(encoding="utf-8").splitlines()] == [1]
