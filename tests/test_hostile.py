"""Hostile input: every str is accepted, offsets never drift, no input blows up."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES

ARTICLE = json.loads(open(EXAMPLES / "articles.jsonl", encoding="utf-8").readline())["text"]
NAMES = ["Jakarta", "Zhao Kezhi", "Amerika Serikat", "AS", "Jawa Barat", "Asfghanistan", "PT.", "Dr.", "KPK", "SCO"]
ODD = ["\x00", "\u200b", "\u200d", "\xa0", "\u0301", "😀", "🇮🇩", "\u202e", "مرحبا", "\r\n", "\ud800", "\udfff",
       "<b>", "</p>", "&amp;", "...", "!!!", "(", ")", "\t", "\n\n", "ß", "İ", "ﬁ", "\ufeff", "\U0001f9d1\u200d\U0001f4bb"]

text_parts = st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(ODD), st.text(max_size=12),
                                st.sampled_from([" ", "  ", ". ", ", "])), max_size=40).map("".join)


def check(doc, text):
    assert doc.text == text
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
        assert 0 <= e.start < e.end <= len(text)
    starts = [e.start for e in doc.entities]
    assert starts == sorted(starts)
    for a, b in zip(doc.entities, doc.entities[1:]):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_parts)
def test_generated_text_keeps_offsets(nlp, text):
    check(nlp(text), text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_any_unicode_keeps_offsets_gazetteer_only(gazetteer_nlp, text):
    check(gazetteer_nlp(text), text)


@pytest.mark.parametrize("text", [
    "Presiden Jo\u200bko Widodo di Jakarta", "Presiden\xa0Joko\xa0Widodo tiba di\xa0Jakarta",
    "ZHAO KEZHI TIBA DI DUSHANBE, TAJIKISTAN", "zhao kezhi tiba di dushanbe, tajikistan",
    "<p>Menteri <b>Retno Marsudi</b> di <i>Jakarta</i></p>", "Ia ke Jakarta\r\nlalu ke Bandung\r\n",
    "x" * 200_000, "Jakarta " + "!" * 30_000 + " Bandung", "\ud800Jakarta\udfff", "🇮🇩 Jakarta 😀 Bali",
    "\u202eJakarta\u202c", "Jakarta " * 5000,
])
def test_named_hostile_cases(nlp, text):
    check(nlp(text), text)


def test_two_megabyte_article_scales_linearly(gazetteer_nlp):
    one = gazetteer_nlp(ARTICLE)
    copies = 2_000_000 // (len(ARTICLE) + 2) + 1
    big = "\n\n".join([ARTICLE] * copies)
    doc = gazetteer_nlp(big)
    check(doc, big)
    assert len(doc.entities) == len(one.entities) * copies


def test_long_article_with_the_tagger(nlp):
    one = nlp(ARTICLE)
    big = "\n\n".join([ARTICLE] * 40)
    doc = nlp(big)
    check(doc, big)
    assert len(doc.entities) == len(one.entities) * 40
