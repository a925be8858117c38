"""The whole-dump index at its edges: calendar boundaries, repeated entities, pair order, limits, files."""
import datetime
import itertools
import json
from collections import Counter

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ner_id.index
from ner_id.index import build, normalise, read_extract, write
from ner_id.types import Document, Entity, Topic


def ent(text, label, start, group=None, kb_id=None, canonical=None, score=0.9):
    return {"text": text, "label": label, "start": start, "end": start + len(text), "score": score,
            "source": "model", "canonical": canonical, "kb_id": kb_id, "group": group}


def one(text, label="PER", date=None, doc="x", **fields):
    record = {"id": doc, "entities": [ent(text, label, 0)], **fields}
    if date is not None:
        record["date"] = date
    return record


def periods(dates, period):
    records = [one("Budi", date=d, doc=f"d{n}") for n, d in enumerate(dates)]
    timeline = build(records, date_field="date", period=period).timeline
    return dict(zip(timeline["period"], timeline["mentions"]))


# -- calendar edges -----------------------------------------------------------------------------------

def test_iso_weeks_around_the_year_boundary():
    # 2024-12-30 (a Monday) is in ISO week 1 of 2025; 2021-01-03 (a Sunday) in week 53 of 2020
    assert periods(["2024-12-29", "2024-12-30", "2025-01-05", "2025-01-06"], "week") == {
        "2024-W52": 1, "2025-W01": 2, "2025-W02": 1}
    assert periods(["2021-01-03", "2021-01-04", "2020-12-31"], "week") == {"2020-W53": 2, "2021-W01": 1}


def test_months_and_days_around_the_year_boundary():
    assert periods(["2024-12-31", "2025-01-01", "2025-01-31", "2025-02-01"], "month") == {
        "2024-12": 1, "2025-01": 2, "2025-02": 1}
    assert periods(["2024-12-31", "2025-01-01", "2025-01-01"], "day") == {"2024-12-31": 1, "2025-01-01": 2}


@settings(max_examples=30, deadline=None)
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_week_label_is_the_iso_calendar(date):
    year, week, _ = date.isocalendar()
    assert periods([date.isoformat()], "week") == {f"{year}-W{week:02d}": 1}
    assert periods([date.isoformat()], "month") == {f"{date.year}-{date.month:02d}": 1}


def test_dates_from_text_with_time_date_and_datetime_values_and_bad_dates():
    records = [one("Budi", date="2025-03-01T23:30:00+07:00", doc="a"), one("Budi", date=datetime.date(2025, 2, 1), doc="b"),
               one("Budi", date=datetime.datetime(2025, 4, 1, 8, 0), doc="c"), one("Budi", date="kemarin", doc="d"),
               one("Budi", date=1746057600, doc="e"), one("Budi", doc="f")]  # an int is Unix seconds
    with pytest.warns(UserWarning, match="1 of 5 dates .* 1 documents have no"):  # "kemarin"; no date at all
        tables = build(records, date_field="date", period="day")
    assert dict(zip(tables.timeline["period"], tables.timeline["mentions"])) == {
        "2025-02-01": 1, "2025-03-01": 1, "2025-04-01": 1, "2025-05-01": 1}
    row = tables.entities.iloc[0]
    assert (row["first_seen"], row["last_seen"], row["documents"]) == (
        pd.Timestamp("2025-02-01"), pd.Timestamp("2025-05-01"), 6)


def test_first_and_last_seen_whatever_the_order_of_documents():
    dates = ["2025-05-05", "2025-01-10", "2025-09-09", "2025-03-03"]
    row = build([one("Budi", date=d, doc=str(n)) for n, d in enumerate(dates)], date_field="date").entities.iloc[0]
    assert (row["first_seen"], row["last_seen"]) == (pd.Timestamp("2025-01-10"), pd.Timestamp("2025-09-09"))


def test_without_a_date_field_there_is_no_timeline_and_no_dates():
    tables = build([one("Budi", date="2025-01-01")])
    assert tables.timeline.empty and list(tables.timeline.columns) == ["entity", "period", "mentions"]
    assert pd.isna(tables.entities.loc[0, "first_seen"]) and pd.isna(tables.entities.loc[0, "last_seen"])
    dated = build([one("Budi", date="2025-01-01")], date_field="date")
    assert dated.entities.loc[0, "first_seen"] == pd.Timestamp("2025-01-01")


