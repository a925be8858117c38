"""Keyphrases at their edges: the content and order of the ranking, the four-word bound, entities taken
whole and shown at their best-written mention, brackets, verbs, and offsets that always slice the text."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ner_id
from ner_id.tokenizer import Tokenizer
from ner_id.topics.keyphrases import MAX_WORDS, STOP, _balanced, _content, _early, keyphrases
from ner_id.types import Entity, Token

TOKENIZER = Tokenizer()


@pytest.fixture(scope="module")
def plain_nlp():
    return ner_id.load(model=False, topic_model=None)


def ranked(text, entities=(), top=10):
    return [(k.text, k.score, k.start) for k in keyphrases(text, TOKENIZER(text), entities, top=top)]


PRICES = ("Harga cabai rawit naik tajam di pasar induk. Pedagang cabai rawit mengeluhkan harga cabai rawit yang "
          "naik. Pemerintah membahas harga beras.")


def test_the_ranking_of_a_news_paragraph():
    assert ranked(PRICES) == [("Harga cabai rawit", 1.0, 0), ("Pedagang cabai rawit", 0.35, 45),
                              ("harga beras", 0.1703, 127), ("pasar induk", 0.1503, 32), ("tajam", 0.0861, 23),
                              ("Pemerintah", 0.0366, 107)]


@pytest.mark.parametrize("top", [1, 2, 6])
def test_top_cuts_the_same_ranking(top):
    assert ranked(PRICES, top=top) == ranked(PRICES)[:top]


def test_entities_are_taken_whole_and_shown_where_not_written_in_capitals(plain_nlp):
    text = "JAKARTA - Banjir bandang melanda Jakarta. KPK dan KPK memeriksa banjir bandang. Menteri keuangan baru."
    doc = plain_nlp(text)
    assert [(e.text, e.start) for e in doc.entities] == [("JAKARTA", 0), ("Jakarta", 33), ("KPK", 42), ("KPK", 50)]
    assert [(k.text, k.score, k.start, k.end) for k in doc.keyphrases] == [
        ("Banjir bandang", 1.0, 10, 24), ("KPK", 0.27, 42, 45), ("Jakarta", 0.1477, 33, 40), ("keuangan", 0.0999, 88, 96)]


def test_an_all_capital_short_entity_is_shown_at_its_first_mention():
    text = "Kami bertemu DPR kemarin. Lalu Dpr pulang. DPR lagi."
    entities = [Entity("DPR", "ORG", 13, 16, 1.0, "gazetteer"), Entity("Dpr", "ORG", 31, 34, 1.0, "gazetteer"),
                Entity("DPR", "ORG", 43, 46, 1.0, "gazetteer")]
    shown = [(t, s) for t, _, s in ranked(text, entities) if t.lower() == "dpr"]
    assert shown == [("DPR", 13)]


def test_runs_are_cut_at_four_words():
    text = "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas."
    phrases = ranked(text)
    assert max(len(t.split()) for t, _, _ in phrases) == MAX_WORDS == 4
    assert ("enam tujuh delapan sembilan", 0.9261, 25) in phrases
    assert phrases[0] == ("belas", 1.0, 73)


def test_stop_words_numbers_and_verb_forms_never_start_or_end_a_phrase():
    text = ("Menteri membahas anggaran pendidikan 2025 dan menyebutkan dana sekolah dasar yang diberikan "
            "pemerintah, ditangani dinas; menteri keuangan tiba.")
    for phrase, _, start in ranked(text, top=50):
        words = phrase.lower().split()
        assert text[start:start + len(phrase)] == phrase
        for word in (words[0], words[-1]):
            assert word.isalpha() and word not in STOP, phrase
    assert {"membahas", "menyebutkan", "diberikan", "ditangani"}.isdisjoint(
        w for p, _, _ in ranked(text, top=50) for w in p.lower().split())


@pytest.mark.parametrize("word,content", [("membahas", False), ("mengatakan", False), ("menyusun", False),
                                          ("melantik", False), ("merawat", False), ("dilakukan", False),
                                          ("dikelola", True), ("ditangani", False), ("berlari", False),
                                          ("menteri", False), ("mentega", False), ("pendidikan", False),
                                          ("anggaran", True), ("a", False), ("2025", False), ("x1", False),
                                          ("tanpa", False), ("kata", False), ("Bupati", False), ("Sawit", True)])
def test_content_words(word, content):
    assert _content(Token(word, 0, len(word))) is content


def test_early_falls_from_one_and_a_half_to_one():
    assert (_early(0, 10), _early(5, 10), _early(10, 10)) == (1.5, 1.25, 1.0)


@pytest.mark.parametrize("surface,balanced", [("PT Bank (Persero)", True), ("Persero) Tbk", False),
                                              ("(Persero", False), (")(", False), ("a (b (c) d)", True), ("", True)])
def test_balanced_brackets(surface, balanced):
    assert _balanced(surface) is balanced


def test_a_phrase_inside_a_better_one_is_dropped():
    text = "Kereta cepat Whoosh. Kereta cepat Whoosh melaju. Kereta cepat Whoosh penuh."
    phrases = [t.lower() for t, _, _ in ranked(text)]
    assert phrases[0] == "kereta cepat whoosh"
    assert not {"kereta", "cepat", "whoosh", "kereta cepat", "cepat whoosh"} & set(phrases)


def test_nothing_to_rank():
    assert ranked("") == [] and ranked("   ") == []
    assert ranked("dan yang di ke 2025 , .") == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["Harga", "cabai", "naik", "di", "pasar", "(Persero)", "Tbk", "—", "«Bandung»",
                                 "membahas", "2025", "yang", "Jakarta.", "rawit,", "“kopi”", "\n", "…"]),
                max_size=30), st.integers(1, 12))
def test_offsets_always_slice_the_text_and_scores_fall_from_one(words, top):
    text = " ".join(words)
    found = keyphrases(text, TOKENIZER(text), (), top=top)
    assert len(found) <= top
    for k in found:
        assert text[k.start:k.end] == k.text and _balanced(k.text)
    assert [k.score for k in found] == sorted((k.score for k in found), reverse=True)
    if found:
        assert found[0].score == 1.0
    assert len({k.text.lower() for k in found}) == len(found)
