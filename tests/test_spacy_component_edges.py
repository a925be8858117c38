"""The spaCy component on tokenizers that are not ner-id's, with overlapping and repeated entities, and
its options. Model-free tests build the component on gazetteers only (``NerIdComponent``, what the
factory builds); those that go through ``add_pipe`` load the fast tagger (``model``)."""
import json

import pytest
import spacy
from spacy.tokens import Doc, Span

import ner_id
from ner_id.spacy_component import NerIdComponent

OPTIONS = {"model": None, "topic_model": None, "keyphrases": False}


@pytest.fixture(scope="module")
def component():
    return NerIdComponent(dict(OPTIONS))


def whitespace_doc(text):
    """A Doc split on single spaces only, as a tokenizer that is not ner-id's might split it."""
    words = text.split(" ")
    return Doc(spacy.blank("id").vocab, words=words, spaces=[True] * (len(words) - 1) + [False])


def test_an_entity_inside_a_token_is_widened_to_the_token(component):
    text = "Warga (Bandung) tiba di Surabaya, lalu pulang."
    doc = component(whitespace_doc(text))
    assert doc.text == text
    assert [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents] == [
        ("(Bandung)", "LOC", 6, 15), ("Surabaya,", "LOC", 24, 33)]
    assert [(e._.kb_id, e._.canonical) for e in doc.ents] == [
        ("kemendagri:32.73", "Kota Bandung"), ("kemendagri:35.78", "Kota Surabaya")]


def test_two_entities_in_one_token_keep_the_first(component):
    text = "Kereta Bandung-Surabaya berangkat ke Medan."
    found = component.pipeline(text).entities
    assert [e.text for e in found] == ["Bandung", "Surabaya", "Medan"]
    doc = component(whitespace_doc(text))
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [
        ("Bandung-Surabaya", "LOC", "Kota Bandung"), ("Medan.", "LOC", "Kota Medan")]  # the next one still comes
    assert len(doc._.ner_id_groups) == 3  # the groups are ner-id's, whatever spaCy could show


def test_the_same_entity_twice_points_at_one_group(component):
    text = "Bandung menang. Warga Bandung senang; Surabaya kalah."
    doc = component(spacy.blank("id")(text))
    assert [(e.text, e._.group) for e in doc.ents] == [("Bandung", 0), ("Bandung", 0), ("Surabaya", 1)]
    groups = doc._.ner_id_groups
    assert groups[0]["canonical"] == "Kota Bandung" and groups[0]["count"] == 2
    assert groups[0]["mentions"] == [[0, 7], [22, 29]]
    assert groups[1]["count"] == 1 and groups[1]["first"] == 38


def test_span_fields_are_ner_ids_entity_fields(component):
    text = "Delegasi tiba di Dushanbe, Tajikistan."
    doc = component(spacy.blank("id")(text))
    assert [(e.text, e.label_, e._.canonical, e._.kb_id, e._.group, e._.score) for e in doc.ents] == [
        ("Dushanbe", "LOC", "Dushanbe", "geonames:1221874", 0, 1.0),
        ("Tajikistan", "LOC", "Tajikistan", "iso3166:TJ", 1, 1.0)]


def test_a_grouped_mention_shows_its_groups_canonical_name(tmp_path):
    gazetteer = tmp_path / "painters.jsonl"
    gazetteer.write_text("".join(json.dumps({"name": n, "label": "PER"}) + "\n"
                                 for n in ("Raden Saleh Bustaman", "Saleh Bustaman")), encoding="utf-8")
    grouped = NerIdComponent({**OPTIONS, "gazetteers": [str(gazetteer)]})
    text = "Pelukis Raden Saleh Bustaman tiba. Saleh Bustaman lalu pergi."
    assert [e.canonical for e in grouped.pipeline(text).entities] == ["Raden Saleh Bustaman", "Saleh Bustaman"]
    doc = grouped(spacy.blank("id")(text))
    assert [(e.text, e._.group, e._.canonical) for e in doc.ents] == [
        ("Raden Saleh Bustaman", 0, "Raden Saleh Bustaman"), ("Saleh Bustaman", 0, "Raden Saleh Bustaman")]


def test_without_grouping_the_canonical_name_is_the_entitys_own():
    component = NerIdComponent({**OPTIONS, "group": False})
    doc = component(spacy.blank("id")("Warga Bandung dan Bandung."))
    assert [(e.text, e._.group, e._.canonical, e._.kb_id) for e in doc.ents] == [
        ("Bandung", None, "Kota Bandung", "kemendagri:32.73")] * 2
    assert doc._.ner_id_groups == ()


