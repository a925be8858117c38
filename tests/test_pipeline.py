import dataclasses
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from spacy import displacy

import ner_id
from conftest import EXAMPLES
from ner_id import Document, Entity

ARTICLES = [json.loads(line) for line in open(EXAMPLES / "articles.jsonl", encoding="utf-8")]


def check_offsets(doc: Document) -> None:
    assert [e.start for e in doc.entities] == sorted(e.start for e in doc.entities)
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
        assert e.label in {"PER", "LOC", "ORG"}
        assert e.source in {"model", "gazetteer", "model+gazetteer"}
        assert 0.0 <= e.score <= 1.0


def test_examples_find_their_gazetteer_entities_with_exact_offsets(nlp):
    for article in ARTICLES:
        doc = nlp(article["text"])
        check_offsets(doc)
    doc = nlp(ARTICLES[0]["text"])
    linked = {(e.text, e.canonical, e.kb_id) for e in doc.entities if e.kb_id}
    assert ("Organisasi Kerja Sama Shanghai", "Organisasi Kerja Sama Shanghai", "org:sco") in linked
    assert ("Dushanbe", "Dushanbe", "geonames:1221874") in linked
    assert ("Asfghanistan", "Afghanistan", "iso3166:AF") in linked
    texts = {(e.text, e.label) for e in doc.entities}
    assert ("Zhao Kezhi", "PER") in texts  # the tagger, not a gazetteer, knows him


def test_tagger_and_gazetteer_sources(nlp):
    doc = nlp("Presiden Joko Widodo bertemu Menteri Luar Negeri Amerika Serikat di Jakarta.")
    by_text = {e.text: e for e in doc.entities}
    assert by_text["Joko Widodo"].label == "PER" and by_text["Joko Widodo"].source == "model"
    assert by_text["Amerika Serikat"].kb_id == "iso3166:US"
    assert by_text["Amerika Serikat"].source == "model+gazetteer"  # the tagger found it, the gazetteer linked it


def test_types_are_frozen_dataclasses(nlp):
    doc = nlp("Ia tinggal di Jakarta.")
    assert dataclasses.is_dataclass(doc) and dataclasses.is_dataclass(doc.entities[0])
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'label'"):
        doc.entities[0].label = "PER"
    assert isinstance(doc.entities, tuple)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "tanpa nama apa pun di sini"])
def test_no_entities_is_a_normal_document(nlp, text):
    doc = nlp(text)
    assert isinstance(doc, Document) and doc.text == text and doc.entities == ()


@pytest.mark.parametrize("value,message", [
    (None, "text must be str, got NoneType"), (42, "got int"), (b"Jakarta", "decode it first"),
    (["Jakarta"], "got list"), ({"text": "x"}, "got dict"),
])
def test_wrong_types_raise_type_error_naming_str(nlp, value, message):
    with pytest.raises(TypeError, match=message):
        nlp(value)
    with pytest.raises(TypeError, match="must be str"):
        list(nlp.pipe(["ok", value]))


def test_to_dict_is_json_serialisable(nlp):
    doc = nlp(ARTICLES[1]["text"])
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["text"] == doc.text
    assert data["entities"][0] == dataclasses.asdict(doc.entities[0])


def test_pipe_keeps_order_and_matches_single_calls(nlp):
    texts = [a["text"] for a in ARTICLES] * 3
    piped = list(nlp.pipe(texts, batch_size=2))
    assert [d.text for d in piped] == texts
    assert piped[:len(ARTICLES)] == [nlp(t) for t in texts[:len(ARTICLES)]]
    with pytest.raises(ValueError, match="batch_size"):
        list(nlp.pipe(texts, batch_size=0))


def test_pipe_with_two_processes_equals_one(nlp):
    texts = [a["text"] for a in ARTICLES]
    assert list(nlp.pipe(texts, n_process=2, batch_size=1)) == list(nlp.pipe(texts))


