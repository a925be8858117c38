"""Dask: non-default options reach the worker processes of a real LocalCluster, and the rows equal the
single-process rows for the same options; the index of a Dask frame equals the pandas one."""
import json

import pandas as pd
import pytest

from ner_id.frames import entities_frame

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

TEXTS = ["Presiden tiba di Asfghanistan lalu ke Bandung.", "Warga Kampung Zebra dan Kampung Zebra pindah.",
         "Tidak ada nama.", "KPK memeriksa saksi di Surabaya.", "Bandung-Surabaya ditutup.", ""]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "mine.jsonl"
    path.write_text(json.dumps({"name": "Kampung Zebra", "label": "ORG", "kb_id": "mine:1"}) + "\n", encoding="utf-8")
    return str(path)


def frame():
    return pd.DataFrame({"doc": [f"n{i}" for i in range(len(TEXTS))], "text": TEXTS})


def test_options_reach_the_workers_and_rows_equal_the_single_process_rows(client, gazetteer):
    import ner_id.dask

    options = {"model": False, "fuzzy": False, "gazetteers": [gazetteer], "add_labels": ["LOC", "ORG"],
               "topic_model": None, "keyphrases": False}
    expected = entities_frame(ner_id.load(**options), frame(), "text", "doc")
    result = ner_id.dask.extract_df(dd.from_pandas(frame(), npartitions=3), text_col="text", id_col="doc",
                                    **options).compute()
    pd.testing.assert_frame_equal(result.reset_index(drop=True), expected.reset_index(drop=True))
    assert ("Kampung Zebra", "mine:1") in set(zip(result["text"], result["kb_id"]))
    assert "Asfghanistan" not in set(result["text"])  # fuzzy off in the worker too
    fuzzy = ner_id.dask.extract_df(dd.from_pandas(frame(), npartitions=2), text_col="text", id_col="doc",
                                   model=False, topic_model=None, keyphrases=False).compute()
    assert ("Asfghanistan", "iso3166:AF") in set(zip(fuzzy["text"], fuzzy["kb_id"]))
    assert "Kampung Zebra" not in set(fuzzy["text"])


def test_a_partition_is_tagged_by_one_pipeline_per_options_in_its_process(gazetteer):
    """What each worker runs, run here (mutation tests see only this process)."""
    import ner_id.dask

    ner_id.dask._pipeline.cache_clear()
    config = (("fuzzy", False), ("gazetteers", (gazetteer,)), ("keyphrases", False), ("model", False),
              ("topic_model", None))
    rows = ner_id.dask._partition(frame(), "text", "doc", config)
    bandung, surabaya, zebra = ("Bandung", "kemendagri:32.73"), ("Surabaya", "kemendagri:35.78"), ("Kampung Zebra", "mine:1")
    assert list(zip(rows["doc"], rows["text"], rows["kb_id"])) == [  # no fuzzy "Asfghanistan"
        ("n0", *bandung), ("n1", *zebra), ("n1", *zebra), ("n3", "KPK", "org:id-kpk"), ("n3", *surabaya),
        ("n4", *bandung), ("n4", *surabaya)]
    again = ner_id.dask._partition(frame().iloc[3:], "text", None, config)
    assert list(again.columns)[0] == "row"
    assert list(zip(again["row"], again["text"])) == [(3, "KPK"), (3, "Surabaya"), (4, "Bandung"), (4, "Surabaya")]
    assert ner_id.dask._pipeline.cache_info().currsize == 1  # loaded once for both partitions


def test_without_an_id_column_rows_carry_the_index_as_row(client):
    import ner_id.dask

    df = frame().drop(columns="doc").set_index(pd.Index([10, 20, 30, 40, 50, 60]))
    ddf = dd.from_pandas(df, npartitions=2)
    result = ner_id.dask.extract_df(ddf, model=False, topic_model=None, keyphrases=False).compute()
    expected = entities_frame(ner_id.load(model=False, topic_model=None, keyphrases=False), df)
    assert list(result.columns)[0] == "row" and result["row"].dtype == "int64"
    pd.testing.assert_frame_equal(result.reset_index(drop=True), expected.reset_index(drop=True))
    assert sorted(set(result["row"])) == [10, 40, 50]


def test_the_index_of_a_dask_frame_equals_the_pandas_index_with_its_options():
    import ner_id.dask
    import ner_id.index

    df = pd.DataFrame({"id": [f"n{i}" for i in range(6)],
                       "text": ["Bandung dan Surabaya.", "Surabaya lagi.", "Tidak ada.", "Bandung, Surabaya, Medan.",
                                "Medan dan Bandung.", "Bandung dan Surabaya lagi."]})
    nlp = ner_id.load(model=False, topic_model=None, keyphrases=False)
    rows = entities_frame(nlp, df, "text", "id")
    rows["published"] = rows["id"].map({f"n{i}": f"2024-12-{28 + i:02d}" if i < 4 else f"2025-01-0{i - 3}"
                                   for i in range(6)})
    expected = ner_id.index.build(rows, date_field="published", period="week", min_documents=2)
    result = ner_id.dask.index(dd.from_pandas(rows, npartitions=3), date_field="published", period="week",
                               min_documents=2)
    for name in ("entities", "mentions", "cooccurrence", "timeline", "topics", "ambiguous"):
        pd.testing.assert_frame_equal(getattr(result, name), getattr(expected, name), obj=name)
    pairs = {(a, b): n for a, b, n in result.cooccurrence.itertuples(index=False)}
    assert pairs == {("kb:kemendagri:12.71", "kb:kemendagri:32.73"): 2, ("kb:kemendagri:32.73", "kb:kemendagri:35.78"): 3}
    parts = [p.compute()["id"].tolist() for p in dd.from_pandas(rows, npartitions=3).to_delayed()]
    assert parts[0][-1] == parts[1][0] and parts[1][-1] == parts[2][0]  # documents n3, n4 span two partitions
    assert set(result.timeline["period"]) == {"2024-W52", "2025-W01"}
    with pytest.raises(TypeError, match="^ddf must be a dask DataFrame, got DataFrame$"):
        ner_id.dask.index(rows)


def test_bad_arguments_name_the_column():
    import ner_id.dask

    ddf = dd.from_pandas(frame(), npartitions=1)
    with pytest.raises(KeyError, match="'ident'"):
        ner_id.dask.extract_df(ddf, id_col="ident")
    with pytest.raises(TypeError, match="got DataFrame"):
        ner_id.dask.extract_df(frame())
    meta = ner_id.dask.extract_df(ddf, id_col="doc", model=False)._meta
    assert list(meta.columns) == ["doc", *ner_id.schema.ENTITY_COLUMNS] and meta.empty
