import pandas as pd
import pytest

import ner_id


def test_extract_df_one_row_per_entity_keeps_the_id_column():
    df = pd.DataFrame({"doc_id": [7, 8, 9], "text": ["Ia ke Jakarta dan Bali.", "", "Presiden Joko Widodo tiba."]})
    out = ner_id.extract_df(df, text_col="text", id_col="doc_id")
    assert list(out.columns[:3]) == ["doc_id", "text", "label"]
    assert out[["doc_id", "text", "label", "start", "end"]].values.tolist() == [
        [7, "Jakarta", "LOC", 6, 13], [7, "Bali", "LOC", 18, 22], [9, "Joko Widodo", "PER", 9, 20]]
    for _, row in out.iterrows():
        source = df.set_index("doc_id").loc[row["doc_id"], "text"]
        assert source[row["start"]:row["end"]] == row["text"]


def test_extract_df_empty_frame_and_errors():
    empty = ner_id.extract_df(pd.DataFrame({"text": []}))
    assert empty.empty and "row" in empty.columns
    with pytest.raises(KeyError, match="'body' not in DataFrame"):
        ner_id.extract_df(pd.DataFrame({"text": ["x"]}), text_col="body")
    with pytest.raises(TypeError, match="row 1 has float"):
        ner_id.extract_df(pd.DataFrame({"text": ["Jakarta", None]}))


TEXTS = pd.DataFrame({"id": ["a", "b"], "text": ["Delegasi SCO tiba di Dushanbe, Tajikistan.",
                                                 "Presiden Joko Widodo (Jokowi) tiba di Jakarta. Jokowi disambut."]})


def test_tables_use_the_callers_pipeline_not_a_second_default_one(gazetteer_nlp):
    """extract_df / groups_df with ``nlp``: the caller's custom pipeline tags, no default one loads (issue 31)."""
    loaded = ner_id._default.cache_info().misses
    rows = ner_id.extract_df(TEXTS, id_col="id", nlp=gazetteer_nlp)
    assert rows[["id", "text", "label", "source"]].values.tolist() == [
        ["a", "SCO", "ORG", "gazetteer"], ["a", "Dushanbe", "LOC", "gazetteer"], ["a", "Tajikistan", "LOC", "gazetteer"],
        ["b", "Jakarta", "LOC", "gazetteer"]]
    groups = ner_id.groups_df(TEXTS, id_col="id", nlp=gazetteer_nlp)
    assert groups.values.tolist() == [
        ["a", "Organisasi Kerja Sama Shanghai", "ORG", "org:sco", 1, 9, 12],
        ["a", "Dushanbe", "LOC", "geonames:1221874", 1, 21, 29], ["a", "Tajikistan", "LOC", "iso3166:TJ", 1, 31, 41],
        ["b", "DKI Jakarta", "LOC", "kemendagri:31", 1, 38, 45]]
    assert ner_id._default.cache_info().misses == loaded


def test_one_tagging_pass_gives_entities_groups_and_topics(nlp, monkeypatch):
    """The README's notebook path: nlp.pipe once, then every table from its documents (issue 31)."""
    from ner_id.discover import discover
    from ner_id.pipeline import Pipeline

    df = pd.DataFrame({"id": [f"d{i}" for i in range(8)], "text": [t for t in TEXTS["text"]] * 4})
    tagged = []
    process = Pipeline._process
    monkeypatch.setattr(Pipeline, "_process", lambda self, texts, *rest: tagged.extend(texts) or process(self, texts, *rest))
    docs = list(nlp.pipe(df["text"]))
    entities = ner_id.extract_df(df, id_col="id", docs=docs)
    groups = ner_id.groups_df(df, id_col="id", docs=docs)
    found = discover(docs, n_topics=2)
    assert len(tagged) == 8  # one pass, whatever the tables
    monkeypatch.undo()
    pd.testing.assert_frame_equal(entities, ner_id.extract_df(df, id_col="id", nlp=nlp))
    pd.testing.assert_frame_equal(groups, ner_id.groups_df(df, id_col="id", nlp=nlp))
    again = discover(list(df["text"]), n_topics=2, nlp=nlp)
    assert found.topics["top_entities"].tolist() == again.topics["top_entities"].tolist()
    assert "Joko Widodo (PER)" in sum(found.topics["top_entities"], [])
    pd.testing.assert_frame_equal(found.weights, again.weights)


def test_documents_that_do_not_fit_the_frame_are_clear_errors(gazetteer_nlp):
    docs = list(gazetteer_nlp.pipe(TEXTS["text"]))
    with pytest.raises(ValueError, match=r"docs has 1 documents for 2 rows; pass one Document per row, in order"):
        ner_id.extract_df(TEXTS, docs=docs[:1])
    with pytest.raises(ValueError, match=r"docs\[0\] is not the document of row 0: its text differs"):
        ner_id.groups_df(TEXTS, docs=docs[::-1])
    with pytest.raises(TypeError, match=r"docs\[1\] must be a Document, got str"):
        ner_id.extract_df(TEXTS, docs=[docs[0], "Jakarta"])
    with pytest.raises(TypeError, match="docs must be Documents, one per row, got int"):
        ner_id.extract_df(TEXTS, docs=5)
    assert len(ner_id.groups_df(TEXTS, docs=pd.Series(docs))) == 4  # any iterable, a column of Documents too
    with pytest.raises(ValueError, match="pass nlp or docs, not both"):
        ner_id.extract_df(TEXTS, nlp=gazetteer_nlp, docs=docs)
    with pytest.raises(TypeError, match=r"nlp must be a ner_id Pipeline \(ner_id.load\(\)\), got str"):
        ner_id.groups_df(TEXTS, nlp="default")
