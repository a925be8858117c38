"""Acronym definitions at their edges: which bracketed acronyms count, how far back an expansion reaches,
its head word, and the entities the rule adds."""
import pytest

from ner_id.news.acronyms import _initials_fit, acronym_definition
from ner_id.types import Entity


def defined(text, entities=()):
    return [(e.text, e.label) for e in acronym_definition(text, list(entities), [])]


@pytest.mark.parametrize(("text", "expected"), [
    # a two-word head
    ("Pasien dirujuk ke Rumah Sakit Cipto Mangunkusumo (RSCM) kemarin.",
     [("Rumah Sakit Cipto Mangunkusumo", "ORG"), ("RSCM", "ORG")]),
    ("Pasien dirujuk ke Rumah Sakit Fatmawati (RSF) kemarin.", [("Rumah Sakit Fatmawati", "ORG"), ("RSF", "ORG")]),
    ("Pasien dirujuk ke Rumah Sakit Umum Daerah (RSUD) Cianjur.", []),  # a kind of hospital, not a name
    # connectors inside the expansion
    ("Kata Badan Riset dan Inovasi Nasional (BRIN) kemarin.", [("Badan Riset dan Inovasi Nasional", "ORG"), ("BRIN", "ORG")]),
    # an English tail: the first word is the expansion's, titles and ordinary words before it are not
    ("Dana dari Bill and Melinda Gates Foundation (BMGF) cair.",
     [("Bill and Melinda Gates Foundation", "ORG"), ("BMGF", "ORG")]),
    ("Kata Direktur Foundation (FDN) itu.", [("Foundation", "ORG"), ("FDN", "ORG")]),
    # two capitals are enough, one is not
    ("Menurut Komisi Yudisial (KY), hakim itu melanggar.", [("Komisi Yudisial", "ORG"), ("KY", "ORG")]),
    ("Menurut Kementerian Keuangan (Kemenkeu), pajak naik.", []),
    # a comma after a word is not part of it
    ("Menurut Kementerian, Keuangan (KK) menolak.", [("Kementerian, Keuangan", "ORG"), ("KK", "ORG")]),
    # titles and terms in brackets are never defined, whatever precedes them
    ("Kepala Kepolisian Republik Indonesia (Kapolri) hadir.", []),
    ("Saham Badan Usaha Milik Negara (BUMN) naik.", []),
    # no head word and no English tail: an event, a product
    ("Pengunjung Jakarta Fair (JF) membludak.", []),
    ("Rapat digelar di Ruang Center (RC) lantai dua.", []),  # ordinary words up to an English tail
    # a single capitalised word that is no head
    ("kata Polri (PR) kemarin.", []),
])
def test_which_expansions_define_their_acronym(text, expected):
    assert defined(text) == expected


def test_an_expansion_reaches_back_ten_words():
    ten = "Badan A B C D E F G H I"
    assert defined(f"Kata {ten} (BABCDEFGHI) itu.") == [(ten, "ORG"), ("BABCDEFGHI", "ORG")]
    eleven = "Badan A B C D E F G H I J"  # the head word is the eleventh back: out of reach
    assert defined(f"Kata {eleven} (BABCDEFGHIJ) itu.") == []


def test_every_definition_and_every_later_mention_count_after_an_acronym_that_does_not():
    text = ("Menurut Kementerian Keuangan (Kemenkeu), Komisi Yudisial (KY) dan Badan Gizi Nasional (BGN) "
            "bertemu. KY dan BGN setuju.")
    got = acronym_definition(text, [], [])
    assert [(e.text, e.label, e.start, e.end, e.score, e.source) for e in got] == [
        ("Komisi Yudisial", "ORG", 41, 56, 0.9, "model"), ("KY", "ORG", 58, 60, 0.9, "model"),
        ("Badan Gizi Nasional", "ORG", 66, 85, 0.9, "model"), ("BGN", "ORG", 87, 90, 0.9, "model"),
        ("KY", "ORG", 101, 103, 0.9, "model"), ("BGN", "ORG", 108, 111, 0.9, "model")]


def test_a_mention_before_the_definition_is_left_to_the_tagger():
    text = "KY menolak. Komisi Yudisial (KY) menyatakan."
    tagged = Entity("KY", "PER", 0, 2, 0.7, "model")
    assert [(e.text, e.label, e.start) for e in acronym_definition(text, [tagged], [])] == [
        ("KY", "PER", 0), ("Komisi Yudisial", "ORG", 12), ("KY", "ORG", 29)]


@pytest.mark.parametrize(("words", "acronym", "fits"), [
    (["Badan", "Gizi", "Nasional"], "BGN", True),
    (["Badan", "Gizi", "Nasional"], "BGNX", True),     # letters to spare
    (["Badan", "Gizi", "Nasional"], "GBN", False),     # not from its first letter
    (["Badan", "Gizi", "Nasional"], "BNG", False),     # out of order
    (["Badan", "Gizi", "Nasional"], "BG", False),      # a letter missing
    (["Badan", "Gizi", "Gizi"], "BGG", True),          # a letter twice needs it twice
    (["Badan", "Gizi", "Gizi"], "BG", False),
    (["Kementerian", "Keuangan"], "Kemenkeu", True),   # found inside the acronym
    (["Badan", "dan", "Nasional"], "BN", True),        # lower-case words have no initial
    (["dan", "untuk"], "DU", False),                    # no capitalised word at all
])
def test_initials_fit(words, acronym, fits):
    assert _initials_fit(words, acronym) is fits
