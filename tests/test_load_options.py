"""Every ``ner_id.load()`` option changes what it says, with expected values."""
import json

import pytest

import ner_id

SENTENCE = "Presiden Asfghanistan Ashraf Ghani bertemu Presiden Joko Widodo di Jakarta."


@pytest.fixture(scope="module")
def fast():
    return ner_id.load(model="fast", topic_model=None)


def spans(doc):
    return [(e.text, e.label, e.start, e.end) for e in doc.entities]


def test_model_spans_have_exact_offsets(fast):
    doc = fast("Presiden Joko Widodo tiba di Surabaya.")
    assert spans(doc) == [("Joko Widodo", "PER", 9, 20), ("Surabaya", "LOC", 29, 37)]
    assert [e.source for e in doc.entities] == ["model", "model+gazetteer"]


def test_fuzzy_false_turns_fuzzy_matching_off():
    text = "Delegasi Asfghanistan tiba."
    on = ner_id.load(model=False, topic_model=None)(text)
    off = ner_id.load(model=False, fuzzy=False, topic_model=None)(text)
    assert [(e.text, e.canonical, e.score) for e in on.entities] == [("Asfghanistan", "Afghanistan", 0.9565)]
    assert off.entities == ()


def test_group_false_returns_model_and_gazetteer_spans_sorted():
    nlp = ner_id.load(model="fast", group=False, topic_model=None)
    doc = nlp("Bawaslu dan KPU bertemu Presiden Joko Widodo.")
    assert [(e.text, e.source) for e in doc.entities] == [
        ("Bawaslu", "gazetteer"), ("KPU", "model+gazetteer"), ("Joko Widodo", "model")]
    assert doc.groups == ()


def test_group_false_returns_merged_spans_sorted_and_ungrouped():
    nlp = ner_id.load(model=False, group=False, topic_model=None)
    doc = nlp("Delegasi Korsel, AS dan Jabar. Presiden Jakarta ke Bali.")
    assert [e.text for e in doc.entities] == ["Korsel", "AS", "Jabar", "Jakarta", "Bali"]
    assert [e.start for e in doc.entities] == sorted(e.start for e in doc.entities)
    assert doc.groups == () and all(e.group is None for e in doc.entities)


def test_group_true_trims_titles_and_groups(fast):
    doc = fast("Presiden Joko Widodo tiba. Joko Widodo lalu ke Jakarta.")
    assert [g.canonical for g in doc.groups] == ["Joko Widodo", "DKI Jakarta"]
    assert [e.group for e in doc.entities] == [0, 0, 1]


def test_default_gazetteers_false_uses_only_the_users(tmp_path):
    user = tmp_path / "mine.jsonl"
    user.write_text('{"name": "Forum Pamir", "label": "ORG", "kb_id": "my:fp"}\n', encoding="utf-8")
    text = "Forum Pamir bertemu di Jakarta."
    only_user = ner_id.load(model=False, default_gazetteers=False, gazetteers=[user], topic_model=None)(text)
    both = ner_id.load(model=False, gazetteers=user, topic_model=None)(text)
    assert [(e.text, e.kb_id) for e in only_user.entities] == [("Forum Pamir", "my:fp")]
    assert [(e.text, e.kb_id) for e in both.entities] == [("Forum Pamir", "my:fp"), ("Jakarta", "kemendagri:31")]


