"""The package's top-level API without a tagger: lazy names, dir(), and the table functions with a
pipeline or with documents already tagged."""
import importlib

import pandas as pd
import pytest

import ner_id


@pytest.fixture(scope="module")
def plain():
    return ner_id.load(model=None, topic_model=None, keyphrases=False)


@pytest.mark.parametrize(("name", "module"), [
    ("Pipeline", "ner_id.pipeline"), ("GazetteerError", "ner_id.gazetteer.load"), ("ModelError", "ner_id.shipped"),
    ("TopicClassifier", "ner_id.topics.classifier"), ("plot_entities", "ner_id.plot")])
def test_lazy_names_are_imported_on_first_use_and_kept(monkeypatch, name, module):
    monkeypatch.delitem(vars(ner_id), name, raising=False)  # as in a fresh process
    value = getattr(ner_id, name)
    assert value is getattr(importlib.import_module(module), name)
    assert vars(ner_id)[name] is value  # the next access needs no import


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="^module 'ner_id' has no attribute 'Pipelines'$"):
        ner_id.Pipelines  # noqa: B018


def test_dir_lists_the_public_names():
    assert dir(ner_id) == sorted([*ner_id.__all__, "__version__"])
    assert "__version__" in dir(ner_id) and "load" in dir(ner_id) and "_LAZY" not in dir(ner_id)


def test_table_functions_tag_with_the_given_pipeline_or_take_tagged_documents(plain):
    df = pd.DataFrame({"doc_id": ["a", "b", "c"], "body": ["Warga Bandung dan Surabaya.", "Tidak ada.", "Bandung lagi."]})
    rows = ner_id.extract_df(df, "body", "doc_id", nlp=plain)
    assert list(zip(rows["doc_id"], rows["text"], rows["label"], rows["kb_id"])) == [
        ("a", "Bandung", "LOC", "kemendagri:32.73"), ("a", "Surabaya", "LOC", "kemendagri:35.78"),
        ("c", "Bandung", "LOC", "kemendagri:32.73")]
    groups = ner_id.groups_df(df, "body", "doc_id", nlp=plain)
    assert list(zip(groups["doc_id"], groups["canonical"], groups["count"])) == [
        ("a", "Kota Bandung", 1), ("a", "Kota Surabaya", 1), ("c", "Kota Bandung", 1)]
    docs = list(plain.pipe(df["body"]))
    pd.testing.assert_frame_equal(ner_id.extract_df(df, "body", "doc_id", docs=docs), rows)
    pd.testing.assert_frame_equal(ner_id.groups_df(df, "body", "doc_id", docs=docs), groups)
    # without an id column, rows carry the frame's index
    by_row = ner_id.extract_df(df.set_index(pd.Index([7, 8, 9])), "body", nlp=plain, batch_size=1)
    assert list(zip(by_row["row"], by_row["text"])) == [(7, "Bandung"), (7, "Surabaya"), (9, "Bandung")]