# -- options at their bounds --------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [0, -1, 1.0, "1", None])
def test_min_documents_must_be_a_positive_int(bad):
    with pytest.raises(ValueError, match="min_documents"):
        build([], min_documents=bad)


@pytest.mark.parametrize("bad", ["year", "Week", ""])
def test_period_must_be_day_week_or_month(bad):
    with pytest.raises(ValueError, match="period must be one of"):
        build([], period=bad)


def test_min_documents_keeps_pairs_at_the_bound_and_drops_those_below():
    # Budi-Ani in 3 documents, Budi-Citra in 2, Ani-Citra in 1
    docs = [["Budi", "Ani", "Citra"], ["Budi", "Ani"], ["Budi", "Ani", "Dewi"], ["Citra", "Budi"]]
    records = [{"id": n, "entities": [ent(t, "PER", 10 * k) for k, t in enumerate(names)]}
               for n, names in enumerate(docs)]

    def pairs(minimum):
        frame = build(records, min_documents=minimum).cooccurrence
        return {(a, b): n for a, b, n in frame.itertuples(index=False)}

    assert pairs(3) == {("PER:ani", "PER:budi"): 3}
    assert pairs(2) == {("PER:ani", "PER:budi"): 3, ("PER:budi", "PER:citra"): 2}
    assert len(pairs(1)) == 5 and pairs(4) == {}


# -- the same entity twice; pairs in either order ----------------------------------------------------

def test_the_same_entity_twice_in_one_document_is_one_document_two_mentions_and_no_self_pair():
    record = {"id": "a", "date": "2025-01-01", "topic": "politik",
              "entities": [ent("Budi", "PER", 0), ent("Ani", "PER", 10), ent("budi", "PER", 20)]}
    tables = build([record], date_field="date")
    stats = tables.entities.set_index("id")
    assert (stats.loc["PER:budi", "documents"], stats.loc["PER:budi", "mentions"]) == (1, 2)
    assert tables.entities["id"].tolist() == ["PER:budi", "PER:ani"]  # most mentions first
    assert [tuple(r) for r in tables.cooccurrence.itertuples(index=False)] == [("PER:ani", "PER:budi", 1)]
    assert [tuple(r) for r in tables.timeline.itertuples(index=False)] == [("PER:ani", "2025-W01", 1),
                                                                           ("PER:budi", "2025-W01", 2)]
    assert [tuple(r) for r in tables.topics.itertuples(index=False)] == [("PER:ani", "politik", 1),
                                                                         ("PER:budi", "politik", 1)]
    assert sorted(stats.loc["PER:budi", "aliases"]) == ["Budi", "budi"]


def test_a_pair_written_in_either_order_is_one_row_with_entity_a_first_as_text():
    records = [{"id": 1, "entities": [ent("Zaki", "PER", 0), ent("Ani", "PER", 10)]},
               {"id": 2, "entities": [ent("Ani", "PER", 0), ent("Zaki", "PER", 10)]},
               {"id": 3, "entities": [ent("Zaki", "PER", 0), ent("Bandung", "LOC", 10)]}]
    rows = [tuple(r) for r in build(records).cooccurrence.itertuples(index=False)]
    assert sorted(rows) == [("LOC:bandung", "PER:zaki", 1), ("PER:ani", "PER:zaki", 2)]
    assert all(a < b for a, b, _ in rows)


def test_entities_sort_by_mentions_then_id_and_the_most_frequent_name_and_label_win():
    records = [{"id": 1, "entities": [ent("Ani", "PER", 0), ent("Citra", "PER", 10)]},
               {"id": 2, "entities": [ent("Bima", "PER", 0), ent("Citra", "PER", 10)]}]
    assert build(records).entities["id"].tolist() == ["PER:citra", "PER:ani", "PER:bima"]
    # one gazetteer entity written three ways; the name in most groups is canonical, first seen among equals
    kb = [{"id": n, "entities": [ent(t, lab, 0, kb_id="kb:1", canonical=t)]}
          for n, (t, lab) in enumerate([("Jakarta", "LOC"), ("DKI Jakarta", "ORG"), ("DKI Jakarta", "ORG"),
                                        ("Jakarta", "LOC"), ("Batavia", "LOC")])]
    row = build(kb).entities.iloc[0]
    assert (row["id"], row["canonical"], row["label"], row["kb_id"], row["documents"], row["mentions"]) == (
        "kb:kb:1", "Jakarta", "LOC", "kb:1", 5, 5)
    assert row["aliases"] == ["Batavia", "DKI Jakarta", "Jakarta"]


