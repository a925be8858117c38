"""pandas views and worker processes without a tagger: ids and their dtypes, rows without entities, groups,
options that must reach spawned workers, and the plot's rankings."""
import json

import pandas as pd
import pytest

import ner_id
from ner_id.frames import GROUP_COLUMNS, entities_frame, entity_rows, groups_frame
from ner_id.schema import ENTITY_COLUMNS
from ner_id.types import Document, Entity
from ner_id.workers import _work

TEXTS = ["Warga Bandung ke Surabaya.", "", "Tidak ada nama.", "Bandung dan Bandung lagi, lalu Medan."]


@pytest.fixture(scope="module")
def plain():
    return ner_id.load(model=False, topic_model=None, keyphrases=False)


def test_entities_frame_ids_and_their_dtypes(plain):
    df = pd.DataFrame({"doc": [7, 8, 9, 10], "text": TEXTS})
    frame = entities_frame(plain, df, "text", "doc")
    assert list(frame.columns) == ["doc", *ENTITY_COLUMNS]
    assert frame["doc"].tolist() == [7, 7, 10, 10, 10] and str(frame["doc"].dtype) == "int64"
    assert frame["text"].tolist() == ["Bandung", "Surabaya", "Bandung", "Bandung", "Medan"]
    assert frame["group"].tolist() == [0, 1, 0, 0, 1]
    by_row = entities_frame(plain, df.set_index(pd.Index(["a", "b", "c", "d"])), "text")
    assert by_row["row"].tolist() == ["a", "a", "d", "d", "d"] and str(by_row["row"].dtype) == "string"
    strings = entities_frame(plain, df.astype({"doc": str}), "text", "doc")
    assert str(strings["doc"].dtype) == "string"


def test_entities_frame_batches_and_errors(plain):
    df = pd.DataFrame({"text": TEXTS * 3})
    assert entities_frame(plain, df, batch_size=1).equals(entities_frame(plain, df, batch_size=64))
    with pytest.raises(TypeError, match="got list"):
        entities_frame(plain, TEXTS)
    with pytest.raises(KeyError, match="'ident' not in DataFrame"):
        entities_frame(plain, df, id_col="ident")
    with pytest.raises(TypeError, match=r"'text' must hold str; row 'y' has int"):
        entities_frame(plain, pd.DataFrame({"text": ["x", 3]}, index=["x", "y"]))


def test_groups_frame_one_row_per_document_and_group(plain):
    df = pd.DataFrame({"doc": ["a", "b", "c", "d"], "text": TEXTS})
    frame = groups_frame(plain, df, "text", "doc")
    assert list(frame.columns) == ["doc", *GROUP_COLUMNS]
    rows = [tuple(r) for r in frame[["doc", "canonical", "count", "first_start", "first_end"]].itertuples(index=False)]
    assert rows == [("a", "Kota Bandung", 1, 6, 13), ("a", "Kota Surabaya", 1, 17, 25),
                    ("d", "Kota Bandung", 2, 0, 7), ("d", "Kota Medan", 1, 31, 36)]
    assert groups_frame(plain, df.iloc[1:3], "text").empty


def test_entity_rows_of_documents_without_entities():
    frame = entity_rows("id", ["a", "b"], [Document("x"), Document("Budi", (Entity("Budi", "PER", 0, 4, 0.5, "model"),))])
    assert frame["id"].tolist() == ["b"] and frame["start"].tolist() == [0]
    assert entity_rows("id", [], []).empty


