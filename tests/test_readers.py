"""Input readers: exact records, exact errors (line, id, reason), counts and input expansion."""
import gzip

import pandas as pd
import pytest

from ner_id.readers import BadRecord, InputError, Record, count_records, expand_inputs, read_records


def read(path, **kw):
    return [(type(r).__name__, r.line, r.id, r.text if isinstance(r, Record) else r.reason)
            for r in read_records(path, **kw)]


def test_jsonl_records_and_every_kind_of_bad_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Jakarta", "date": "2025"}\n'
                    "\n"
                    "{bad\n"
                    "[1, 2]\n"
                    '{"text": "tanpa id"}\n'
                    '{"id": "d"}\n'
                    '{"id": "e", "text": 5}\n', encoding="utf-8")
    assert read(path, id_field="id") == [
        ("Record", 1, "a", "Jakarta"),
        ("BadRecord", 3, 3, "invalid JSON (Expecting property name enclosed in double quotes: column 2)"),
        ("BadRecord", 4, 4, "expected a JSON object, got list"),
        ("BadRecord", 5, 5, "missing id field 'id'"),
        ("BadRecord", 6, "d", "missing text field 'text'"),
        ("BadRecord", 7, "e", "text field 'text' is int, not str"),
    ]
    [first] = [r for r in read_records(path, id_field="id") if isinstance(r, Record)]
    assert first.fields == {"id": "a", "text": "Jakarta", "date": "2025"} and first.source == str(path)