def test_a_name_tie_goes_to_the_first_seen():
    kb = [{"id": n, "entities": [ent(t, "LOC", 0, kb_id="q", canonical=t)]}
          for n, t in enumerate(["Solo", "Surakarta", "Surakarta", "Solo"])]
    assert build(kb).entities.loc[0, "canonical"] == "Solo"


# -- links: "X (Y)" -----------------------------------------------------------------------------------

@pytest.mark.parametrize("gap,linked", [(0, False), (1, True), (2, True), (3, False)])
def test_a_link_needs_the_second_name_one_or_two_characters_after_the_first(gap, linked):
    first = ent("Komisi Pemberantasan Korupsi", "ORG", 0, 0)
    second = ent("KPK", "ORG", first["end"] + gap, 0)
    records = [{"id": "a", "entities": [first, second]}, {"id": "b", "entities": [ent("KPK", "ORG", 0)]}]
    mentions = build(records).mentions
    in_b = mentions[mentions["document"] == "b"]["entity"].item()
    assert in_b == ("ORG:komisi pemberantasan korupsi" if linked else "ORG:kpk")
    assert mentions[mentions["document"] == "a"]["entity"].tolist() == ["ORG:komisi pemberantasan korupsi"] * 2


def test_a_group_written_acronym_first_still_takes_the_long_name_and_the_majority_label():
    group = [ent("KPK", "ORG", 0, 7), ent("Komisi Pemberantasan Korupsi", "ORG", 5, 7),
             ent("Komisi Pemberantasan Korupsi", "LOC", 60, 7)]
    tables = build([{"id": "a", "entities": group}])
    row = tables.entities.iloc[0]
    assert (row["id"], row["canonical"], row["label"], row["mentions"], row["documents"]) == (
        "ORG:komisi pemberantasan korupsi", "Komisi Pemberantasan Korupsi", "ORG", 3, 1)
    assert tables.mentions["start"].tolist() == [0, 5, 60]  # in text order


def test_a_gazetteer_id_in_a_group_anchors_it_and_its_canonical_name_is_an_alias_elsewhere():
    group = [ent("Jokowi", "PER", 0, 0), ent("Joko Widodo", "PER", 20, 0, kb_id="Q1", canonical="Joko Widodo")]
    records = [{"id": "a", "entities": group}, {"id": "b", "entities": [ent("JOKO  WIDODO", "PER", 0)]},
               {"id": "c", "entities": [ent("Jokowi", "PER", 0)]}]
    tables = build(records)
    assert tables.mentions["entity"].tolist() == ["kb:Q1"] * 3 + ["PER:jokowi"]
    row = tables.entities.set_index("id").loc["kb:Q1"]
    assert (row["kb_id"], row["canonical"], row["documents"]) == ("Q1", "Joko Widodo", 2)


def test_a_single_gazetteer_mention_without_canonical_is_named_by_its_text():
    tables = build([{"id": "a", "entities": [ent("Bandung", "LOC", 0, kb_id="g:1")]},
                    {"id": "b", "entities": [ent("bandung", "LOC", 0)]}])
    assert tables.mentions["entity"].tolist() == ["kb:g:1", "kb:g:1"]
    assert tables.entities.loc[0, "canonical"] == "Bandung" and tables.ambiguous.empty