def test_worker_processes_get_the_options(tmp_path):
    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_text(json.dumps({"name": "Kampung Zebra", "label": "ORG", "kb_id": "z:1"}) + "\n", encoding="utf-8")
    nlp = ner_id.load(model=False, topic_model=None, keyphrases=False, fuzzy=False, gazetteers=[gazetteer],
                      default_gazetteers=False)
    texts = ["Warga Kampung Zebra.", "Bandung.", "", "Kampung Zebra lagi, Kampung Zebra."] * 3
    single = list(nlp.pipe(texts, batch_size=2))
    spawned = list(nlp.pipe(texts, batch_size=2, n_process=2))
    assert spawned == single
    assert [[(e.text, e.kb_id) for e in d.entities] for d in spawned[:4]] == [
        [("Kampung Zebra", "z:1")], [], [], [("Kampung Zebra", "z:1"), ("Kampung Zebra", "z:1")]]


def test_n_process_spawns_that_many_workers(plain):
    import multiprocessing

    from ner_id.workers import pool_map

    before = set(multiprocessing.active_children())
    batches = iter([["Warga Bandung."], ["Surabaya."], ["Medan."]])
    documents = pool_map(plain.config, batches, 3)
    first = next(documents)
    workers = set(multiprocessing.active_children()) - before
    assert len(workers) == 3 and {type(w).__name__ for w in workers} == {"SpawnProcess"}
    assert [d.text for d in (first, *documents)] == ["Warga Bandung.", "Surabaya.", "Medan."]


def test_work_outside_a_worker_is_an_error():
    with pytest.raises(RuntimeError, match="^ner-id worker process was not initialised$"):
        _work(["x"])


def test_a_worker_builds_its_pipeline_from_the_config_and_ignores_ctrl_c(plain):
    import signal

    import ner_id.workers

    before = signal.getsignal(signal.SIGINT)
    try:
        ner_id.workers._init_worker(plain.config)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert ner_id.workers._WORKER.config == plain.config
        assert _work(TEXTS) == list(plain.pipe(TEXTS))
    finally:
        signal.signal(signal.SIGINT, before)
        ner_id.workers._WORKER = None


def test_plot_ranks_by_mentions_then_name_per_label():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    rows = pd.DataFrame({"text": ["Bogor", "Ambon", "Ambon", "Cilegon", "Bogor", "Depok", "KPK"],
                         "canonical": [None, None, None, None, None, None, "Komisi Pemberantasan Korupsi"],
                         "label": ["LOC"] * 6 + ["ORG"]})
    figure = ner_id.plot_entities(rows, top=3)
    per, org, loc = figure.axes
    # most mentioned at the top (bars are drawn bottom-up), ties by name
    assert [t.get_text() for t in loc.get_yticklabels()] == ["Cilegon", "Bogor", "Ambon"]
    assert [p.get_width() for p in loc.patches] == [1, 2, 2]
    assert [t.get_text() for t in org.get_yticklabels()] == ["Komisi Pemberantasan Korupsi"]
    assert len(per.patches) == 0
    assert [a.get_title() for a in figure.axes] == ["most mentioned PER", "most mentioned ORG", "most mentioned LOC"]
    named = ner_id.plot_entities(rows, top=2, name_col="text").axes[1]
    assert [t.get_text() for t in named.get_yticklabels()] == ["KPK"]
    plain = ner_id.plot_entities(rows.drop(columns="canonical"), top=1).axes[2]
    assert [t.get_text() for t in plain.get_yticklabels()] == ["Ambon"]


def test_plot_size_colours_axes_and_a_missing_matplotlib(monkeypatch):
    import sys

    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.colors import to_hex

    from ner_id.render import COLORS

    rows = pd.DataFrame({"text": ["Budi", "KPK", "Bogor"], "label": ["PER", "ORG", "LOC"]})
    figure = ner_id.plot_entities(rows, top=4)
    assert tuple(figure.get_size_inches()) == pytest.approx((15, 0.35 * 4 + 1.5))
    assert [to_hex(a.patches[0].get_facecolor()) for a in figure.axes] == [COLORS["PER"], COLORS["ORG"], COLORS["LOC"]]
    assert [a.get_xlabel() for a in figure.axes] == ["mentions"] * 3
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match="^plot_entities needs matplotlib: pip install matplotlib$"):
        ner_id.plot_entities(rows)
