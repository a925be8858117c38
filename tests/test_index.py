"""The whole-dump index: one id per entity across documents, and its tables."""
import json

import numpy as np
import pandas as pd
import pytest

import ner_id.index
from ner_id.cli import main
from ner_id.dates import DateWarning
from ner_id.index import build, normalise


def ent(text, label, start, group, kb_id=None, canonical=None, score=0.9):
    return {"text": text, "label": label, "start": start, "end": start + len(text), "score": score,
            "source": "model", "canonical": canonical, "kb_id": kb_id, "group": group}


RECORDS = [
    {"id": "a", "date": "2025-01-06", "topics": [{"id": "politics", "label": "Politik", "score": 0.9}], "entities": [
        ent("Joko Widodo", "PER", 9, 0), ent("Jokowi", "PER", 22, 0),          # "Joko Widodo (Jokowi)": a link
        ent("Komisi Pemberantasan Korupsi", "ORG", 40, 1), ent("KPK", "ORG", 70, 1),
        ent("Jakarta", "LOC", 90, 2, "kemendagri:31", "DKI Jakarta")]},
    {"id": "b", "date": "2025-01-08", "topics": [{"id": "politics", "label": "Politik", "score": 0.8}], "entities": [
        ent("Jokowi", "PER", 0, 0), ent("KPK", "ORG", 20, 1), ent("DKI Jakarta", "LOC", 30, 2, "kemendagri:31",
                                                                  "DKI Jakarta")]},
    {"id": "c", "date": "2025-02-03", "topics": [{"id": "economy", "label": "Ekonomi", "score": 0.7}], "entities": [
        ent("Presiden  JOKO WIDÓDO", "PER", 0, 0), ent("Susilo Bambang Yudhoyono", "PER", 30, 1),
        ent("SBY", "PER", 56, 1), ent("Agus Harimurti Yudhoyono", "PER", 70, 2), ent("SBY", "PER", 96, 2)]},
    {"id": "d", "entities": []},
]


@pytest.fixture(scope="module")
def tables():
    return build(RECORDS, date_field="date", period="month")


def entity_of(tables, document, text):
    rows = tables.mentions[(tables.mentions["document"] == document) & (tables.mentions["text"] == text)]
    return rows["entity"].iloc[0]


def test_normalise_folds_case_diacritics_titles_and_spacing():
    assert normalise("Presiden  JOKO WIDÓDO") == "joko widodo"
    assert normalise("Presiden") == "presiden"


def test_an_alias_linked_in_one_document_joins_mentions_in_every_document(tables):
    joko = entity_of(tables, "a", "Joko Widodo")
    assert entity_of(tables, "b", "Jokowi") == joko == entity_of(tables, "c", "Presiden  JOKO WIDÓDO")
    assert entity_of(tables, "b", "KPK") == entity_of(tables, "a", "Komisi Pemberantasan Korupsi")
    assert entity_of(tables, "b", "DKI Jakarta") == entity_of(tables, "a", "Jakarta") == "kb:kemendagri:31"
    row = tables.entities.set_index("id").loc[joko]
    assert (row["label"], row["documents"], row["mentions"]) == ("PER", 3, 4)
    assert row["first_seen"] == pd.Timestamp("2025-01-06") and row["last_seen"] == pd.Timestamp("2025-02-03")


def test_an_alias_linked_to_two_entities_is_ambiguous_and_links_nothing(tables):
    assert tables.ambiguous["alias"].tolist() == ["PER:sby"]
    assert sorted(tables.ambiguous["entities"].iloc[0]) == ["PER:agus harimurti yudhoyono",
                                                            "PER:susilo bambang yudhoyono"]
    assert entity_of(tables, "c", "Susilo Bambang Yudhoyono") != entity_of(tables, "c", "Agus Harimurti Yudhoyono")


