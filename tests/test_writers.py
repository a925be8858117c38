"""The output writers on hand-made documents: formats, blocks, headers, resume and the errors file."""
import json

import pandas as pd
import pytest

from ner_id.types import Document, Entity, Keyphrase, Topic
from ner_id.writers import (
    JsonlWriter,
    LineWriter,
    TableWriter,
    done_errors,
    done_ids,
    format_of,
    json_line,
    open_writer,
)

TEXT = "Jokowi ke Bandung."
JOKOWI = Entity("Jokowi", "PER", 0, 6, 0.9, "model", canonical="Joko Widodo", kb_id="Q1", group=0)
BANDUNG = Entity("Bandung", "LOC", 10, 17, 1.0, "gazetteer")
DOC = Document(TEXT, entities=(JOKOWI, BANDUNG), topics=(Topic("politics", "politik", 0.7),),
               keyphrases=(Keyphrase("bandung", 0.5, 10, 17),))
EMPTY = Document("tanpa nama")


@pytest.mark.parametrize("path, fmt, expected", [
    ("out.jsonl", None, "jsonl"), ("out.CSV", None, "csv"), ("out.Parquet", None, "parquet"),
    ("out.txt", "csv", "csv"), ("out", "parquet", "parquet"),
])
def test_format_of_reads_the_suffix_unless_a_format_is_named(tmp_path, path, fmt, expected):
    assert format_of(tmp_path / path, fmt) == expected


def test_format_of_names_what_is_allowed(tmp_path):
    with pytest.raises(ValueError, match=r"unknown format 'xlsx'; use one of \['csv', 'jsonl', 'parquet'\]"):
        format_of(tmp_path / "out.csv", "xlsx")
    with pytest.raises(ValueError, match=r"unknown output suffix '\.xlsx'; use \.jsonl, \.csv, \.parquet or name "
                                         r"the format with --format"):
        format_of(tmp_path / "out.xlsx")
    with pytest.raises(ValueError, match=r"unknown output suffix '\(none\)'"):
        format_of(tmp_path / "out")


def test_json_line_keeps_letters_and_escapes_lone_surrogates():
    line = json_line({"t": "é\udcff"})
    assert line == '{"t": "é\\udcff"}\n'
    assert json.loads(line) == {"t": "é\udcff"}


def test_line_writer_appends_whole_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    writer = LineWriter(path)
    writer.write({"id": 1})
    assert path.read_text(encoding="utf-8") == '{"id": 1}\n'  # flushed before close
    writer.close()
    writer = LineWriter(path, append=True)
    writer.write({"id": 2})
    writer.close()
    assert path.read_text(encoding="utf-8") == '{"id": 1}\n{"id": 2}\n'
    writer = LineWriter(path)  # not appending: a new file
    writer.close()
    assert path.read_text(encoding="utf-8") == ""


def test_jsonl_writer_line_has_id_kept_fields_entities_topics_and_keyphrases(tmp_path):
    path = tmp_path / "out.jsonl"
    writer = open_writer("jsonl", path)
    assert isinstance(writer, JsonlWriter)
    writer.write("a", DOC, {"date": "2025-01-06"})
    writer.write("b", EMPTY)
    writer.close()
    first, second = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    assert list(first) == ["id", "date", "entities", "topics", "keyphrases"]
    assert first["entities"] == [JOKOWI.to_dict(), BANDUNG.to_dict()]
    assert first["topics"] == [{"id": "politics", "label": "politik", "score": 0.7}]
    assert first["keyphrases"] == [{"text": "bandung", "score": 0.5, "start": 10, "end": 17}]
    assert second == {"id": "b", "entities": [], "topics": [], "keyphrases": []}


