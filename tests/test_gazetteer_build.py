"""Building a gazetteer file from a user's CSV/TSV table (ner_id.gazetteer.build)."""
import json
import subprocess
import sys

import pytest

import ner_id
from ner_id.gazetteer import GazetteerError, load_entries
from ner_id.gazetteer.build import build, main

MINISTRY = (
    "name,label,canonical,kb_id,aliases,fuzzy,note\n"
    "Kementerian Percepatan Hilirisasi Maritim,ORG,,org:test-kphm,KPHM|Kemenhilmar,false,new in 2026\n"
    "Teluk Sarana Jaya,LOC,,loc:test-tsj,,,\n"
)


def test_csv_builds_a_gazetteer_that_load_takes(tmp_path):
    source, out = tmp_path / "ministries.csv", tmp_path / "ministries.jsonl"
    source.write_text(MINISTRY, encoding="utf-8")
    assert build(source, out) == 2
    nlp = ner_id.load(model=None, gazetteers=[out], topic_model=None, keyphrases=False)
    doc = nlp("Menteri dari Kemenhilmar berkunjung ke Teluk Sarana Jaya kemarin.")
    found = {(e.text, e.label, e.canonical, e.kb_id) for e in doc.entities}
    assert ("Kemenhilmar", "ORG", "Kementerian Percepatan Hilirisasi Maritim", "org:test-kphm") in found
    assert ("Teluk Sarana Jaya", "LOC", "Teluk Sarana Jaya", "loc:test-tsj") in found


def test_note_column_is_ignored_and_fields_are_kept(tmp_path):
    source, out = tmp_path / "ministries.csv", tmp_path / "ministries.jsonl"
    source.write_text(MINISTRY, encoding="utf-8")
    build(source, out)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first == {"name": "Kementerian Percepatan Hilirisasi Maritim", "label": "ORG",
                     "canonical": "Kementerian Percepatan Hilirisasi Maritim", "kb_id": "org:test-kphm",
                     "aliases": ["KPHM", "Kemenhilmar"], "fuzzy": False}
    assert load_entries([out])[1].fuzzy is True  # an empty fuzzy cell is the default


def test_tsv_input_works(tmp_path):
    source, out = tmp_path / "people.tsv", tmp_path / "people.jsonl"
    source.write_text("label\tname\taliases\nPER\tSiti Rahmawati Lubis\tSiti Lubis|Bu Siti\n", encoding="utf-8")
    assert build(source, out) == 1
    [entry] = load_entries([out])
    assert (entry.name, entry.label, entry.aliases, entry.kb_id) == ("Siti Rahmawati Lubis", "PER", ("Siti Lubis", "Bu Siti"),
                                                                     None)


def test_bad_label_names_the_line_and_writes_nothing(tmp_path):
    source, out = tmp_path / "bad.csv", tmp_path / "bad.jsonl"
    source.write_text(MINISTRY + "Dinas Contoh,DEPT,,,,,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad\.csv:4: 'label' must be one of"):
        build(source, out)
    assert list(tmp_path.iterdir()) == [source]  # no output, no temporary file


def test_existing_output_is_kept_on_error(tmp_path):
    source, out = tmp_path / "bad.csv", tmp_path / "kept.jsonl"
    out.write_text("old\n", encoding="utf-8")
    source.write_text("name,label,fuzzy\nBadan Contoh,ORG,maybe\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad\.csv:2: 'fuzzy' must be true or false"):
        build(source, out)
    assert out.read_text(encoding="utf-8") == "old\n"


def test_missing_columns_and_wrong_output_name_are_errors(tmp_path):
    source = tmp_path / "no_label.csv"
    source.write_text("name,kb_id\nBadan Contoh,x:1\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"no_label\.csv:1: the header row must name"):
        build(source, tmp_path / "out.jsonl")
    with pytest.raises(GazetteerError, match=r"must end in \.jsonl"):
        build(source, tmp_path / "out.csv")


def test_main_exits_2_with_one_line_on_a_bad_table(tmp_path, capsys):
    source, out = tmp_path / "bad.csv", tmp_path / "bad.jsonl"
    source.write_text("name,label\nDinas Contoh,dept\n", encoding="utf-8")
    assert main([str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.csv:2" in err and not out.exists()


def test_module_runs_as_a_command(tmp_path):
    source, out = tmp_path / "ministries.csv", tmp_path / "my.jsonl"
    source.write_text(MINISTRY, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "ner_id.gazetteer.build", str(source), "-o", str(out)],
                          capture_output=True, text=True, check=True)
    assert "2 entries" in done.stdout and len(load_entries([out])) == 2


def test_ner_id_gazetteer_build_is_the_same_command(tmp_path, capsys):
    from ner_id.cli import main as cli_main

    source, out = tmp_path / "ministries.csv", tmp_path / "cli.jsonl"
    source.write_text(MINISTRY, encoding="utf-8")
    assert cli_main(["gazetteer", "build", str(source), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: 2 entries\n"
    assert build(source, tmp_path / "ref.jsonl") == 2
    assert out.read_text(encoding="utf-8") == (tmp_path / "ref.jsonl").read_text(encoding="utf-8")
    assert cli_main(["gazetteer", "build", str(tmp_path / "missing.csv"), "-o", str(out)]) == 2