def test_threads_share_one_pipeline(nlp):
    texts = [a["text"] for a in ARTICLES] * 4
    expected = [nlp(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(nlp, texts)) == expected


def test_to_spacy_renders_with_displacy(nlp):
    doc = nlp(ARTICLES[0]["text"])
    spacy_doc = doc.to_spacy()
    assert [(s.start_char, s.end_char, s.label_) for s in spacy_doc.ents] == \
        [(e.start, e.end, e.label) for e in doc.entities]
    html = displacy.render(spacy_doc, style="ent", jupyter=False)
    assert "Zhao Kezhi" in html and "LOC" in html


def test_extract_and_user_gazetteers(tmp_path):
    entities = ner_id.extract("Delegasi SCO tiba di Dushanbe.")
    assert [(type(e), e.text, e.label, e.kb_id) for e in entities] == [
        (Entity, "SCO", "ORG", "org:sco"), (Entity, "Dushanbe", "LOC", "geonames:1221874")]
    user = tmp_path / "mine.tsv"
    user.write_text("name\tlabel\tkb_id\nForum Pamir\tORG\tmy:fp\n", encoding="utf-8")
    nlp = ner_id.load(model=False, gazetteers=[user])
    assert ("Forum Pamir", "my:fp") in [(e.text, e.kb_id) for e in nlp("Ia membuka Forum Pamir kemarin.").entities]
    with pytest.raises(ValueError, match="add_labels"):
        ner_id.load(model=False, add_labels=["PLACE"])


def test_gazetteer_only_pipeline(gazetteer_nlp):
    doc = gazetteer_nlp("Delegasi AS dan Korsel bertemu di Jabar.")
    assert [(e.text, e.canonical) for e in doc.entities] == [
        ("AS", "Amerika Serikat"), ("Korsel", "Korea Selatan"), ("Jabar", "Jawa Barat")]
    assert {e.source for e in doc.entities} == {"gazetteer"}


def test_tokens_and_sentences_are_on_the_document(nlp):
    text = "Presiden Joko Widodo tiba di Jakarta.  Ia disambut Gubernur.\nLalu ke Bandung."
    doc = nlp(text)
    assert [(t.text, t.start, t.end) for t in doc.tokens[:3]] == [("Presiden", 0, 8), ("Joko", 9, 13), ("Widodo", 14, 20)]
    assert [text[a:b] for a, b in doc.sentences] == [
        "Presiden Joko Widodo tiba di Jakarta.", "Ia disambut Gubernur.", "Lalu ke Bandung."]


@pytest.mark.parametrize("index", range(4))
def test_from_dict_round_trips(nlp, index):
    doc = nlp(ARTICLES[index]["text"])
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again == doc


def test_to_spacy_keeps_text_tokens_and_sentences(nlp):
    text = "Presiden  Joko Widodo tiba di Jakarta.\n\nIa disambut Gubernur \ud800 di Bandung. "
    doc = nlp(text)
    spacy_doc = doc.to_spacy()
    assert len(spacy_doc.text) == len(text) and spacy_doc.text == text.replace("\ud800", "\ufffd")
    assert [s.text.strip() for s in spacy_doc.sents] == [text[a:b].replace("\ud800", "\ufffd") for a, b in doc.sentences]
    assert [(t.idx, t.idx + len(t)) for t in spacy_doc if not t.is_space] == [(t.start, t.end) for t in doc.tokens]
    assert [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents] == [(e.start, e.end, e.label) for e in doc.entities]


def test_pipe_reports_the_characters_tagged_during_a_long_document(nlp):
    """A 5 MB document is one batch for minutes: ``progress`` hears how far tagging is (issue 31)."""
    text = " ".join(a["text"] for a in ARTICLES * 20)
    calls = []
    [doc] = nlp.pipe([text], progress=lambda done, total: calls.append((done, total)))
    total = sum(end - start for start, end in doc.sentences)
    assert len(calls) >= 2 and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted({done for done, _ in calls}) and {t for _, t in calls} == {total}
    assert [(e.text, e.label, e.start) for e in doc.entities] == [(e.text, e.label, e.start) for e in nlp(text).entities]
    with pytest.raises(ValueError, match="progress is reported with n_process=1 only"):
        next(nlp.pipe([text], n_process=2, progress=print))