def test_cooccurrence_timeline_and_topics(tables):
    joko, kpk = entity_of(tables, "a", "Joko Widodo"), entity_of(tables, "a", "KPK")
    pairs = {(a, b): n for a, b, n in tables.cooccurrence.itertuples(index=False)}
    assert pairs[tuple(sorted((joko, kpk)))] == 2 and pairs[tuple(sorted((joko, "kb:kemendagri:31")))] == 2
    assert len(build(RECORDS, min_documents=2).cooccurrence) == 3  # Joko-KPK, Joko-Jakarta, KPK-Jakarta
    timeline = {(e, p): n for e, p, n in tables.timeline.itertuples(index=False)}
    assert timeline[joko, "2025-01"] == 3 and timeline[joko, "2025-02"] == 1
    weekly = build(RECORDS, date_field="date", period="week").timeline
    assert sorted(set(weekly["period"])) == ["2025-W02", "2025-W06"]
    topics = {(e, t): n for e, t, n in tables.topics.itertuples(index=False)}
    assert topics[joko, "politics"] == 2 and topics[joko, "economy"] == 1


def test_mentions_keep_offsets_and_every_mention(tables):
    assert len(tables.mentions) == sum(len(r["entities"]) for r in RECORDS)
    first = tables.mentions.iloc[0]
    assert (first["document"], first["text"], first["start"], first["end"]) == ("a", "Joko Widodo", 9, 20)