@pytest.mark.parametrize("order", [1, -1])
def test_a_plain_entity_whose_name_a_gazetteer_entity_carries_joins_under_the_gazetteer_id(order):
    records = [{"id": "a", "entities": [ent("Solo", "LOC", 0, 0), ent("Sala", "LOC", 6, 0)]},
               {"id": "b", "entities": [ent("Solo", "LOC", 0, kb_id="g:9", canonical="Solo")]},
               {"id": "c", "entities": [ent("Sala", "LOC", 0)]}][::order]
    tables = build(records)
    assert tables.mentions["entity"].tolist() == ["kb:g:9"] * 4
    assert tables.entities["id"].tolist() == ["kb:g:9"] and tables.ambiguous.empty


def test_ambiguous_aliases_list_every_entity_they_name_sorted():
    records = [{"id": n, "entities": [ent(long, "PER", 0, 0), ent("SBY", "PER", len(long) + 2, 0)]}
               for n, long in enumerate(["Susilo Bambang Yudhoyono", "Agus Harimurti Yudhoyono", "Siti Baiq Yuliana"])]
    ambiguous = build(records).ambiguous
    assert ambiguous["alias"].tolist() == ["PER:sby"]
    assert ambiguous["entities"].iloc[0] == ["PER:agus harimurti yudhoyono", "PER:siti baiq yuliana",
                                             "PER:susilo bambang yudhoyono"]


# -- inputs -------------------------------------------------------------------------------------------

def test_documents_and_tuples_with_fields_are_records():
    doc = Document("Budi ke Bandung.", (Entity("Budi", "PER", 0, 4, 0.9, "model"),
                                        Entity("Bandung", "LOC", 8, 15, 0.8, "gazetteer")),
                   topics=(Topic("sports", "Olahraga", 0.7),))
    tables = build([("n1", doc, {"date": "2025-06-01"}), ("n2", doc)], date_field="date", period="day")
    assert tables.mentions["document"].tolist() == ["n1", "n1", "n2", "n2"]
    assert tables.mentions["score"].tolist() == pytest.approx([0.9, 0.8, 0.9, 0.8])
    assert dict(zip(tables.topics["entity"], tables.topics["documents"])) == {"LOC:bandung": 2, "PER:budi": 2}
    assert set(tables.topics["topic"]) == {"sports"}
    assert tables.timeline["mentions"].tolist() == [1, 1] and set(tables.timeline["period"]) == {"2025-06-01"}
    with pytest.raises(TypeError, match=r"^index records must be dicts of ner-id extract output or \(id, Document\[, "
                                        r"fields\]\) tuples, got tuple$"):
        build([("n1",)])
    with pytest.raises(TypeError, match="got str"):
        build(["n1"])


def test_a_record_without_an_entities_list_is_an_error_naming_it():
    with pytest.raises(ValueError, match="'b'"):
        build([{"id": "a", "entities": []}, {"id": "b", "text": "x"}])


def test_an_entity_frame_with_rows_without_entities_keeps_the_document_and_its_fields():
    frame = pd.DataFrame({"id": ["a", "a", "b", "c"], "text": ["Budi", "Ani", None, "Budi"],
                          "label": ["PER", "PER", None, "PER"], "start": [0, 9, None, 0], "end": [4, 12, None, 4],
                          "score": [0.5, None, None, 0.7], "group": [None, None, None, None],
                          "date": ["2025-01-01", "2025-01-01", "2025-01-02", "2025-02-01"],
                          "topic": ["sport", "sport", None, float("nan")]})
    records = ner_id.index._frame_records(frame)
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[1]["entities"] == [] and records[1]["date"] == "2025-01-02"
    assert records[0]["entities"][1]["score"] is None and records[0]["entities"][1]["group"] is None
    tables = build(frame, date_field="date", period="month")
    assert tables.mentions["document"].tolist() == ["a", "a", "c"]
    assert dict(zip(tables.topics["entity"], tables.topics["documents"])) == {"PER:ani": 1, "PER:budi": 1}
    assert tables.mentions["score"].isna().tolist() == [False, True, False]
    assert dict(zip(zip(tables.timeline["entity"], tables.timeline["period"]), tables.timeline["mentions"])) == {
        ("PER:ani", "2025-01"): 1, ("PER:budi", "2025-01"): 1, ("PER:budi", "2025-02"): 1}