def test_ids_are_line_numbers_qualified_by_file_name_when_asked(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes(b"satu\r\n\n  \ndua\n\xff\n")
    assert read(path) == [("Record", 1, 1, "satu"), ("Record", 4, 4, "dua"),
                          ("BadRecord", 5, 5, "undecodable bytes (invalid start byte at byte 0)")]
    assert [r.id for r in read_records(path, qualify_ids=True)] == ["in.txt:1", "in.txt:4", "in.txt:5"]
    jsonl = tmp_path / "b.jsonl.gz"
    jsonl.write_bytes(gzip.compress(b'{"text": "x"}\n{"text": "y"}\n'))
    assert read(jsonl, qualify_ids=True) == [("Record", 1, "b.jsonl.gz:1", "x"), ("Record", 2, "b.jsonl.gz:2", "y")]


def test_csv_keeps_quoted_line_breaks_exactly(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b'id,text\r\n1,"baris satu\r\nbaris dua"\r\n2,"\xc3\xa9"\r\n')
    assert read(path, id_field="id") == [("Record", 3, "1", "baris satu\r\nbaris dua"), ("Record", 4, "2", "é")]


def test_csv_header_without_the_text_column_names_its_columns(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,body,b\xffd\n1,x,y\n")
    assert read(path) == [("BadRecord", 1, 1, "the header has no 'text' column (columns: ['id', 'body', 'b?d'])")]


def test_parquet_rows_are_numbered_from_one_across_batches(tmp_path):
    path = tmp_path / "in.parquet"
    pd.DataFrame({"id": [f"d{n}" for n in range(1500)], "text": ["x"] * 1500}).to_parquet(path)
    out = list(read_records(path, id_field="id"))
    assert [(r.line, r.id) for r in out[:2]] == [(1, "d0"), (2, "d1")]
    assert (out[-1].line, out[-1].id) == (1500, "d1499") and len(out) == 1500
    assert [r.id for r in read_records(path)][1024] == 1025  # ids from row numbers in the second batch


def test_unreadable_parquet_is_one_error_at_line_zero(tmp_path):
    path = tmp_path / "in.parquet"
    path.write_bytes(b"PAR1" + b"\x00" * 100)
    [(kind, line, doc_id, reason)] = read(path)
    assert (kind, line, doc_id) == ("BadRecord", 0, 0) and reason.startswith("unreadable Parquet file: ")
    assert count_records(path) is None


def test_bad_record_as_a_dict():
    assert BadRecord("a.csv", 3, "x", "why").to_dict() == {"source": "a.csv", "line": 3, "id": "x", "reason": "why"}


def test_counts_of_large_and_empty_files(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_bytes(b'{"text": "kata kata kata kata"}\n' * 100_000)  # over 3 MB: several read blocks
    assert count_records(big) == 100_000
    header_only = tmp_path / "h.csv"
    header_only.write_text("id,text\n", encoding="utf-8")
    empty = tmp_path / "e.csv"
    empty.write_text("", encoding="utf-8")
    assert (count_records(header_only), count_records(empty)) == (0, 0)


def test_expand_inputs_finds_files_in_folders_sorted_and_names_bad_paths(tmp_path):
    folder = tmp_path / "dump"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.jsonl", "a.csv", "sub/c.txt", "notes.md"):
        (folder / name).write_text("x\n", encoding="utf-8")
    assert expand_inputs([folder]) == [folder / "a.csv", folder / "b.jsonl", folder / "sub" / "c.txt"]
    assert expand_inputs([str(folder / "a.csv"), folder / "b.jsonl"]) == [folder / "a.csv", folder / "b.jsonl"]
    with pytest.raises(InputError, match=r"notes\.md: unknown input format; use one of \.jsonl, \.jsonl\.gz, \.txt"):
        expand_inputs([folder / "notes.md"])
    (tmp_path / "none").mkdir()
    with pytest.raises(InputError, match=r"none: folder holds no \.jsonl, \.jsonl\.gz, \.txt, \.csv, \.parquet files"):
        expand_inputs([tmp_path / "none"])
    with pytest.raises(InputError, match=r"missing\.jsonl: no such file or folder"):
        expand_inputs([tmp_path / "missing.jsonl"])


def test_records_and_errors_name_their_source(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_bytes("Jakarta X  \nSinar X\r\n\xff\xfe\n".encode("latin-1"))
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text('\n[1]\n{"text": "x"}\n{"id": 1}\n{"id": 2, "text": 3}\n', encoding="utf-8")
    got = [(type(r).__name__, r.source, r.line) for path in (txt, jsonl) for r in read_records(path, id_field="id")]
    assert got == [("Record", str(txt), 1), ("Record", str(txt), 2), ("BadRecord", str(txt), 3)] + [
        ("BadRecord", str(jsonl), n) for n in range(2, 6)]
    assert [r.text for r in read_records(txt) if isinstance(r, Record)] == ["Jakarta X  ", "Sinar X"]  # only the line break is cut


def test_an_unreadable_gzip_is_one_error_after_the_last_good_line(tmp_path):
    broken = tmp_path / "a.jsonl.gz"
    broken.write_bytes(b"not gzip at all\n")
    assert [(r.line, r.reason.split(":")[0]) for r in read_records(broken)] == [(1, "unreadable file after line 0")]
    cut = tmp_path / "b.jsonl.gz"
    cut.write_bytes(gzip.compress(b'{"text": "x"}\n{"text": "y"}\n' * 2000)[:-40])
    records = list(read_records(cut))
    last = records[-1]
    assert isinstance(last, BadRecord) and all(isinstance(r, Record) for r in records[:-1])
    assert (last.line, last.reason.split(":")[0]) == (len(records), f"unreadable file after line {len(records) - 1}")


def test_expand_inputs_keeps_every_named_file_and_folder_in_order(tmp_path):
    for name in ("one/a.txt", "two/b.txt", "c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    got = expand_inputs([tmp_path / "c.txt", tmp_path / "one", tmp_path / "two"])
    assert [p.relative_to(tmp_path).as_posix() for p in got] == ["c.txt", "one/a.txt", "two/b.txt"]


def test_inputs_are_read_as_utf8_whatever_the_locale(tmp_path):
    from conftest import run_in_ascii_locale

    csv = tmp_path / "in.csv"
    csv.write_bytes("id,text\n1,Surabaya Ñusantara\n".encode("utf-8"))
    out = tmp_path / "out.jsonl"
    code = ("import sys; from ner_id.readers import read_records; from ner_id.writers import LineWriter; "
            "w = LineWriter(sys.argv[2]); [w.write({'text': r.text}) for r in read_records(sys.argv[1])]; w.close()")
    run_in_ascii_locale("-c", code, str(csv), str(out))
    assert out.read_bytes() == '{"text": "Surabaya Ñusantara"}\n'.encode("utf-8")


def test_blank_lines_are_no_records_and_no_errors(tmp_path):
    """An export that ends with blank lines (or has one between records) gives no "empty line" errors."""
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "Jakarta"}\n\n{"text": "Bali"}\n\n  \r\n\n', encoding="utf-8")
    assert read(path) == [("Record", 1, 1, "Jakarta"), ("Record", 3, 3, "Bali")]


def test_a_json_message_that_ends_with_at_says_it_once(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "Jakarta\n', encoding="utf-8")
    assert read(path) == [("BadRecord", 1, 1, "invalid JSON (Invalid control character at: column 18)")]


def test_binary_data_is_an_error_record_not_a_document(tmp_path):
    """A binary file renamed .txt: lines with NUL bytes or many control characters are errors."""
    path = tmp_path / "in.txt"
    path.write_bytes(b"Presiden tiba di Jakarta.\n"
                     b"PK\x03\x04\x14\x00\x06\x00\x08\x00\n"
                     b"\x1b\x02\x7fA\x05\x1fB\x10CDEF\n"
                     b"Tab\tdan form feed\x0c saja tidak.\n")
    assert read(path) == [
        ("Record", 1, 1, "Presiden tiba di Jakarta."),
        ("BadRecord", 2, 2, "binary data, not text (NUL bytes)"),
        ("BadRecord", 3, 3, "binary data, not text (6 of 12 characters are control characters)"),
        ("Record", 4, 4, "Tab\tdan form feed\x0c saja tidak."),
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"text": "a\\u0000b"}\n{"text": "Presiden tiba di Bali \\u001b[0m kemarin."}\n', encoding="utf-8")
    assert read(jsonl) == [("BadRecord", 1, 1, "binary data, not text (NUL bytes)"),
                           ("Record", 2, 2, "Presiden tiba di Bali \x1b[0m kemarin.")]
    assert {r.source for r in read_records(jsonl)} == {str(jsonl)}  # the errors file names the file


@pytest.mark.parametrize("line, expected", [
    ("abcdefghi\x07", ("BadRecord", 1, 1, "binary data, not text (1 of 10 characters are control characters)")),
    ("abcdefghij\x07", ("Record", 1, 1, "abcdefghij\x07")),  # one in eleven: under a tenth, text
])
def test_a_tenth_of_control_characters_is_binary_data(tmp_path, line, expected):
    path = tmp_path / "in.txt"
    path.write_text(line + "\n", encoding="utf-8")
    assert read(path) == [expected]
