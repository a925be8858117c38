"""The result types without a tagger: dict round trips, frames with their dtypes, spaCy Docs over ner-id's
tokens and sentences, non-ASCII punctuation and lone surrogates; the entity schema."""
import json

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ner_id.schema import ENTITY_COLUMNS, arrow_schema, empty_frame, key_dtype, pandas_dtypes
from ner_id.types import Document, Entity, EntityGroup, Keyphrase, Token, Topic, safe_text

TEXT = "«Warga Bandung» — ke Surabaya, lalu Bandung lagi. Hujan di Medan!  Selesai…"


@pytest.fixture(scope="module")
def doc(gazetteer_nlp):
    return gazetteer_nlp(TEXT)


def test_entities_groups_and_sentences_of_a_text_with_non_ascii_punctuation(doc):
    assert [(e.text, e.start, e.end, e.group) for e in doc.entities] == [
        ("Bandung", 7, 14, 0), ("Surabaya", 21, 29, 1), ("Bandung", 36, 43, 0), ("Medan", 59, 64, 2)]
    assert [g.to_dict()["count"] for g in doc.groups] == [2, 1, 1]
    assert doc.groups[0].to_dict() == {"canonical": "Kota Bandung", "label": "LOC", "kb_id": "kemendagri:32.73",
                                       "count": 2, "first": 7, "mentions": [[7, 14], [36, 43]]}
    assert [TEXT[a:b] for a, b in doc.sentences] == ["«Warga Bandung» — ke Surabaya, lalu Bandung lagi.",
                                                     "Hujan di Medan!", "Selesai…"]


def test_to_dict_and_from_dict_round_trip_through_json(doc):
    data = json.loads(json.dumps(doc.to_dict()))
    assert list(data) == ["text", "entities", "groups", "keyphrases", "topics", "tokens", "sentences"]
    assert data["tokens"][:3] == [[0, 1], [1, 6], [7, 14]]
    again = Document.from_dict(data)
    assert again == doc
    assert again.groups[0].mentions[1] is again.entities[2]


def test_from_dict_of_a_minimal_dict():
    assert Document.from_dict({"text": "x"}) == Document("x")
    full = Document("ab", (Entity("ab", "PER", 0, 2, 0.5, "model"),), keyphrases=(Keyphrase("ab", 1.0, 0, 2),),
                    topics=(Topic("sport", "Olahraga", 0.25),), tokens=(Token("ab", 0, 2),), sentences=((0, 2),))
    assert Document.from_dict(full.to_dict()) == full


def test_to_frame_has_the_schema_and_the_group_canonical(doc):
    frame = doc.to_frame()
    assert list(frame.columns) == [*ENTITY_COLUMNS, "group_canonical"]
    assert frame["group_canonical"].tolist() == ["Kota Bandung", "Kota Surabaya", "Kota Bandung", "Kota Medan"]
    assert dict(frame.dtypes.astype(str)) == {**pandas_dtypes(), "group_canonical": "string"}
    ungrouped = Document("Budi", (Entity("Budi", "PER", 0, 4, 0.5, "model"),)).to_frame()
    assert pd.isna(ungrouped.loc[0, "group_canonical"]) and pd.isna(ungrouped.loc[0, "group"])
    assert Document("x").to_frame().empty and list(Document("x").to_frame().columns)[-1] == "group_canonical"


def test_to_spacy_keeps_text_tokens_sentences_and_entities(doc):
    spacy_doc = doc.to_spacy()
    assert spacy_doc.text == TEXT
    assert [(t.idx, t.idx + len(t.text)) for t in spacy_doc if not t.is_space] == [
        (t.start, t.end) for t in doc.tokens]
    assert [(s.start_char, s.end_char) for s in spacy_doc.sents][0] == doc.sentences[0]
    assert [s.text.strip() for s in spacy_doc.sents] == [TEXT[a:b] for a, b in doc.sentences]
    assert [(e.text, e.label_, e.start_char) for e in spacy_doc.ents] == [(e.text, e.label, e.start) for e in doc.entities]


def test_to_spacy_without_sentences_overlapping_entities_and_a_lone_surrogate():
    text = "Kota\udcffBandung raya"
    entities = (Entity("Kota\udcffBandung", "LOC", 0, 12, 1.0, "gazetteer"), Entity("Bandung", "LOC", 5, 12, 1.0, "gazetteer"),
                Entity("raya", "ORG", 13, 17, 0.5, "model"))
    tokens = (Token("Kota\udcffBandung", 0, 12), Token("raya", 13, 17))
    spacy_doc = Document(text, entities, tokens=tokens).to_spacy()
    assert spacy_doc.text == "Kota\ufffdBandung raya"
    assert [(e.text, e.label_) for e in spacy_doc.ents] == [("Kota\ufffdBandung", "LOC"), ("raya", "ORG")]
    assert not spacy_doc.has_annotation("SENT_START")
    assert safe_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc" and safe_text("ä—…") == "ä—…"