def test_topic_comes_from_the_first_topic_or_a_topic_field():
    records = [{"id": 1, "topics": [{"id": "economy"}, {"id": "politics"}], "entities": [ent("Budi", "PER", 0)]},
               {"id": 2, "topics": [], "topic": 7, "entities": [ent("Budi", "PER", 0)]},
               {"id": 3, "topics": ["x"], "entities": [ent("Budi", "PER", 0)]}]
    topics = build(records).topics
    assert dict(zip(topics["topic"], topics["documents"])) == {"7": 1, "economy": 1}


def test_read_extract_skips_blank_lines_and_reads_twice(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text("\n" + json.dumps(one("Budí")) + "\n   \n" + json.dumps(one("Ani", doc="y")) + "\n",
                    encoding="utf-8")
    records = read_extract(path)
    assert [r["id"] for r in records()] == ["x", "y"] == [r["id"] for r in records()]
    assert build(str(path)).mentions["text"].tolist() == ["Budí", "Ani"]


def test_mentions_sink_gets_every_mention_and_the_mentions_table_is_empty():
    blocks = []
    tables = build([one("Budi", doc=n) for n in range(3)], mentions_sink=blocks.append)
    assert tables.mentions.empty and list(tables.mentions.columns) == list(ner_id.index.MENTION_COLUMNS)
    assert [row for block in blocks for row in block] == [(str(n), "PER:budi", 0, 4, "Budi", 0.9) for n in range(3)]


def test_write_stores_every_table_and_an_empty_index(tmp_path):
    records = [{"id": "a", "date": "2025-01-01", "entities": [ent("Budi", "PER", 0), ent("Ani", "PER", 7, score=None)]},
               {"id": "b", "entities": []}]
    tables = write(records, tmp_path / "out" / "deep", date_field="date")
    out = tmp_path / "out" / "deep"
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert [tuple(r) for r in mentions.itertuples(index=False)][0] == ("a", "PER:budi", 0, 4, "Budi", 0.9)
    assert pd.isna(mentions.loc[1, "score"]) and mentions.loc[1, "text"] == "Ani"
    for name in ("entities", "cooccurrence", "timeline", "topics", "ambiguous"):
        back = pd.read_parquet(out / f"{name}.parquet")
        assert back.astype(str).values.tolist() == getattr(tables, name).astype(str).values.tolist(), name
    empty = write([{"id": "z", "entities": []}], tmp_path / "empty")
    assert empty.entities.empty
    assert pq.read_table(tmp_path / "empty" / "mentions.parquet").num_rows == 0
    assert pq.read_schema(tmp_path / "empty" / "mentions.parquet").names == list(ner_id.index.MENTION_COLUMNS)


# -- laws ---------------------------------------------------------------------------------------------

NAMES = ["Budi", "Ani", "Citra", "Dewi", "Eko"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NAMES), max_size=6), min_size=1, max_size=8), st.integers(1, 3))
def test_counts_equal_a_brute_force_count_over_the_documents(docs, minimum):
    records = [{"id": n, "date": f"2025-01-{n + 1:02d}",
                "entities": [ent(name, "PER", 10 * k) for k, name in enumerate(names)]} for n, names in enumerate(docs)]
    tables = build(records, date_field="date", period="day", min_documents=minimum)
    key = {name: f"PER:{name.lower()}" for name in NAMES}
    documents = Counter(key[name] for names in docs for name in set(names))
    mentions = Counter(key[name] for names in docs for name in names)
    stats = tables.entities.set_index("id")
    assert dict(stats["documents"]) == dict(documents) and dict(stats["mentions"]) == dict(mentions)
    pairs = Counter(p for names in docs for p in itertools.combinations(sorted({key[n] for n in names}), 2))
    got = {(a, b): n for a, b, n in tables.cooccurrence.itertuples(index=False)}
    assert got == {p: n for p, n in pairs.items() if n >= minimum}
    timeline = Counter((key[name], f"2025-01-{n + 1:02d}") for n, names in enumerate(docs) for name in names)
    assert {(e, p): n for e, p, n in tables.timeline.itertuples(index=False)} == dict(timeline)
    assert len(tables.mentions) == sum(map(len, docs))