@pytest.mark.parametrize("fmt, read", [("csv", pd.read_csv), ("parquet", pd.read_parquet)])
def test_table_writer_rows_across_blocks_with_one_header(tmp_path, fmt, read):
    path = tmp_path / f"out.{fmt}"
    writer = TableWriter(path, fmt, extra=["date"], block=2)
    writer.write("a", DOC, {"date": "2025-01-06"})  # two rows: one block
    writer.write("b", EMPTY, {"date": "2025-01-05"})  # an id-only row keeps its fields
    writer.write("c", Document("Bandung", entities=(Entity("Band\udcffng", "LOC", 0, 7, 1.0, "gazetteer"),)),
                 {"date": "2025-01-07"})
    writer.close()
    frame = read(path)
    assert list(frame.columns[:3]) == ["id", "date", "text"]
    assert frame["id"].tolist() == ["a", "a", "b", "c"]
    assert frame["text"].tolist()[:2] == ["Jokowi", "Bandung"]
    assert frame["text"].tolist()[3] == "Band\ufffdng"  # one character for one
    assert pd.isna(frame["text"][2]) and frame["date"][2] == "2025-01-05"
    assert frame["date"].tolist()[3] == "2025-01-07"
    assert frame["start"].tolist()[:2] == [0, 10] and frame["kb_id"].tolist()[0] == "Q1"
    if fmt == "csv":
        assert path.read_text(encoding="utf-8").count("id,date,text") == 1


@pytest.mark.parametrize("fmt, read", [("csv", pd.read_csv), ("parquet", pd.read_parquet)])
def test_table_writer_with_no_documents_writes_the_columns(tmp_path, fmt, read):
    path = tmp_path / f"out.{fmt}"
    writer = open_writer(fmt, path, extra=["date"])
    assert isinstance(writer, TableWriter)
    writer.close()
    frame = read(path)
    assert len(frame) == 0 and list(frame.columns[:3]) == ["id", "date", "text"]


def test_done_ids_cuts_a_partial_last_line_and_reads_list_ids(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": {"f": "x.jsonl", "n": 2}}\n{"id": "c", "ent', encoding="utf-8")
    assert done_ids(path) == {"a", json.dumps({"f": "x.jsonl", "n": 2})}
    assert path.read_text(encoding="utf-8") == '{"id": "a"}\n\n{"id": {"f": "x.jsonl", "n": 2}}\n'
    assert done_ids(tmp_path / "missing.jsonl") == set()


def test_done_ids_key_does_not_depend_on_key_order(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": {"n": 2, "f": "x.jsonl"}}\n', encoding="utf-8")
    assert done_ids(path) == {json.dumps({"f": "x.jsonl", "n": 2}, sort_keys=True)}


def test_done_errors_are_source_and_line(tmp_path):
    path = tmp_path / "errors.jsonl"
    path.write_text('{"source": "a.csv", "line": 3, "error": "x"}\n{"line": 5}\n', encoding="utf-8")
    assert done_errors(path) == {("a.csv", 3), (None, 5)}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_writer_replaces_an_existing_file_and_stores_only_the_columns(tmp_path, fmt):
    import pyarrow.parquet as pq

    from ner_id.schema import ENTITY_COLUMNS

    path = tmp_path / f"out.{fmt}"
    path.write_text("old,content\n1,2\n", encoding="utf-8")
    writer = TableWriter(path, fmt, extra=["date"], block=1)
    writer.write("a", DOC, {"date": "2025-01-06"})
    writer.close()
    columns = ["id", "date", *ENTITY_COLUMNS]
    if fmt == "csv":
        assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(columns)
        assert len(path.read_text(encoding="utf-8").splitlines()) == 3
    else:
        assert pq.read_table(path).column_names == columns
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    assert read(path)["id"].tolist() == ["a", "a"]


def test_parquet_columns_keep_their_types_when_a_block_has_no_entities(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ner_id.schema import ENTITY_COLUMNS

    path = tmp_path / "out.parquet"
    writer = TableWriter(path, "parquet", extra=["date"], block=1)
    writer.write(1, EMPTY, {"date": None})  # a block of nulls first
    writer.write(2, DOC, {"date": "2025"})
    writer.close()
    schema = pq.read_schema(path)
    assert schema.names == ["id", "date", *ENTITY_COLUMNS]  # no index column
    assert (schema.field("id").type, schema.field("date").type, schema.field("start").type,
            schema.field("score").type) == (pa.string(), pa.string(), pa.int64(), pa.float64())
    assert pq.read_table(path).column("date").to_pylist() == [None, "2025", "2025"]  # null, not "None"


def test_open_writer_replaces_the_file_unless_told_to_append(tmp_path):
    path = tmp_path / "out.jsonl"
    for doc_id in ("a", "b"):
        writer = open_writer("jsonl", path)
        writer.write(doc_id, EMPTY)
        writer.close()
    assert [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()] == ["b"]
    writer = open_writer("jsonl", path, append=True)
    writer.write("c", EMPTY)
    writer.close()
    assert [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()] == ["b", "c"]