def test_to_spacy_keeps_gaps_that_are_not_one_space():
    text = "  Budi\n\nke  Medan "
    tokens = (Token("Budi", 2, 6), Token("ke", 8, 10), Token("Medan", 12, 17))
    spacy_doc = Document(text, tokens=tokens, sentences=((2, 6), (8, 17))).to_spacy()
    assert spacy_doc.text == text
    assert [t.text for t in spacy_doc if t.text.strip()] == ["Budi", "ke", "Medan"]
    assert [s.text.strip() for s in spacy_doc.sents] == ["Budi", "ke  Medan"]
    assert [s.text for s in Document(text, tokens=tokens, sentences=((2, 17),)).to_spacy().sents] == [text.rstrip()]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Bandung", "di", "«", "»", "—", "…", "Medan.", "\n", "  ", "KPK", "é", "東京"]),
                max_size=20))
def test_offsets_always_slice_the_text(gazetteer_nlp, words):
    text = " ".join(words)
    doc = gazetteer_nlp(text)
    assert all(text[e.start:e.end] == e.text for e in doc.entities)
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    assert [e.start for e in doc.entities] == sorted(e.start for e in doc.entities)
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


def test_schema_dtypes_and_arrow_schema():
    assert ENTITY_COLUMNS == ["text", "label", "start", "end", "score", "source", "canonical", "kb_id", "group"]
    assert pandas_dtypes() == {"text": "string", "label": "string", "start": "Int64", "end": "Int64",
                               "score": "float64", "source": "string", "canonical": "string", "kb_id": "string",
                               "group": "Int64"}
    schema = arrow_schema("doc", extra=["date"])
    assert schema.names == ["doc", "date", *ENTITY_COLUMNS]
    assert [str(t) for t in schema.types] == ["string", "string", "string", "string", "int64", "int64", "double",
                                              "string", "string", "string", "int64"]
    assert arrow_schema().names[0] == "id" and arrow_schema().field("id").type == pa.string()


@pytest.mark.parametrize("dtype,kept", [("object", "string"), ("string", "string"), ("int64", "int64"),
                                        ("float64", "float64"), ("Int64", "Int64")])
def test_key_dtype_and_empty_frame(dtype, kept):
    assert str(key_dtype(pd.Series(dtype=dtype).dtype)) == kept
    frame = empty_frame("doc", pd.Series(dtype=dtype).dtype)
    assert frame.empty and list(frame.columns) == ["doc", *ENTITY_COLUMNS]
    assert str(frame["doc"].dtype) == kept and str(frame["start"].dtype) == "Int64"
    assert str(empty_frame("id")["id"].dtype) == "string"


def test_group_to_dict_of_one_mention():
    e = Entity("KPK", "ORG", 3, 6, 1.0, "gazetteer", "Komisi Pemberantasan Korupsi", "org:kpk", 0)
    assert EntityGroup("Komisi Pemberantasan Korupsi", "ORG", "org:kpk", (e,)).to_dict() == {
        "canonical": "Komisi Pemberantasan Korupsi", "label": "ORG", "kb_id": "org:kpk", "count": 1, "first": 3,
        "mentions": [[3, 6]]}


@pytest.mark.parametrize("text,tokens,sentences,expected", [
    (" Budi", [(1, 5)], [(1, 5)], [" Budi"]),
    ("A B", [(0, 1), (2, 3)], [(0, 1), (2, 3)], ["A", "B"]),
    ("Budi ke Medan", [(0, 4), (5, 7), (8, 13)], [(0, 13)], ["Budi ke Medan"])])
def test_to_spacy_sentences_with_and_without_leading_whitespace(text, tokens, sentences, expected):
    doc = Document(text, tokens=tuple(Token(text[a:b], a, b) for a, b in tokens), sentences=tuple(sentences))
    assert [s.text for s in doc.to_spacy().sents] == expected


def test_to_spacy_widens_an_entity_inside_a_token_to_the_token():
    text = "Bandung-Surabaya ramai"
    doc = Document(text, (Entity("Bandung", "LOC", 0, 7, 1.0, "gazetteer"),),
                   tokens=(Token("Bandung-Surabaya", 0, 16), Token("ramai", 17, 22)))
    assert [(e.text, e.label_) for e in doc.to_spacy().ents] == [("Bandung-Surabaya", "LOC")]