def test_non_ascii_punctuation_and_non_latin_text_keep_offsets(component):
    text = "«Bandung» — “Surabaya”… ‘Medan’ ― 東京 Bandung"
    doc = component(spacy.blank("id")(text))
    assert [(e.text, e.start_char, e.end_char) for e in doc.ents] == [
        ("Bandung", 1, 8), ("Surabaya", 13, 21), ("Medan", 25, 30), ("Bandung", 37, 44)]


def test_pipe_equals_calls_and_keeps_the_order(component):
    texts = ["Warga Bandung senang.", "", "Tidak ada nama.", "Surabaya dan Medan.", "Bandung lagi."]
    nlp = spacy.blank("id")
    piped = list(component.pipe((nlp(t) for t in texts), batch_size=2))
    called = [component(nlp(t)) for t in texts]
    assert [d.text for d in piped] == texts
    assert [[(e.text, e.label_, e._.kb_id, e._.group) for e in d.ents] for d in piped] == \
        [[(e.text, e.label_, e._.kb_id, e._.group) for e in d.ents] for d in called]
    assert [len(d.ents) for d in piped] == [1, 0, 0, 2, 1]


def test_an_empty_result_clears_entities_set_before(component):
    nlp = spacy.blank("id")
    doc = nlp("Tidak ada nama di sini.")
    doc.ents = [Span(doc, 0, 1, label="PER")]
    assert component(doc).ents == () and doc._.ner_id_groups == ()


def test_options_reach_the_pipeline(tmp_path):
    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_text(json.dumps({"name": "Kampung Zebra", "label": "LOC", "kb_id": "mine:1"}) + "\n",
                         encoding="utf-8")
    component = NerIdComponent({**OPTIONS, "fuzzy": False, "gazetteers": [str(gazetteer)], "default_gazetteers": False,
                                "max_length": 40})
    config = component.pipeline.config
    assert (config.fuzzy, config.gazetteers, config.max_length, config.model) == (False, (str(gazetteer),), 40, None)
    doc = component(spacy.blank("id")("Warga Kampung Zebra tiba."))
    assert [(e.text, e._.kb_id) for e in doc.ents] == [("Kampung Zebra", "mine:1")]
    assert component(spacy.blank("id")("x" * 40)).ents == ()
    with pytest.raises(ValueError, match="max_length"):
        component(spacy.blank("id")("x" * 41))


def test_extensions_default_to_none_on_spans_it_did_not_set(component):
    doc = spacy.blank("id")("Bandung dan Surabaya.")
    span = Span(doc, 1, 2)
    assert (span._.canonical, span._.kb_id, span._.group, span._.score) == (None, None, None, None)
    assert Doc(doc.vocab, words=["x"])._.ner_id_groups == ()


def test_factory_defaults():
    meta = spacy.blank("id").get_factory_meta("ner_id")
    assert meta.default_config == {"model": "default", "fuzzy": True, "group": True, "gazetteers": [], "threads": 1,
                                   "max_length": ner_id.config.DEFAULT_MAX_LENGTH, "backend": "onnx"}
    assert "doc.ents" in meta.assigns


@pytest.mark.model
def test_factory_options_reach_the_pipeline_and_it_runs_after_a_tokenizer_not_ner_ids():
    nlp = spacy.blank("en")  # English rules: "Widodo's" stays two tokens, "(Jakarta)" three
    nlp.add_pipe("ner_id", config={"model": "fast", "fuzzy": False, "group": False, "max_length": 500, "threads": 2})
    config = nlp.get_pipe("ner_id").pipeline.config
    assert (config.model, config.fuzzy, config.group, config.max_length, config.threads) == ("fast", False, False,
                                                                                               500, 2)
    assert (config.topic_model, config.keyphrases) == (None, False)
    doc = nlp("Presiden Joko Widodo tiba di Jakarta-Pusat.")
    assert [(e.text, e.label_, e._.group, e._.kb_id) for e in doc.ents] == [
        ("Joko Widodo", "PER", None, None), ("Jakarta", "LOC", None, "kemendagri:31")]  # group=False: no groups
    with pytest.raises(ValueError, match="max_length"):
        nlp("a " * 300)


def test_extensions_are_registered_from_scratch_with_their_defaults():
    from ner_id.spacy_component import _SPAN_EXTENSIONS, _register_extensions

    for name in _SPAN_EXTENSIONS:
        if Span.has_extension(name):
            Span.remove_extension(name)
    if Doc.has_extension("ner_id_groups"):
        Doc.remove_extension("ner_id_groups")
    _register_extensions()
    assert [Span.get_extension(name)[0] for name in ("canonical", "kb_id", "group", "score")] == [None] * 4
    assert Doc.get_extension("ner_id_groups")[0] == ()
    _register_extensions()  # a second time changes nothing
    assert Doc.get_extension("ner_id_groups")[0] == ()
