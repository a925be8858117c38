"""ner_id.gazetteer.build at its edges: how the delimiter is chosen, BOMs and line breaks, blank, short and long rows,
repeated columns, every fuzzy spelling, the exact errors (and their byte offsets), what is written, and the command's
messages."""
import csv
import re
import subprocess
import sys

import pytest

from ner_id.gazetteer import GazetteerError
from ner_id.gazetteer.build import build, main, run

HEADER_ERROR = ":1: the header row must name at least 'name' and 'label' " \
               "(columns: ['name', 'label', 'canonical', 'kb_id', 'aliases', 'fuzzy'])"


def exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


def built(tmp_path, name: str, data: bytes | str) -> str:
    """Build the table ``name`` holding ``data``; the gazetteer file's text."""
    source, out = tmp_path / name, tmp_path / "out.jsonl"
    if isinstance(data, str):
        source.write_text(data, encoding="utf-8", newline="")
    else:
        source.write_bytes(data)
    build(source, out)
    return out.read_bytes().decode("utf-8")


def refused(tmp_path, name: str, data: bytes | str, message: str) -> None:
    """Building the table ``name`` holding ``data`` raises exactly ``{path}{message}`` and writes nothing."""
    source = tmp_path / name
    if isinstance(data, str):
        source.write_text(data, encoding="utf-8", newline="")
    else:
        source.write_bytes(data)
    with pytest.raises(GazetteerError, match=exactly(f"{source}{message}")):
        build(source, tmp_path / "out.jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


ONE = '{"name": "Dinas Contoh", "label": "ORG", "canonical": "Dinas Contoh", "aliases": [], "fuzzy": true}\n'


def test_a_missing_table_is_named(tmp_path):
    with pytest.raises(GazetteerError, match=exactly(f"{tmp_path / 'nope.csv'}: file not found")):
        build(tmp_path / "nope.csv", tmp_path / "out.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path):
    assert built(tmp_path, "excel.csv", b"\xef\xbb\xbfname,label\r\nDinas Contoh,ORG\r\n") == ONE


def test_line_breaks_inside_quotes_are_kept_as_written(tmp_path):
    data = b'name,label,canonical\r\nDinas Contoh,ORG,"Dinas\r\nContoh"\r\nTeluk Biru,LOC,\r\n'
    assert built(tmp_path, "crlf.csv", data) == (
        '{"name": "Dinas Contoh", "label": "ORG", "canonical": "Dinas\\r\\nContoh", "aliases": [], "fuzzy": true}\n'
        '{"name": "Teluk Biru", "label": "LOC", "canonical": "Teluk Biru", "aliases": [], "fuzzy": true}\n')


@pytest.mark.parametrize("name", ["t.tsv", "t.TSV", "t.tab", "t.Tab", "t.txt", "table"])
def test_tab_separated_tables(tmp_path, name):
    # .tsv and .tab always; any other name but .csv when the header row has a tab
    assert built(tmp_path, name, "name\tlabel\nDinas Contoh\tORG\n") == ONE


@pytest.mark.parametrize("name", ["t.csv", "t.CSV", "t.txt", "table"])
def test_comma_separated_tables(tmp_path, name):
    assert built(tmp_path, name, "name,label\nDinas Contoh,ORG\n") == ONE


@pytest.mark.parametrize("name, data", [("t.tsv", "name,label\nDinas Contoh,ORG\n"),  # a .tsv is TSV, commas or not
                                        ("t.TSV", "name,label\nDinas Contoh,ORG\n"),
                                        ("t.tab", "name,label\nDinas Contoh,ORG\n"),
                                        ("t.csv", "name\tlabel\nDinas Contoh\tORG\n"),  # and a .csv is CSV, tabs or not
                                        ("t.CSV", "name\tlabel\nDinas Contoh\tORG\n")])
def test_the_suffix_decides_over_the_header(tmp_path, name, data):
    refused(tmp_path, name, data, HEADER_ERROR)


@pytest.mark.parametrize("data", ["", "\n", "\ufeff"])
def test_an_empty_table_has_no_header(tmp_path, data):
    refused(tmp_path, "empty.csv", data, HEADER_ERROR)


@pytest.mark.parametrize("name, kind, sep", [("big.csv", "CSV", ","), ("big.tsv", "TSV", "\t")])
def test_an_unreadable_table_names_its_kind_and_line(tmp_path, name, kind, sep):
    limit = csv.field_size_limit()
    data = f"name{sep}label\nDinas Contoh{sep}ORG\n{'x' * (limit + 1)}{sep}ORG\n"
    refused(tmp_path, name, data, f":3: unreadable {kind} (field larger than field limit ({limit}))")


@pytest.mark.parametrize("data, at", [(b"name,label\n\xffDinas,ORG\n", 11),
                                      (b"\xef\xbb\xbfname,label\n\xffDinas,ORG\n", 14),  # counted from the file's start
                                      (b"name,label\n" + b"Dinas Contoh,ORG\n" * 600 + b"Dinas \xe9,ORG\n", 10217)],
                         ids=["plain", "after-a-bom", "past-the-first-chunk"])
def test_not_utf8_gives_the_offset_in_the_file(tmp_path, data, at):
    assert data.index(b"\xff" if b"\xff" in data else b"\xe9") == at
    reason = "invalid start byte" if b"\xff" in data else "invalid continuation byte"
    refused(tmp_path, "latin.csv", data, f": not UTF-8 ({reason} at byte {at})")


@pytest.mark.parametrize("header, repeated", [("name,label,Name", "['name']"),
                                              ("name,kb_id,label, KB_ID ,LABEL", "['kb_id', 'label']")])
def test_repeated_columns_are_refused(tmp_path, header, repeated):
    refused(tmp_path, "twice.csv", f"{header}\nDinas Contoh,ORG,x,y,z\n", f":1: repeated columns {repeated}")


def test_repeated_ignored_columns_are_fine(tmp_path):
    assert built(tmp_path, "notes.csv", "note,name,label,note\nsatu,Dinas Contoh,ORG,dua\n") == ONE


def test_blank_rows_anywhere_are_skipped(tmp_path):
    data = "name,label\n\nDinas Contoh,ORG\n\n , \t\n,,\nTeluk Biru,LOC\n"
    assert built(tmp_path, "gaps.csv", data) == ONE + (
        '{"name": "Teluk Biru", "label": "LOC", "canonical": "Teluk Biru", "aliases": [], "fuzzy": true}\n')


def test_a_blank_row_does_not_hide_a_bad_one_after_it(tmp_path):
    refused(tmp_path, "late.csv", "name,label\nDinas Contoh,ORG\n\nDinas Lain,DEPT\n",
            ":4: 'label' must be one of ['PER', 'LOC', 'ORG'], got 'DEPT'")


def test_empty_cells_past_the_header_are_fine(tmp_path):
    assert built(tmp_path, "trailing.csv", "name,label\nDinas Contoh,ORG,,  ,\n") == ONE


def test_a_filled_cell_past_the_header_is_refused(tmp_path):
    refused(tmp_path, "wide.csv", "name,label\nDinas Contoh,ORG,,x\n", ":2: expected 2 columns, got 4")


def test_short_rows_have_empty_cells(tmp_path):
    data = "name,label,kb_id,canonical,aliases,fuzzy\nDinas Contoh,ORG\nTeluk Biru,LOC,loc:x\n"
    assert built(tmp_path, "short.csv", data) == ONE + (
        '{"name": "Teluk Biru", "label": "LOC", "canonical": "Teluk Biru", "kb_id": "loc:x", "aliases": [], "fuzzy": true}\n')


@pytest.mark.parametrize("cell, flag", [(c, "true") for c in ("true", "TRUE", "Yes", "y", "1", "", " ")]
                         + [(c, "false") for c in ("false", "False", "NO", "n", "0", " no ")])
def test_every_spelling_of_fuzzy(tmp_path, cell, flag):
    assert built(tmp_path, "fuzzy.csv", f"name,label,fuzzy\nDinas Contoh,ORG,{cell}\n") == (
        f'{{"name": "Dinas Contoh", "label": "ORG", "canonical": "Dinas Contoh", "aliases": [], "fuzzy": {flag}}}\n')


def test_other_fuzzy_values_are_refused(tmp_path):
    refused(tmp_path, "fuzzy.csv", "name,label,fuzzy\nDinas Contoh,ORG,ya\n", ":2: 'fuzzy' must be true or false")


def test_non_ascii_is_written_as_utf8_text(tmp_path):
    text = built(tmp_path, "fr.csv", "name,label,aliases\nSociété Générale Indonesia,ORG,Société|SG\n")
    assert text == ('{"name": "Société Générale Indonesia", "label": "ORG", "canonical": "Société Générale Indonesia", '
                    '"aliases": ["Société", "SG"], "fuzzy": true}\n')


def test_encodings_are_named_not_left_to_the_locale(tmp_path):
    source, out = tmp_path / "fr.csv", tmp_path / "fr.jsonl"
    source.write_text("name,label\nSociété Générale Indonesia,ORG\n", encoding="utf-8")
    code = f"from ner_id.gazetteer.build import main; raise SystemExit(main([{str(source)!r}, '-o', {str(out)!r}]))"
    done = subprocess.run([sys.executable, "-X", "warn_default_encoding",
                           "-W", "error::EncodingWarning:ner_id.gazetteer.build", "-c", code],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{out}: 1 entries\n", "")
    assert out.read_text(encoding="utf-8") == ('{"name": "Société Générale Indonesia", "label": "ORG", '
                                               '"canonical": "Société Générale Indonesia", "aliases": [], "fuzzy": true}\n')


def test_an_output_that_cannot_be_opened_raises_only_that_error(tmp_path):
    source = tmp_path / "t.csv"
    source.write_text("name,label\nDinas Contoh,ORG\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError) as caught:
        build(source, tmp_path / "no_such_dir" / "out.jsonl")
    assert caught.value.__context__ is None  # no second error from cleaning up a file never made
    assert re.fullmatch(r"\.out\.jsonl\.[0-9a-f]+\.tmp", caught.value.filename.rsplit("/", 1)[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_run_puts_a_multi_line_message_on_one_line(tmp_path, capsys):
    source = tmp_path / "two  spaces\tand\na newline.csv"
    assert main([str(source), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert capsys.readouterr() == ("", f"ner-id gazetteer build: error: {tmp_path}/two  spaces\tand a newline.csv: "
                                       "file not found\n")


def test_run_reports_the_count(tmp_path, capsys):
    import argparse

    source, out = tmp_path / "t.csv", tmp_path / "t.jsonl"
    source.write_text("name,label\nDinas Contoh,ORG\n\nTeluk Biru,LOC\n", encoding="utf-8")
    assert run(argparse.Namespace(source=source, output=out)) == 0
    assert capsys.readouterr() == (f"{out}: 2 entries\n", "")


def test_usage_names_the_command(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2
    assert capsys.readouterr() == ("", "usage: ner-id gazetteer build [-h] -o OUTPUT source\n"
                                       "ner-id gazetteer build: error: the following arguments are required: source, "
                                       "-o/--output\n")


def test_help_gives_the_first_line_of_the_docstring(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith(
        "usage: ner-id gazetteer build [-h] -o OUTPUT source\n\n"
        "Build a gazetteer file from your own table: ``python -m ner_id.gazetteer.build SRC.csv -o my.jsonl``.\n\n"
        "positional arguments:\n")