def test_pair_counts_merged_in_small_blocks_equal_one_block(monkeypatch):
    docs = [NAMES[:k] for k in range(2, 6)] * 3 + [NAMES[1:4], NAMES[::2]]
    records = [{"id": n, "entities": [ent(t, "PER", 10 * k) for k, t in enumerate(names)]} for n, names in enumerate(docs)]
    expected = build(records).cooccurrence
    monkeypatch.setattr(ner_id.index, "_PAIR_BLOCK", 3)
    pd.testing.assert_frame_equal(build(records).cooccurrence, expected)
    pairs = {(a, b): n for a, b, n in expected.itertuples(index=False)}
    assert pairs == {("PER:ani", "PER:budi"): 12, ("PER:ani", "PER:citra"): 10, ("PER:budi", "PER:citra"): 10,
                     ("PER:ani", "PER:dewi"): 7, ("PER:budi", "PER:dewi"): 6, ("PER:citra", "PER:dewi"): 7,
                     ("PER:ani", "PER:eko"): 3, ("PER:budi", "PER:eko"): 4, ("PER:citra", "PER:eko"): 4,
                     ("PER:dewi", "PER:eko"): 3}


def test_normalise_edges():
    assert normalise("Bapak Ibu  Sri\tMulyani") == "sri mulyani"
    assert normalise("Dr.") == "dr." and normalise("Presiden") == "presiden"
    assert normalise("Presiden Presiden") == "presiden"  # one word is always kept
    assert normalise("ÉCOLE") == "ecole" and normalise("") == ""


def test_an_entity_linked_to_its_alias_keeps_its_full_name_as_id_whichever_document_comes_first():
    linked = {"id": "a", "entities": [ent("Joko Widodo", "PER", 0, 0), ent("Jokowi", "PER", 13, 0)]}
    alone = {"id": "b", "entities": [ent("Jokowi", "PER", 0)]}
    for records in ([linked, alone], [alone, linked]):
        tables = build(records)
        assert tables.mentions["entity"].tolist() == ["PER:joko widodo"] * 3
        assert tables.entities["id"].tolist() == ["PER:joko widodo"]


def test_a_single_gazetteer_mention_carries_its_canonical_name_to_other_documents():
    records = [{"id": "a", "entities": [ent("Jakarta", "LOC", 0, kb_id="k:31", canonical="DKI Jakarta")]},
               {"id": "b", "entities": [ent("DKI  Jakarta", "LOC", 0)]}, {"id": "c", "entities": [ent("Jakarta", "LOC", 0)]}]
    tables = build(records)
    assert tables.mentions["entity"].tolist() == ["kb:k:31", "kb:k:31", "LOC:jakarta"]
    assert tables.entities.set_index("id").loc["kb:k:31", "canonical"] == "DKI Jakarta"


def test_a_missing_topic_is_no_topic():
    records = [{"id": n, "topic": topic, "entities": [ent("Budi", "PER", 0)]}
               for n, topic in enumerate([pd.NA, float("nan"), None, "sport"])]
    assert [tuple(r) for r in build(records).topics.itertuples(index=False)] == [("PER:budi", "sport", 1)]
    assert ner_id.index._missing(pd.NA) and ner_id.index._missing(float("nan")) and ner_id.index._missing(None)
    assert not ner_id.index._missing(0) and not ner_id.index._missing("") and not ner_id.index._missing([1])


def test_write_again_into_the_same_folder_replaces_the_tables(tmp_path):
    write([{"id": "a", "entities": [ent("Budi", "PER", 0)]}], tmp_path)
    tables = write([{"id": "b", "entities": [ent("Ani", "PER", 0, score=None), ent("Citra", "PER", 9, score=None)]}],
                   tmp_path)
    mentions = pq.read_table(tmp_path / "mentions.parquet")
    assert mentions.column("text").to_pylist() == ["Ani", "Citra"]
    assert str(mentions.schema.field("score").type) == "double" and mentions.column("score").null_count == 2
    assert str(mentions.schema.field("start").type) == "int64"
    for name in ("entities", "cooccurrence", "timeline", "topics", "ambiguous"):
        assert pq.read_schema(tmp_path / f"{name}.parquet").names == list(getattr(tables, name).columns), name
    assert pq.read_table(tmp_path / "entities.parquet").column("id").to_pylist() == ["PER:ani", "PER:citra"]