def test_user_gazetteer_wins_in_the_pipeline(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("name\tlabel\tkb_id\nJakarta\tORG\tmy:persija\n", encoding="utf-8")
    doc = ner_id.load(model=False, gazetteers=[user], topic_model=None)("Ia ke Jakarta.")
    assert [(e.text, e.label, e.kb_id) for e in doc.entities] == [("Jakarta", "ORG", "my:persija")]


def test_add_labels_and_override_labels(tmp_path):
    user = tmp_path / "people.tsv"
    user.write_text("name\tlabel\tkb_id\nSurabaya\tPER\tmy:person\n", encoding="utf-8")
    text = "Presiden Joko Widodo tiba di Surabaya."
    default = ner_id.load(model="fast", gazetteers=[user], topic_model=None)(text)
    override = ner_id.load(model="fast", gazetteers=[user], override_labels=["PER"], topic_model=None)(text)
    assert [(e.text, e.label) for e in default.entities] == [("Joko Widodo", "PER"), ("Surabaya", "LOC")]
    assert [(e.text, e.label, e.kb_id) for e in override.entities] == [
        ("Joko Widodo", "PER", None), ("Surabaya", "PER", "my:person")]
    gazetteer_only_text = "Delegasi AS tiba di Jabar."
    no_loc = ner_id.load(model="fast", add_labels=[], topic_model=None)(gazetteer_only_text)
    # no gazetteer-only span is added; the tagger's own spans are still linked
    assert [(e.text, e.label, e.source) for e in no_loc.entities] == [
        ("AS", "LOC", "model+gazetteer"), ("Jabar", "LOC", "model+gazetteer")]
    assert [e.source for e in ner_id.load(model=False, add_labels=[], topic_model=None)(gazetteer_only_text).entities] \
        == ["gazetteer", "gazetteer"]  # without a tagger the gazetteer is all there is


def test_keyphrases_and_topic_model_switches():
    text = "Bank Rakyat Indonesia mencatat laba bersih Rp 60 triliun. Laba bersih naik karena kredit mikro."
    on = ner_id.load(model=False)(text)
    off = ner_id.load(model=False, keyphrases=False, topic_model=None)(text)
    assert [(k.text, k.score, k.start) for k in on.keyphrases] == [
        ("laba bersih", 1.0, 31), ("Bank Rakyat Indonesia", 0.4633, 0), ("kredit mikro", 0.3301, 82),
        ("triliun", 0.1591, 49)]
    assert on.topics[0].id == "economy"
    assert off.keyphrases == () and off.topics == ()


def test_config_and_meta_describe_the_pipeline(fast):
    assert fast.config.model == "fast" and fast.config.topic_model is None
    meta = fast.meta
    assert meta["model"] == "fast" and meta["tagger"]["tagger"] == "id_ner_fast.pt"
    assert meta["config"]["threads"] == 1 and meta["ner_id"] == ner_id.__version__


@pytest.mark.parametrize("kwargs,error,message", [
    ({"model": "large"}, ValueError, "model must be one of"),
    ({"add_labels": ["PLACE"]}, ValueError, "add_labels must be a subset"),
    ({"override_labels": 5}, TypeError, "override_labels must be a collection"),
    ({"topic_model": "mine"}, ValueError, "topic_model must be 'default'"),
    ({"topic_model": 3}, TypeError, "topic_model must be 'default', a TopicClassifier or None, got int"),
    ({"max_length": 0}, ValueError, "max_length must be a positive int"),
])
def test_bad_options_are_clear_errors(kwargs, error, message):
    with pytest.raises(error, match=message):
        ner_id.load(**{"model": False, **kwargs})


def test_meta_gives_the_sha256_of_every_shipped_file_the_pipeline_reads(fast):
    """A service logs ``nlp.meta`` to know exactly which model files answered (issue 31)."""
    import hashlib

    from ner_id.shipped import MODEL_DIR

    files = fast.meta["files"]
    assert sorted(files) == ["id_ner_fast.pt", "id_vectors.pt", "idf.json.gz"]  # no topic model loaded
    for name, sha256 in files.items():
        assert sha256 == hashlib.sha256((MODEL_DIR / name).read_bytes()).hexdigest()
    assert sorted(ner_id.load(model=False, fuzzy=False, keyphrases=False).meta["files"]) == ["topics.npz"]
    assert json.loads(json.dumps(fast.meta)) == fast.meta  # JSON-serialisable, as a service logs it, losing nothing
