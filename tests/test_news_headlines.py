"""The title-case headline rule at its edges: which first line is a headline, and how a span in it is cut."""
import pytest

from ner_id.news.headlines import _headline, headline_words
from ner_id.types import Entity


def ent(text, surface, label, source="model", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(surface, label, start, start + len(surface), 0.9, source)


SEVENTEEN = " ".join(f"Kata{chr(65 + i)}x" for i in range(17))  # seventeen capitalised words


@pytest.mark.parametrize(("text", "end"), [
    ("Polri Sita Rumah Tersangka\nIsi berita.", 26),
    ("\n  Polri Sita Rumah\nIsi.", 19),               # blank lines and spaces before it
    ("Tim Sar Cek Api\nIsi.", 15),                    # words of three letters count
    ("Tim Sar di Api\nIsi.", 14),                     # shorter ones do not: still three of three
    ("Tim Sar\nIsi.", None),                          # two words are too few
    ("Di Ke Ya Ok\nIsi.", None),                      # none of three letters
    (f"{SEVENTEEN} ada tiga kata\nIsi.", 132),        # 17 of 20 capitalised: exactly 85%
    (f"{SEVENTEEN} ada tiga kata lagi\nIsi.", None),  # 17 of 21: below
    ("Warga menolak rencana itu\nIsi.", None),        # a sentence, not a headline
    ("POLRI SITA RUMAH TERSANGKA\nIsi.", None),       # all capitals: another rule's
    ("Polri Sita Rumah Tersangka", None),             # one line: no body to compare with
])
def test_which_first_line_is_a_headline(text, end):
    assert _headline(text) == end


def test_a_headline_span_is_cut_at_its_words_that_are_no_name_with_offsets():
    # "Gerebek" is no common word in the casing table: it is cut because the body writes it in lower case
    text = "Polda Gerebek Gudang Sabu Medan\n\nPolda Sumut gerebek gudang itu, kata warga Gerebek."
    entities = [ent(text, "Polda Gerebek Gudang", "ORG"), ent(text, "Sabu Medan", "LOC", source="gazetteer"),
                ent(text, "Polda Sumut", "ORG"), ent(text, "Gerebek", "PER", nth=1)]
    got = headline_words(text, entities, [])
    assert [(e.text, e.label, e.start, e.end, e.source) for e in got] == [
        ("Polda", "ORG", 0, 5, "model"),
        ("Sabu Medan", "LOC", 21, 31, "gazetteer"),   # not the model's: kept whole
        ("Polda Sumut", "ORG", 33, 44, "model"),      # in the body: kept
        ("Gerebek", "PER", 76, 83, "model")]


def test_a_span_cut_in_the_middle_gives_both_sides_and_one_crossing_the_headline_is_kept():
    text = "Prabowo Gerebek Jokowi\nIa menggerebek, lalu gerebek lagi."
    assert [(e.text, e.start, e.end) for e in headline_words(text, [ent(text, "Prabowo Gerebek Jokowi", "PER")], [])] \
        == [("Prabowo", 0, 7), ("Jokowi", 16, 22)]
    crossing = Entity("Jokowi\nIa", "PER", 16, 25, 0.9, "model")
    assert headline_words(text, [crossing], []) == [crossing]


def test_without_a_headline_entities_are_returned_as_they_are():
    text = "Warga menolak rencana itu\nPolda Gerebek Gudang."
    entities = [ent(text, "Polda Gerebek Gudang", "ORG")]
    assert headline_words(text, entities, []) is entities