def test_an_alias_linked_to_exactly_two_entities_is_ambiguous():
    records = [{"id": n, "entities": [ent(long, "PER", 0, 0), ent("SBY", "PER", len(long) + 2, 0)]}
               for n, long in enumerate(["Susilo Bambang Yudhoyono", "Agus Harimurti Yudhoyono"])]
    records.append({"id": 9, "entities": [ent("SBY", "PER", 0)]})
    tables = build(records)
    assert tables.ambiguous["alias"].tolist() == ["PER:sby"]
    assert tables.mentions["entity"].tolist() == ["PER:susilo bambang yudhoyono"] * 2 + \
        ["PER:agus harimurti yudhoyono"] * 2 + ["PER:sby"]


def test_labels_and_canonical_names_of_plain_and_linked_groups():
    group = [ent("Widodo", "PER", 0, 0), ent("Jokowi", "PER", 8, 0, kb_id="Q1", canonical="Ir. H. Joko Widodo")]
    tables = build([{"id": "a", "entities": group}, {"id": "b", "entities": [ent("Bandung", "LOC", 0)]}])
    stats = tables.entities.set_index("id")
    assert (stats.loc["kb:Q1", "canonical"], stats.loc["kb:Q1", "label"]) == ("Ir. H. Joko Widodo", "PER")
    assert (stats.loc["LOC:bandung", "canonical"], stats.loc["LOC:bandung", "label"]) == ("Bandung", "LOC")
    assert pd.isna(stats.loc["LOC:bandung", "kb_id"]) and stats.loc["kb:Q1", "kb_id"] == "Q1"


def test_links_after_an_ambiguous_alias_still_join():
    records = [{"id": n, "entities": [ent(long, "PER", 0, 0), ent("SBY", "PER", len(long) + 2, 0)]}
               for n, long in enumerate(["Susilo Bambang Yudhoyono", "Agus Harimurti Yudhoyono"])]
    records += [{"id": 5, "entities": [ent("Joko Widodo", "PER", 0, 0), ent("Jokowi", "PER", 13, 0)]},
                {"id": 6, "entities": [ent("Jokowi", "PER", 0)]}]
    tables = build(records)
    assert tables.ambiguous["alias"].tolist() == ["PER:sby"]
    assert tables.mentions["entity"].tolist()[-3:] == ["PER:joko widodo"] * 3


def test_every_table_has_its_columns_and_dtypes():
    records = [{"id": "a", "date": "2025-01-01", "topic": "sport", "entities": [
        ent("Budi", "PER", 0, 0), ent("Budi", "PER", 8, 0), ent("Bandung", "LOC", 20, kb_id="k:1", canonical="Kota Bandung")]},
        {"id": "b", "date": "2025-01-02", "entities": [ent("SBY", "PER", 0)]}]
    tables = build(records, date_field="date")

    def dtypes(frame):
        return {c: str(t) for c, t in frame.dtypes.items()}

    seen = {c: dtypes(tables.entities).pop(c) for c in ("first_seen", "last_seen")}
    assert all(t.startswith("datetime64[") for t in seen.values())  # the resolution depends on pandas' version
    assert {c: t for c, t in dtypes(tables.entities).items() if c not in seen} == {
        "id": "string", "canonical": "string", "label": "string", "kb_id": "string", "aliases": "object",
        "documents": "Int64", "mentions": "Int64"}
    assert list(tables.entities.columns) == ["id", "canonical", "label", "kb_id", "aliases", "documents", "mentions",
                                             "first_seen", "last_seen"]
    assert dtypes(tables.mentions) == {"document": "string", "entity": "string", "start": "Int64", "end": "Int64",
                                       "text": "string", "score": "float64"}
    assert dtypes(tables.cooccurrence) == {"entity_a": "string", "entity_b": "string", "documents": "Int64"}
    assert dtypes(tables.timeline) == {"entity": "string", "period": "string", "mentions": "Int64"}
    assert dtypes(tables.topics) == {"entity": "string", "topic": "string", "documents": "Int64"}
    assert dtypes(tables.ambiguous) == {"alias": "string", "entities": "object"}
    assert [tuple(r) for r in tables.cooccurrence.itertuples(index=False)] == [("PER:budi", "kb:k:1", 1)]


