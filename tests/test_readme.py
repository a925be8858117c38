"""Every Python block of the README runs, with its inputs defined; printed output is checked."""
import contextlib
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import ner_id
from conftest import EXAMPLES

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
ARTICLES = [json.loads(line) for line in open(EXAMPLES / "articles.jsonl", encoding="utf-8")]

pytestmark = pytest.mark.model


def inputs(tmp_path):
    """What the README's blocks take as given: texts, labels, a DataFrame, a document and an entity."""
    texts = [a["text"] for a in ARTICLES] * 3
    nlp = ner_id.load()
    doc = nlp(ARTICLES[0]["text"])
    return {"texts": texts, "labels": ["international", "politics", "economy", "environment"] * 3,
            "df": pd.DataFrame({"id": [a["id"] for a in ARTICLES], "text": [a["text"] for a in ARTICLES]}),
            "nlp": nlp, "doc": doc, "e": doc.entities[0], "ner_id": ner_id}


def run(block, namespace):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, str(README), "exec"), namespace)
    return out.getvalue()


def find(word):
    [block] = [b for b in BLOCKS if word in b]
    return block


def test_every_python_block_is_covered():
    assert len(BLOCKS) == 7


def test_new_bodies_block(tmp_path, monkeypatch):
    from ner_id.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "new_bodies.csv").write_text(
        "name,label,kb_id,aliases,note\nBadan Percontohan Nasional,ORG,org:id-bpcn,BPCN,made up for this test\n",
        encoding="utf-8")
    assert main(["gazetteer", "build", "new_bodies.csv", "-o", "new_bodies.jsonl"]) == 0  # the README's command
    namespace = {"ner_id": ner_id}
    run(find("new_bodies.jsonl"), namespace)
    got = [(e.text, e.label, e.kb_id) for e in namespace["nlp"]("Kata BPCN, Badan Percontohan Nasional siap.").entities]
    assert got == [("BPCN", "ORG", "org:id-bpcn"), ("Badan Percontohan Nasional", "ORG", "org:id-bpcn")]


def test_python_block(tmp_path):
    namespace = inputs(tmp_path)
    printed = run(find("nlp.pipe(texts"), namespace)
    assert "Zhao Kezhi PER" in printed and "Dushanbe LOC" in printed
    assert len(namespace["docs"]) == len(namespace["texts"])


def test_one_pass_notebook_block(tmp_path, monkeypatch):
    """The notebook path tags every article once and gives entities, groups, topics, a chart and a picture."""
    pytest.importorskip("matplotlib").use("Agg")
    from ner_id.pipeline import Pipeline

    namespace = inputs(tmp_path)
    namespace["df"] = pd.DataFrame({"id": [f"{a['id']}-{n}" for n in range(3) for a in ARTICLES],
                                    "text": [a["text"] for _ in range(3) for a in ARTICLES]})
    tagged = []
    process = Pipeline._process
    monkeypatch.setattr(Pipeline, "_process", lambda self, texts, *rest: tagged.extend(texts) or process(self, texts, *rest))
    run(find("tag once"), namespace)
    assert len(tagged) == 12 and len(namespace["docs"]) == 12
    assert set(namespace["entities"]["id"]) == set(namespace["groups"]["id"]) == set(namespace["df"]["id"])
    assert len(namespace["found"].topics) == 10 and namespace["best_topic"][0] == "Internasional"
    assert [axis.get_title() for axis in namespace["figure"].axes] == ["most mentioned PER", "most mentioned ORG",
                                                                        "most mentioned LOC"]


def test_spacy_block(tmp_path):
    namespace = inputs(tmp_path)
    run(find("spacy.blank"), namespace)
    assert [e.text for e in namespace["doc"].ents][:2] == ["SCO", "Dushanbe"]


def test_groups_block(tmp_path):
    run(find("doc.groups"), inputs(tmp_path))


def test_topics_block(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the block saves mine.npz in the working directory
    namespace = inputs(tmp_path)
    run(find("TopicClassifier().fit"), namespace)
    assert (tmp_path / "mine.npz").exists() and len(namespace["found"].weights) == len(namespace["texts"])


@pytest.mark.slow
def test_dask_block_on_a_local_cluster(tmp_path):
    """The Dask block with a LocalCluster of two processes and local paths for the cluster and S3."""
    pd.DataFrame({"id": [a["id"] for a in ARTICLES], "text": [a["text"] for a in ARTICLES]}).to_parquet(
        tmp_path / "articles.parquet")
    block = find("ner_id.dask").replace(
        'Client("tcp://scheduler:8786")',
        'Client(LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None))')
    block = block.replace("s3://bucket/articles/*.parquet", str(tmp_path / "*.parquet"))
    block = block.replace("s3://bucket/entities/", str(tmp_path / "entities"))
    from dask.distributed import LocalCluster

    namespace = {"LocalCluster": LocalCluster}
    try:
        run(block, namespace)
    finally:
        namespace["client"].close()
        namespace["client"].cluster.close()
    back = pd.read_parquet(tmp_path / "entities")
    expected = ner_id.extract_df(pd.read_parquet(tmp_path / "articles.parquet"), text_col="text", id_col="id")
    assert back["id"].tolist() == expected["id"].tolist() and back["text"].tolist() == expected["text"].tolist()
    assert str(back["start"].dtype) == "Int64"
