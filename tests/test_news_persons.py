"""The person rules of ner_id/news/persons.py, edge by edge: entities built by hand (score 0.75, so that a
kept entity tells itself from one the rule makes), the rule called directly, and every field that comes
out checked: text, label, offsets, score and source."""
import pytest

from ner_id.merge import Candidate
from ner_id.news.persons import alias_person, initials, sentence_start_words, titled_person
from ner_id.types import Entity


def ent(text, surface, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(surface, label, start, start + len(surface), 0.75, "model")


def cand(text, surface, label):
    start = text.index(surface)
    return Candidate(start, start + len(surface), label, 1.0, surface, None)


def apply(rule, text, entities, gazetteer=()):
    out = rule(text, list(entities), list(gazetteer))
    assert all(text[e.start:e.end] == e.text for e in out)
    return [(e.text, e.label, e.start, e.end, e.score, e.source) for e in out]


INITIALS = [
    pytest.param(  # entities clear of the initials stay, before and after them; the initials become PER
        "Di Makassar, polisi menahan tersangka berinisial AB dan CD. AB ditangkap di Gowa.",
        [("Makassar", "LOC"), ("Gowa", "LOC")],
        [("Makassar", "LOC", 3, 11, 0.75, "model"), ("AB", "PER", 49, 51, 0.9, "model"),
         ("CD", "PER", 56, 58, 0.9, "model"), ("AB", "PER", 60, 62, 0.9, "model"),
         ("Gowa", "LOC", 76, 80, 0.75, "model")], id="introduced-list"),
    pytest.param(  # a span of several words over the initials that is no person goes
        "Polisi menetapkan dua tersangka berinisial AB dan CD.",
        [("AB dan CD", "ORG")],
        [("AB", "PER", 43, 45, 0.9, "model"), ("CD", "PER", 50, 52, 0.9, "model")], id="org-over-initials"),
    pytest.param(  # a person's full name that starts with the same letters stays, and keeps its initials
        "Tersangka berinisial TB ditangkap. Anggota DPR TB Hasanuddin menilai penangkapan itu sah.",
        [("TB Hasanuddin", "PER")],
        [("TB", "PER", 21, 23, 0.9, "model"), ("TB Hasanuddin", "PER", 47, 60, 0.75, "model")],
        id="full-name-over-initials"),
    pytest.param(  # the bracket closes at the first ")", not at a later one
        "Kepala desa Rudi Santoso (RS) diperiksa sebagai saksi (bukan tersangka). RS membantah.",
        [("Rudi Santoso", "PER")],
        [("Rudi Santoso", "PER", 12, 24, 0.75, "model"), ("RS", "PER", 26, 28, 0.9, "model"),
         ("RS", "PER", 73, 75, 0.9, "model")], id="bracket-first-close"),
    pytest.param(  # the bracket is looked for after the name, not inside a name that itself ends in ")"
        "Haji Ahmad Dahlan (Alm) (HAD) mewariskan tanah itu; HAD wafat 2019.",
        [("Haji Ahmad Dahlan (Alm)", "PER")],
        [("Haji Ahmad Dahlan (Alm)", "PER", 0, 23, 0.75, "model"), ("HAD", "PER", 25, 28, 0.9, "model"),
         ("HAD", "PER", 52, 55, 0.9, "model")], id="name-ending-in-bracket"),
    pytest.param(  # five letters are no initials
        "Raden Ajeng Kartini Putri Wibisono (RAKPW) hadir.",
        [("Raden Ajeng Kartini Putri Wibisono", "PER")],
        [("Raden Ajeng Kartini Putri Wibisono", "PER", 0, 34, 0.75, "model")], id="five-letters"),
    pytest.param(  # four letters are
        "Raden Ajeng Kartini Wibisono (RAKW) hadir; RAKW membantah.",
        [("Raden Ajeng Kartini Wibisono", "PER")],
        [("Raden Ajeng Kartini Wibisono", "PER", 0, 28, 0.75, "model"), ("RAKW", "PER", 30, 34, 0.9, "model"),
         ("RAKW", "PER", 43, 47, 0.9, "model")], id="four-letters"),
    pytest.param(  # and so is one
        "Saksi Abdullah al-Khatib (A) menyebut A berada di lokasi.",
        [("Abdullah al-Khatib", "PER")],
        [("Abdullah al-Khatib", "PER", 6, 24, 0.75, "model"), ("A", "PER", 26, 27, 0.9, "model"),
         ("A", "PER", 38, 39, 0.9, "model")], id="one-letter"),
    pytest.param(  # capitals in brackets that are not the name's initials (a party) are no person
        "Anggota DPR Rudi Santoso (PKS) menyatakan PKS menolak.",
        [("Rudi Santoso", "PER"), ("PKS", "ORG"), ("PKS", "ORG", 1)],
        [("Rudi Santoso", "PER", 12, 24, 0.75, "model"), ("PKS", "ORG", 26, 29, 0.75, "model"),
         ("PKS", "ORG", 42, 45, 0.75, "model")], id="party-not-initials"),
    pytest.param(  # a bracket that holds no initials yields none, whatever the name's letters
        "Pelatih Xanana Xavier Ximenes Xu (lahir 1980) menyebut akun XXXX.",
        [("Xanana Xavier Ximenes Xu", "PER")],
        [("Xanana Xavier Ximenes Xu", "PER", 8, 32, 0.75, "model")], id="bracket-without-initials"),
]


@pytest.mark.parametrize(("text", "entities", "expected"), INITIALS)
def test_initials(text, entities, expected):
    assert apply(initials, text, [ent(text, *e) for e in entities]) == expected


TITLED = [
    pytest.param(  # the dropped first name comes back (same start, new text); a name after "Mas" is added
        "Menteri Keuangan Hartono Wibisono bertemu Mas Suryadi di Jakarta.",
        [("Wibisono", "PER"), ("Jakarta", "LOC")], [],
        [("Hartono Wibisono", "PER", 17, 33, 0.75, "model"), ("Suryadi", "PER", 46, 53, 0.8, "model"),
         ("Jakarta", "LOC", 57, 64, 0.75, "model")], id="first-name-and-honorific"),
    pytest.param(  # at most two dropped words: a third name word before them leaves the span as it is
        "Menkeu Ahmad Hartono Santoso Wibisono tiba.",
        [("Wibisono", "PER")], [],
        [("Wibisono", "PER", 29, 37, 0.75, "model")], id="three-dropped-words"),
    pytest.param(  # a place the gazetteer knows earlier in the text is no reason to stop
        "Warga Jakarta menyambut Menteri Keuangan Hartono Wibisono.",
        [("Jakarta", "LOC"), ("Wibisono", "PER")], ["Jakarta"],
        [("Jakarta", "LOC", 6, 13, 0.75, "model"), ("Hartono Wibisono", "PER", 41, 57, 0.75, "model")],
        id="gazetteer-before"),
    pytest.param(  # nor one later in the text
        "Menteri Keuangan Hartono Wibisono tiba di Jakarta.",
        [("Wibisono", "PER"), ("Jakarta", "LOC")], ["Jakarta"],
        [("Hartono Wibisono", "PER", 17, 33, 0.75, "model"), ("Jakarta", "LOC", 42, 49, 0.75, "model")],
        id="gazetteer-after"),
    pytest.param(  # a word never seen is a first name right after a rank, also a rank opening the text
        "Kompol Hikam Wibisono memimpin apel pagi.",
        [("Wibisono", "PER")], [],
        [("Hikam Wibisono", "PER", 7, 21, 0.75, "model")], id="unseen-word-after-rank-at-start"),
    pytest.param(  # a known first name after a rank opening the text
        "Kapten Hartono Wibisono memimpin apel pagi.",
        [("Wibisono", "PER")], [],
        [("Hartono Wibisono", "PER", 7, 23, 0.75, "model")], id="known-word-after-rank-at-start"),
]


@pytest.mark.parametrize(("text", "entities", "gazetteer", "expected"), TITLED)
def test_titled_person(text, entities, gazetteer, expected):
    got = apply(titled_person, text, [ent(text, *e) for e in entities], [cand(text, g, "LOC") for g in gazetteer])
    assert got == expected


SENTENCE_START = [
    pytest.param(  # a name opening a sentence keeps its first word; a one-word name stays
        "Hartono Wibisono mengatakan hal itu. Wibisono menolak.",
        [("Hartono Wibisono", "PER"), ("Wibisono", "PER", 1)],
        [("Hartono Wibisono", "PER", 0, 16, 0.75, "model"), ("Wibisono", "PER", 37, 45, 0.75, "model")],
        id="names-stay"),
    pytest.param(  # two ordinary words go, and the span starts where the name does
        "Kabar Duka Wibisono tersebar cepat.",
        [("Kabar Duka Wibisono", "PER")],
        [("Wibisono", "PER", 11, 19, 0.75, "model")], id="two-ordinary-words"),
    pytest.param(  # one ordinary word after a full stop
        "Rapat ditunda. Janji Wibisono diucapkan kemarin.",
        [("Janji Wibisono", "PER")],
        [("Wibisono", "PER", 21, 29, 0.75, "model")], id="one-ordinary-word"),
    pytest.param(  # however much white space follows the full stop or the quote (scraped text has runs of it)
        "Rapat ditunda.   Janji Wibisono diucapkan. “ \xa0 Sosok Hartono dikenang.",
        [("Janji Wibisono", "PER"), ("Sosok Hartono", "PER")],
        [("Wibisono", "PER", 23, 31, 0.75, "model"), ("Hartono", "PER", 53, 60, 0.75, "model")],
        id="white-space-runs"),
    pytest.param(  # a line break starts a sentence too (after a headline without a full stop)
        "Rapat Paripurna Ditunda\nJanji Wibisono diucapkan kemarin.",
        [("Janji Wibisono", "PER")],
        [("Wibisono", "PER", 30, 38, 0.75, "model")], id="after-a-line-break"),
    pytest.param(  # inside a sentence the span stays as it is
        "Ia bertemu Janji Wibisono kemarin.",
        [("Janji Wibisono", "PER")],
        [("Janji Wibisono", "PER", 11, 25, 0.75, "model")], id="inside-a-sentence"),
]


@pytest.mark.parametrize(("text", "entities", "expected"), SENTENCE_START)
def test_sentence_start_words(text, entities, expected):
    assert apply(sentence_start_words, text, [ent(text, *e) for e in entities]) == expected


ALIAS = [
    pytest.param(  # the name after "alias" is added; an entity later in the text is no obstacle
        "Polisi menangkap RS alias Bontot di Makassar.",
        [("RS", "PER"), ("Makassar", "LOC")],
        [("RS", "PER", 17, 19, 0.75, "model"), ("Bontot", "PER", 26, 32, 0.9, "model"),
         ("Makassar", "LOC", 36, 44, 0.75, "model")], id="alias-added"),
    pytest.param(  # a name the tagger found already is not added twice
        "Polisi menangkap RS alias Bontot di Makassar.",
        [("RS", "PER"), ("Bontot", "PER")],
        [("RS", "PER", 17, 19, 0.75, "model"), ("Bontot", "PER", 26, 32, 0.75, "model")], id="alias-known"),
]


@pytest.mark.parametrize(("text", "entities", "expected"), ALIAS)
def test_alias_person(text, entities, expected):
    assert apply(alias_person, text, [ent(text, *e) for e in entities]) == expected