def test_an_ungrouped_entity_never_joins_a_numbered_group():
    record = {"id": "a", "entities": [ent("Budi", "PER", 0, 0), ent("Ani", "PER", 10), ent("Pak Budi", "PER", 20, 0),
                                      ent("Citra", "PER", 30, 1), ent("Dewi", "PER", 40)]}
    tables = build([record])
    assert dict(zip(tables.mentions["text"], tables.mentions["entity"])) == {
        "Budi": "PER:budi", "Pak Budi": "PER:budi", "Ani": "PER:ani", "Citra": "PER:citra", "Dewi": "PER:dewi"}
    assert tables.entities.set_index("id")["mentions"].to_dict() == {"PER:budi": 2, "PER:ani": 1, "PER:citra": 1,
                                                                     "PER:dewi": 1}


def test_a_series_of_records_is_an_iterable_of_records():
    records = pd.Series([one("Budi", doc="a"), one("Ani", doc="b")])
    assert build(records).mentions["document"].tolist() == ["a", "b"]


def test_a_record_without_an_id_has_no_document_id():
    mentions = build([{"entities": [ent("Budi", "PER", 0)]}, {"id": 0, "entities": [ent("Ani", "PER", 0)]}]).mentions
    assert pd.isna(mentions.loc[0, "document"]) and mentions.loc[1, "document"] == "0"


def test_label_and_name_counts_add_up_across_documents():
    kb = [{"id": n, "entities": [ent(t, lab, 0, kb_id="q", canonical=t)]}
          for n, (t, lab) in enumerate([("Jakarta", "ORG"), ("DKI Jakarta", "LOC"), ("DKI Jakarta", "LOC")])]
    row = build(kb).entities.iloc[0]
    assert (row["label"], row["canonical"], row["mentions"]) == ("LOC", "DKI Jakarta", 3)
    assert build(kb).entities.index.tolist() == [0]
    many = build([one(name, doc=n) for n, name in enumerate(["Ani", "Budi", "Budi", "Citra", "Citra", "Citra"])])
    assert many.entities["id"].tolist() == ["PER:citra", "PER:budi", "PER:ani"]
    assert many.entities.index.tolist() == [0, 1, 2]


def test_mentions_go_to_the_sink_in_blocks_of_fifty_thousand():
    big = {"id": "big", "entities": [ent("Budi", "PER", 5 * k) for k in range(50_000)]}
    small = {"id": "small", "entities": [ent("Ani", "PER", 0)]}
    blocks = []
    build([big, small], mentions_sink=lambda rows: blocks.append(len(rows)))
    assert blocks == [50_000, 1]
    kept = build([big, small]).mentions
    assert len(kept) == 50_001 and kept["document"].iloc[-1] == "small" and kept["start"].iloc[49_999] == 249_995


def test_an_entity_frame_reads_its_dates_from_the_named_field():
    frame = pd.DataFrame({"id": ["a", "b"], "text": ["Budi", "Budi"], "label": ["PER", "PER"], "start": [0, 0],
                          "end": [4, 4], "published": ["2025-01-31", "2025-02-01"]})
    tables = build(frame, date_field="published", period="month")
    assert tables.timeline["period"].tolist() == ["2025-01", "2025-02"]
    seen = tables.entities.set_index("id").loc["PER:budi", ["first_seen", "last_seen"]]
    assert [d.date() for d in seen] == [datetime.date(2025, 1, 31), datetime.date(2025, 2, 1)]


def test_date_options_without_a_date_field_are_refused_by_name():
    for options in ({"date_format": "%d/%m/%Y"}, {"dayfirst": True}, {"dayfirst": False}):
        with pytest.raises(ValueError, match="^date_format and dayfirst need a date_field$"):
            build([{"id": "a", "entities": []}], **options)


def test_only_capitals_at_the_head_of_an_article_are_a_dateline_left_out():
    record = {"id": "a", "entities": [ent("JAKARTA", "LOC", 0), ent("BUMN", "ORG", 120), ent("Budi", "PER", 130)]}
    kept = build([record], exclude_bylines=True).entities
    assert kept["id"].tolist() == ["ORG:bumn", "PER:budi"]