def test_cli_builds_parquet_tables_from_extract_output(tmp_path):
    tagged = tmp_path / "tagged.jsonl"
    tagged.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    assert main(["index", str(tagged), "-o", str(tmp_path / "index"), "--date-field", "date", "--period", "month"]) == 0
    expected = build(RECORDS, date_field="date", period="month")
    for name in ("entities", "mentions", "cooccurrence", "timeline", "topics", "ambiguous"):
        back = pd.read_parquet(tmp_path / "index" / f"{name}.parquet")
        back = back.map(lambda v: list(v) if isinstance(v, np.ndarray) else v)  # Parquet gives lists back as arrays
        assert back.astype(str).values.tolist() == getattr(expected, name).astype(str).values.tolist(), name
    assert pd.read_parquet(tmp_path / "index" / "entities.parquet")[["id", "documents", "mentions"]].values.tolist() == [
        ["PER:joko widodo", 3, 4], ["ORG:komisi pemberantasan korupsi", 2, 3], ["PER:agus harimurti yudhoyono", 1, 2],
        ["PER:susilo bambang yudhoyono", 1, 2], ["kb:kemendagri:31", 2, 2]]
    assert pd.read_parquet(tmp_path / "index" / "mentions.parquet")["entity"].tolist() == expected.mentions["entity"].tolist()
    (tmp_path / "bad.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    assert main(["index", str(tmp_path / "bad.jsonl"), "-o", str(tmp_path / "x")]) == 2


@pytest.mark.model
def test_extract_then_index_end_to_end(tmp_path):
    dump, tagged = tmp_path / "dump.jsonl", tmp_path / "tagged.jsonl"
    texts = ["Presiden Joko Widodo (Jokowi) tiba di Jakarta bersama KPK.", "Jokowi kembali ke Jakarta, kata KPK."]
    dump.write_text("".join(json.dumps({"id": f"n{i}", "date": f"2025-03-0{i + 1}", "text": t}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    assert main(["extract", str(dump), "-o", str(tagged), "--id-field", "id", "--keep-field", "date",
                 "--model", "fast", "--quiet"]) == 0
    assert [json.loads(line)["date"] for line in tagged.read_text().splitlines()] == ["2025-03-01", "2025-03-02"]
    tables = ner_id.index.build(tagged, date_field="date", period="day")
    jokowi = tables.mentions[tables.mentions["text"] == "Jokowi"]["entity"].unique()
    assert len(jokowi) == 1 and jokowi[0] == tables.mentions[tables.mentions["text"] == "Joko Widodo"]["entity"].iloc[0]
    assert tables.entities.set_index("id").loc[jokowi[0], "documents"] == 2


@pytest.mark.model
@pytest.mark.slow
def test_dask_index_equals_the_single_machine_build():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    import ner_id.dask

    texts = ["Presiden Joko Widodo (Jokowi) tiba di Jakarta.", "Jokowi bertemu KPK.", "Tidak ada nama.",
             "Komisi Pemberantasan Korupsi (KPK) memanggil saksi di Bandung."]
    df = pd.DataFrame({"id": [f"n{i}" for i in range(len(texts))], "text": texts})
    expected = ner_id.index.build(ner_id.extract_df(df, text_col="text", id_col="id"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        entities = ner_id.dask.extract_df(dd.from_pandas(df, npartitions=2), text_col="text", id_col="id")
        result = ner_id.dask.index(entities)
    for name in ("entities", "mentions", "cooccurrence"):
        pd.testing.assert_frame_equal(getattr(result, name), getattr(expected, name), obj=name)


def dated(*dates):
    """Extract records with one entity each ("Jokowi"), dated as given."""
    return [{"id": f"n{i}", "date": d, "entities": [ent("Jokowi", "PER", 0, 0)]} for i, d in enumerate(dates)]


def seen(tables):
    row = tables.entities.iloc[0]
    return str(row["first_seen"].date()), str(row["last_seen"].date())


@pytest.mark.parametrize("dates, first, last", [
    (["2025-10-20", "2025-10-21T09:30:00+07:00", "2025/10/22 17:00"], "2025-10-20", "2025-10-22"),
    (["10/20/2025 17:00", "05/06/2025 08:00", "12/31/2025"], "2025-05-06", "2025-12-31"),  # month first, as 10/20 shows
    (["20/10/2025 17:00 WIB", "05/06/2025", "31.12.2025"], "2025-06-05", "2025-12-31"),  # day first, as 20/10 shows
    ([1760979600, "1761066000", 1761066000.5], "2025-10-20", "2025-10-21"),               # Unix seconds, UTC
    (["Senin, 20 Oktober 2025 17:00 WIB", "21 Okt. 2025", "22 October 2025"], "2025-10-20", "2025-10-22"),
])
def test_dates_in_the_common_forms_fill_the_timeline(dates, first, last, recwarn):
    tables = build(dated(*dates), date_field="date", period="day")
    assert seen(tables) == (first, last) and tables.timeline["mentions"].sum() == 3
    assert not recwarn.list


def test_dayfirst_and_date_format_read_ambiguous_dates():
    assert seen(build(dated("05/06/2025", "07/06/2025"), date_field="date", dayfirst=True)) == ("2025-06-05", "2025-06-07")
    assert seen(build(dated("05/06/2025", "07/06/2025"), date_field="date", dayfirst=False)) == ("2025-05-06", "2025-07-06")
    tables = build(dated("06-05-25 17.00", "07-05-25 08.00"), date_field="date", date_format="%d-%m-%y %H.%M")
    assert seen(tables) == ("2025-05-06", "2025-05-07")
    with pytest.raises(ValueError, match="date_format and dayfirst need a date_field"):
        build(dated("2025-01-01"), dayfirst=True)
    with pytest.raises(TypeError, match="dayfirst must be True, False or None, got 'yes'"):
        build(dated("2025-01-01"), date_field="date", dayfirst="yes")


def test_unreadable_dates_are_counted_with_an_example_and_none_readable_fails():
    with pytest.warns(DateWarning) as caught:
        tables = build(dated("2025-10-20", "kemarin", "2025-10-22", None), date_field="date", period="day")
    assert str(caught[0].message) == (
        "1 of 3 dates in field 'date' cannot be read, e.g. document 'n1': 'kemarin' (not a date; dates are read as "
        "ISO (2025-10-20, 2025-10-20T17:00:00+07:00), day/month/year or month/day/year (20/10/2025 17:00), "
        "20 Oktober 2025, Unix seconds); 1 documents have no 'date': left out of the timeline and first/last seen")
    assert tables.timeline["period"].tolist() == ["2025-10-20", "2025-10-22"]
    with pytest.warns(DateWarning, match=r"1 of 3 dates .* 'n2': '05/06/2025' \(day and month can be "
                                                       r"swapped: give the order with dayfirst"):
        build(dated("2025-10-20", "2025-10-21", "05/06/2025"), date_field="date")
    with pytest.raises(ValueError, match=r"none of the 2 dates in field 'date' can be read, e\.g\. document 'n0': "
                                         r"'05/06/2025' \(day and month can be swapped"):
        build(dated("05/06/2025", "07/08/2025"), date_field="date")
    with pytest.raises(ValueError, match=r"'n0': '10/20/2025' \(does not match date_format '%d/%m/%Y'\)"):
        build(dated("10/20/2025"), date_field="date", date_format="%d/%m/%Y")
    with pytest.raises(ValueError, match="no document has a value in the date field 'published'"):
        build(dated("2025-10-20"), date_field="published")


def test_cli_index_reads_month_first_dates_and_warns_about_the_rest(tmp_path, capsys):
    """The new user's dump: "10/20/2025 17:00" gave 0 timeline rows and no warning (issue 31)."""
    tagged = tmp_path / "tagged.jsonl"
    tagged.write_text("".join(json.dumps(r) + "\n" for r in dated("10/20/2025 17:00", "10/21/2025 08:00", "n/a")),
                      encoding="utf-8")
    assert main(["index", str(tagged), "-o", str(tmp_path / "ix"), "--date-field", "date", "--period", "day"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"ner-id: warning: {tagged}: 1 of 3 dates in field 'date' cannot be read, e.g. document 'n2': "
                      "'n/a' (not a date; dates are read as ISO (2025-10-20, 2025-10-20T17:00:00+07:00), "
                      "day/month/year or month/day/year (20/10/2025 17:00), 20 Oktober 2025, Unix seconds): left out "
                      "of the timeline and first/last seen")
    assert pd.read_parquet(tmp_path / "ix" / "timeline.parquet")["period"].tolist() == ["2025-10-20", "2025-10-21"]
    tagged.write_text("".join(json.dumps(r) + "\n" for r in dated("05/06/2025", "07/08/2025")), encoding="utf-8")
    assert main(["index", str(tagged), "-o", str(tmp_path / "ix"), "--date-field", "date", "--period", "day"]) == 2
    assert "none of the 2 dates in field 'date' can be read" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "ix").iterdir()) == [f"{t}.parquet" for t in (
        "ambiguous", "cooccurrence", "entities", "mentions", "timeline", "topics")]
    assert len(pd.read_parquet(tmp_path / "ix" / "mentions.parquet")) == 3  # the first run's tables are left as they were
    assert main(["index", str(tagged), "-o", str(tmp_path / "ix"), "--date-field", "date", "--period", "day",
                 "--monthfirst"]) == 0
    assert pd.read_parquet(tmp_path / "ix" / "timeline.parquet")["period"].tolist() == ["2025-05-06", "2025-07-08"]
    assert main(["index", str(tagged), "-o", str(tmp_path / "ix"), "--date-field", "date", "--period", "day",
                 "--dayfirst"]) == 0
    assert pd.read_parquet(tmp_path / "ix" / "timeline.parquet")["period"].tolist() == ["2025-06-05", "2025-08-07"]
    assert main(["index", str(tagged), "-o", str(tmp_path / "ix"), "--date-field", "date", "--period", "day",
                 "--date-format", "%d/%m/%Y"]) == 0
    assert pd.read_parquet(tmp_path / "ix" / "timeline.parquet")["period"].tolist() == ["2025-06-05", "2025-08-07"]


def test_unix_seconds_as_text_are_nine_to_eleven_digits():
    """The README: Unix seconds as "texts of 9 to 11 digits": 8 and 12 digits are no dates."""
    with pytest.warns(DateWarning, match=r"^2 of 4 dates in field 'date' cannot be read, e\.g\. document 'n2': "
                                         r"'99999999' \(not a date"):
        tables = build(dated("999999999", "10000000000", "99999999", "100000000000"), date_field="date", period="day")
    assert tables.timeline.values.tolist() == [["PER:jokowi", "2001-09-09", 1], ["PER:jokowi", "2286-11-20", 1]]
