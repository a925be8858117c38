"""The organisation rules of ner_id/news/bodies.py and the term rules of ner_id/news/terms.py, one edge a
row: entities built by hand as the tagger gives them, gazetteer candidates as the matcher gives them, and
the exact entities that come out (text, label, offsets, score, source, canonical name, id)."""
import pytest

from ner_id.bylines import is_byline
from ner_id.merge import Candidate
from ner_id.news.bodies import join_body_place, named_units, org_head_label, owner_not_building, split_unit_parent
from ner_id.news.terms import drop_languages, drop_terms
from ner_id.types import Entity

POLRI = ("Polri", "ORG", {"kb_id": "org:id-polri", "canonical": "Kepolisian Negara Republik Indonesia"})
#: Between a long office name and its place: the place starts 80 characters after "Dinas" (one space)
#: or 81 (two spaces, a common slip in news copy).
DINAS = "Dinas Pemberdayaan Masyarakat Desa Pengendalian Penduduk dan Keluarga Berencana"


def ent(text, surface, label, score=0.9, source="model", canonical=None, kb_id=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(surface, label, start, start + len(surface), score, source, canonical, kb_id)


def cand(text, surface, label, kb_id=None, score=1.0, canonical=None):
    start = text.index(surface)
    return Candidate(start, start + len(surface), label, score, canonical or surface, kb_id)


def build(text, spec, make):
    return [make(text, s[0], s[1], **(s[2] if len(s) > 2 else {})) for s in spec]


def full(entities):
    return [(e.text, e.label, e.start, e.end, e.score, e.source, e.canonical, e.kb_id) for e in entities]


def apply(rule, text, entities, gazetteer=()):
    return full(rule(text, build(text, entities, ent), build(text, gazetteer, cand)))


@pytest.mark.parametrize("text, entities, gazetteer, expected", [
    # entities before and after the body stay as they are; the body takes the best score of its parts
    ("Wakil Bupati Luwu Utara Suaib Mansur melapor ke Polres Palopo, Sulawesi Selatan.",
     [("Luwu Utara", "LOC", {"score": 0.95}), ("Suaib Mansur", "PER", {"score": 0.97}),
      ("Polres", "ORG", {"score": 0.83456}), ("Palopo", "LOC", {"score": 0.71234}), ("Sulawesi Selatan", "LOC")],
     [],
     [("Luwu Utara", "LOC", 13, 23, 0.95, "model", None, None),
      ("Suaib Mansur", "PER", 24, 36, 0.97, "model", None, None),
      ("Polres Palopo", "ORG", 48, 61, 0.8346, "model", None, None),
      ("Sulawesi Selatan", "LOC", 63, 79, 0.9, "model", None, None)]),
    # a body at the very start of the text
    ("Polres Palopo menahan dua tersangka.", [("Polres", "ORG", {"score": 0.91}), ("Palopo", "LOC", {"score": 0.8})], [],
     [("Polres Palopo", "ORG", 0, 13, 0.91, "model", None, None)]),
    # a body the gazetteer names whole, its place glued to the person after it: no entity inside, score 0.9
    ("Ketua DPRD Jatim Sumarno hadir.", [("DPRD Jatim Sumarno", "PER", {"score": 0.88})],
     [("DPRD Jatim", "ORG", {"kb_id": "regional:dprd-jatim"})],
     [("DPRD Jatim", "ORG", 6, 16, 0.9, "model", None, None), ("Sumarno", "PER", 17, 24, 0.88, "model", None, None)]),
    # the person span also swallowed the title before the body: the person is still kept
    ("Ketua DPRD Jatim Sumarno hadir.", [("Ketua DPRD Jatim Sumarno", "PER", {"score": 0.88})],
     [("Jatim", "LOC", {"kb_id": "kemendagri:35"})],
     [("DPRD Jatim", "ORG", 6, 16, 0.9, "model", None, None), ("Sumarno", "PER", 17, 24, 0.88, "model", None, None)]),
    # a fuzzy (inexact) gazetteer match of a body joins nothing
    ("Anggota DPRD Jatim menolak.", [("DPRD", "ORG")], [("DPRD Jatim", "ORG", {"score": 0.85})],
     [("DPRD", "ORG", 8, 12, 0.9, "model", None, None)]),
    # an organisation the gazetteer names that starts with no body head is not added
    ("Penyidik Polri memeriksa saksi.", [], [POLRI], []),
    # a place the gazetteer names without a region id (a landmark) is no body's place
    ("Petugas Satpol PP Monas menertibkan pedagang.", [("Satpol PP", "ORG")], [("Monas", "LOC")],
     [("Satpol PP", "ORG", 8, 17, 0.9, "model", None, None)]),
    # a headline that ends with a body, then the dateline's place on the next line: not one name
    ("Ratusan Guru Mengadu ke DPRD\n\nJEMBER, KOMPAS.com - Mereka menuntut kejelasan status.",
     [("DPRD", "ORG"), ("JEMBER", "LOC"), ("KOMPAS.com", "ORG")], [],
     [("DPRD", "ORG", 24, 28, 0.9, "model", None, None), ("JEMBER", "LOC", 30, 36, 0.9, "model", None, None),
      ("KOMPAS.com", "ORG", 38, 48, 0.9, "model", None, None)]),
    # a body already an organisation keeps its source, name and id
    ("Kasus itu ditangani Polres Palopo sejak Senin.",
     [("Polres Palopo", "ORG", {"source": "model+gazetteer", "canonical": "Polres Palopo",
                                "kb_id": "regional:polres-palopo"})],
     [("Palopo", "LOC", {"kb_id": "kemendagri:73.73"})],
     [("Polres Palopo", "ORG", 20, 33, 0.9, "model+gazetteer", "Polres Palopo", "regional:polres-palopo")]),
    # a body that is a span already tagged otherwise becomes the organisation
    ("Ketua DPRD Jatim hadir.", [("DPRD Jatim", "PER", {"score": 0.7})], [("DPRD Jatim", "ORG")],
     [("DPRD Jatim", "ORG", 6, 16, 0.7, "model", None, None)]),
    # two places start where the body's name goes on: the longer one ("Bandung Barat", not "Bandung")
    ("Bantuan datang dari Pemkab Bandung Barat.",
     [("Pemkab", "ORG"), ("Bandung Barat", "LOC", {"score": 0.95})], [("Bandung", "LOC", {"kb_id": "geonames:1650357"})],
     [("Pemkab Bandung Barat", "ORG", 20, 40, 0.95, "model", None, None)]),
    # the head is read up to 80 characters before the place, spaces included
    (f"Kepala {DINAS} Demak hadir.", [("Demak", "LOC")], [],
     [(f"{DINAS} Demak", "ORG", 7, 92, 0.9, "model", None, None)]),
    (f"Kepala {DINAS}  Demak hadir.", [("Demak", "LOC")], [],
     [("Demak", "LOC", 88, 93, 0.9, "model", None, None)]),
])
def test_join_body_place(text, entities, gazetteer, expected):
    assert apply(join_body_place, text, entities, gazetteer) == expected


@pytest.mark.parametrize("text, entities, expected", [
    ("Budi dari Dinas Perdagangan dan Satgas Pangan memeriksa gudang Bulog.", [("Budi", "PER"), ("Bulog", "ORG")],
     [("Budi", "PER", 0, 4, 0.9, "model", None, None),
      ("Dinas Perdagangan", "ORG", 10, 27, 0.9, "model", None, None),
      ("Satgas Pangan", "ORG", 32, 45, 0.9, "model", None, None),
      ("Bulog", "ORG", 63, 68, 0.9, "model", None, None)]),
    # what is already an entity is not added a second time
    ("Kunjungan ke Dinas Pariwisata ramai.", [("Dinas Pariwisata", "LOC")],
     [("Dinas Pariwisata", "LOC", 13, 29, 0.9, "model", None, None)]),
])
def test_named_units(text, entities, expected):
    assert apply(named_units, text, entities) == expected


@pytest.mark.parametrize("text, surface, label, kb_id, expected", [
    ("Siswa SMAN 10 Padang juara.", "SMAN 10", "LOC", None, "ORG"),  # two words
    ("Bank itu tutup pukul 15.00.", "Bank", "LOC", None, "LOC"),  # a head word alone is no name
    ("Pasien dirujuk ke Rumah Sakit Hermina Depok.", "Rumah Sakit Hermina Depok", "LOC", None, "ORG"),
    ("Santri Pondok Pesantren Lirboyo pulang.", "Pondok Pesantren Lirboyo", "PER", None, "ORG"),
    ("Ia kuliah di Arizona State University.", "Arizona State University", "LOC", None, "ORG"),
    ("Ia kuliah di Universitas Indonesia.", "Universitas Indonesia", "LOC", "iso3166:ID", "LOC"),  # an id decides
    ("Ia kuliah di Universitas Indonesia.", "Universitas Indonesia", "ORG", None, "ORG"),
])
def test_org_head_label(text, surface, label, kb_id, expected):
    e = ent(text, surface, label, kb_id=kb_id)
    assert org_head_label(text, [e], []) == [Entity(e.text, expected, e.start, e.end, 0.9, "model", None, kb_id)]


@pytest.mark.parametrize("text, entities, gazetteer, expected", [
    ("Penyidik Kortas Tipikor Polri memeriksa saksi.", [("Kortas Tipikor Polri", "ORG", {"score": 0.87})], [POLRI],
     [("Kortas Tipikor", "ORG", 9, 23, 0.87, "model", None, None),
      ("Polri", "ORG", 24, 29, 0.87, "model+gazetteer", "Kepolisian Negara Republik Indonesia", "org:id-polri")]),
    # a unit of one word
    ("Kasus itu ditangani Bareskrim Polri.", [("Bareskrim Polri", "ORG")], [POLRI],
     [("Bareskrim", "ORG", 20, 29, 0.9, "model", None, None),
      ("Polri", "ORG", 30, 35, 0.9, "model+gazetteer", "Kepolisian Negara Republik Indonesia", "org:id-polri")]),
    # nothing names a parent: unchanged
    ("Tim Basarnas menyisir sungai.", [("Tim Basarnas", "ORG")], [],
     [("Tim Basarnas", "ORG", 0, 12, 0.9, "model", None, None)]),
    # a place at the end is no parent body
    ("Polisi mengatakan Polsek Tanah Abang menahan pelaku.", [("Polsek Tanah Abang", "ORG")],
     [("Tanah Abang", "LOC", {"kb_id": "kemendagri:31.71.01"})],
     [("Polsek Tanah Abang", "ORG", 18, 36, 0.9, "model", None, None)]),
    # only organisations are split
    ("Warga Asrama Brimob mengungsi.", [("Asrama Brimob", "LOC")], [("Brimob", "ORG", {"kb_id": "org:id-brimob"})],
     [("Asrama Brimob", "LOC", 6, 19, 0.9, "model", None, None)]),
    # a building word is no unit (owner_not_building's case)
    ("Jumpa pers di Mabes Polri.", [("Mabes Polri", "ORG")], [POLRI],
     [("Mabes Polri", "ORG", 14, 25, 0.9, "model", None, None)]),
])
def test_split_unit_parent(text, entities, gazetteer, expected):
    assert apply(split_unit_parent, text, entities, gazetteer) == expected


@pytest.mark.parametrize("text, entities, gazetteer, expected", [
    ("Jumpa pers digelar di Gedung KPK, Jakarta.", [("Gedung KPK", "LOC", {"score": 0.8})],
     [("KPK", "ORG", {"kb_id": "org:id-kpk", "canonical": "Komisi Pemberantasan Korupsi"})],
     [("KPK", "ORG", 29, 32, 0.8, "model", "Komisi Pemberantasan Korupsi", "org:id-kpk")]),
    # a unit is no building: unchanged
    ("Penyidik Kortas Tipikor Polri memeriksa saksi.", [("Kortas Tipikor Polri", "ORG")], [POLRI],
     [("Kortas Tipikor Polri", "ORG", 9, 29, 0.9, "model", None, None)]),
    # a building named after a place stays the building
    ("Pengunjung memadati Menara Jakarta.", [("Menara Jakarta", "LOC")], [("Jakarta", "LOC", {"kb_id": "kemendagri:31"})],
     [("Menara Jakarta", "LOC", 20, 34, 0.9, "model", None, None)]),
])
def test_owner_not_building(text, entities, gazetteer, expected):
    assert apply(owner_not_building, text, entities, gazetteer) == expected


@pytest.mark.parametrize("text, entities, expected", [
    ("Pajak PKB naik tahun ini.", [("PKB", "ORG")], []),  # the tax word opens the text
    # the kind of product is read within the 20 characters before the name, spaces included
    ("Jenis: mobil" + " " * 15 + "Toyota Avanza", [("Toyota Avanza", "ORG")], []),
    ("Jenis: mobil" + " " * 16 + "Toyota Avanza", [("Toyota Avanza", "ORG")],
     [("Toyota Avanza", "ORG", 28, 41, 0.9, "model", None, None)]),
])
def test_drop_terms(text, entities, expected):
    assert apply(drop_terms, text, entities) == expected


@pytest.mark.parametrize("text, entities, expected", [
    ("Bahasa Inggris menjadi bahasa pengantar.", [("Inggris", "LOC")], []),  # the language word opens the text
    # the language word is read within the 12 characters before the place, spaces included
    ("Ia fasih berbahasa   Indonesia.", [("Indonesia", "LOC")], []),
    ("Ia fasih berbahasa    Indonesia.", [("Indonesia", "LOC")],
     [("Indonesia", "LOC", 22, 31, 0.9, "model", None, None)]),
])
def test_drop_languages(text, entities, expected):
    assert apply(drop_languages, text, entities) == expected


@pytest.mark.parametrize("text, start, kb_id, expected", [
    ("KOMPAS.com", 200, "org:media-kompas", True),
    ("Kompas", 200, None, False),
    ("Polri", 200, "org:id-polri", False),
    ("JAKARTA", 0, None, True),
])
def test_is_byline(text, start, kb_id, expected):
    assert is_byline(text, start, kb_id) is expected
