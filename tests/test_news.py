"""The news-convention rules (ner_id/news/), each on sentences of our own: entities built by hand,
then the shipped pipeline end to end."""
import pytest

from conftest import run_rule
from ner_id.lexicon import is_common_word, lower_share
from ner_id.merge import Candidate
from ner_id.rules import CORPUS_RULES, DEFAULT_RULES, NEWS_CONVENTION, RULES
from ner_id.types import Entity


def ent(text, surface, label, source="model", score=0.9, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(surface, label, start, start + len(surface), score, source)


def cand(text, surface, label, kb_id=None):
    start = text.index(surface)
    return Candidate(start, start + len(surface), label, 1.0, surface, kb_id)


def test_casing_table_tells_words_from_names():
    assert is_common_word("Janji") and is_common_word("Keuangan") and is_common_word("Terdakwa")
    assert not is_common_word("Wibisono") and lower_share("Wibisono") == 0
    assert lower_share("Qwxzyk") is None and not is_common_word("Qwxzyk")


def test_a_body_with_its_place_is_one_organisation():
    text = "Laporan diterima Polres Palopo dan Kejaksaan Negeri (Kejari) Jember kemarin."
    entities = [ent(text, "Polres", "ORG"), ent(text, "Palopo", "LOC"), ent(text, "Kejaksaan Negeri", "ORG"),
                ent(text, "Kejari", "ORG"), ent(text, "Jember", "LOC")]
    assert run_rule("join_body_place", text, entities) == [("Polres Palopo", "ORG"),
                                                      ("Kejaksaan Negeri (Kejari) Jember", "ORG")]
    # the place found only by the gazetteer; a person glued after it keeps his name
    text = "Ketua DPRD Jatim Sumarno hadir."
    got = run_rule("join_body_place", text, [ent(text, "DPRD", "ORG"), ent(text, "Jatim Sumarno", "PER")],
              [cand(text, "Jatim", "LOC", "kemendagri:35")])
    assert got == [("DPRD Jatim", "ORG"), ("Sumarno", "PER")]


def test_a_title_in_brackets_is_not_the_bodys_acronym():
    text = "Kepala Kejaksaan Negeri (Kajari) Lembata memimpin."
    entities = [ent(text, "Kejaksaan Negeri", "ORG"), ent(text, "Lembata", "LOC")]
    assert run_rule("join_body_place", text, entities) == [("Kejaksaan Negeri", "ORG"), ("Lembata", "LOC")]
    text = "Gubernur Jawa Barat dan Bupati Demak bertemu."  # an office before a place joins nothing
    entities = [ent(text, "Jawa Barat", "LOC"), ent(text, "Demak", "LOC")]
    assert run_rule("join_body_place", text, entities) == [("Jawa Barat", "LOC"), ("Demak", "LOC")]


def test_head_words_make_a_span_an_organisation():
    text = "Siswa SMAN 3 Purworejo belajar di Arizona State University, dekat Kota Purworejo."
    entities = [ent(text, "SMAN 3 Purworejo", "LOC"), ent(text, "Arizona State University", "LOC"),
                ent(text, "Kota Purworejo", "LOC")]
    assert run_rule("org_head_label", text, entities) == [("SMAN 3 Purworejo", "ORG"), ("Arizona State University", "ORG"),
                                                     ("Kota Purworejo", "LOC")]


def test_a_building_or_channel_word_is_not_part_of_the_organisation():
    text = "Jumpa pers di Mabes Polri, disiarkan lewat Youtube Kemenkeu."
    entities = [ent(text, "Mabes Polri", "ORG"), ent(text, "Youtube Kemenkeu", "ORG")]
    gazetteer = [cand(text, "Polri", "ORG", "org:id-polri"), cand(text, "Kemenkeu", "ORG", "org:id-kemenkeu")]
    got = RULES["owner_not_building"](text, entities, gazetteer)
    assert [(e.text, e.kb_id) for e in got] == [("Polri", "org:id-polri"), ("Kemenkeu", "org:id-kemenkeu")]


def test_a_unit_before_its_parent_is_two_organisations():
    text = "Penyidik Kortas Tipikor Polri dan PT Bank Mandiri hadir."
    entities = [ent(text, "Kortas Tipikor Polri", "ORG"), ent(text, "PT Bank Mandiri", "ORG")]
    gazetteer = [cand(text, "Polri", "ORG", "org:id-polri"), cand(text, "Mandiri", "ORG")]
    assert run_rule("split_unit_parent", text, entities, gazetteer) == [
        ("Kortas Tipikor", "ORG"), ("Polri", "ORG"), ("PT Bank Mandiri", "ORG")]


def test_initials_of_suspects_and_pupils_are_people():
    text = ("Polisi menahan tersangka berinisial AB, CDE, dan F. Korban MA (13) dirawat. "
            "Rudi Santoso (RS) juga diperiksa. AB mengaku menyesal, kata hakim MA.")
    entities = [ent(text, "MA", "ORG"), ent(text, "Rudi Santoso", "PER"), ent(text, "MA", "ORG", nth=1)]
    got = run_rule("initials", text, entities)
    assert got == [("AB", "PER"), ("CDE", "PER"), ("F", "PER"), ("MA", "PER"), ("Rudi Santoso", "PER"),
                   ("RS", "PER"), ("AB", "PER"), ("MA", "PER")]
    plain = "Putusan MA dan KL diumumkan."  # no person context: nothing changes
    assert run_rule("initials", plain, [ent(plain, "MA", "ORG")]) == [("MA", "ORG")]


def test_names_after_honorifics_and_first_names_dropped_after_a_title():
    text = "Menteri Keuangan Hartono Wibisono bertemu Mas Suryadi di Jakarta."
    entities = [ent(text, "Wibisono", "PER"), ent(text, "Jakarta", "LOC")]
    assert run_rule("titled_person", text, entities) == [("Hartono Wibisono", "PER"), ("Suryadi", "PER"),
                                                    ("Jakarta", "LOC")]
    derived = "Menteri Perhubungan Wibisono datang."  # a derived noun is never a first name
    assert run_rule("titled_person", derived, [ent(derived, "Wibisono", "PER")]) == [("Wibisono", "PER")]


def test_ordinary_words_at_a_sentence_start_are_no_names():
    text = "Janji Wibisono diucapkan kemarin.\nRumah itu dijual. Ia bertemu Janji Wibisono."
    entities = [ent(text, "Janji Wibisono", "PER"), ent(text, "Rumah", "PER"), ent(text, "Janji Wibisono", "PER", nth=1)]
    assert run_rule("sentence_start_words", text, entities) == [("Wibisono", "PER"), ("Janji Wibisono", "PER")]


def test_the_name_after_alias_is_the_same_person():
    text = "Polisi menangkap RS alias Bontot di rumahnya."
    assert run_rule("alias_person", text, [ent(text, "RS", "PER")]) == [("RS", "PER"), ("Bontot", "PER")]
    assert run_rule("alias_person", text, []) == []  # without a person before "alias"


def test_terms_programmes_products_and_languages_are_no_names():
    text = "ASN dan BUMN, Badan Usaha Milik Negara, bayar pajak PKB untuk mobil Toyota Avanza; PKB menolak."
    entities = [ent(text, "ASN", "ORG"), ent(text, "BUMN", "ORG"), ent(text, "Badan Usaha Milik Negara", "ORG"),
                ent(text, "PKB", "ORG"), ent(text, "Toyota Avanza", "ORG"), ent(text, "PKB", "ORG", nth=1)]
    assert run_rule("drop_terms", text, entities) == [("PKB", "ORG")]
    text = "Ia fasih berbahasa Indonesia dan bahasa Inggris, lahir di Inggris."
    entities = [ent(text, "Indonesia", "LOC"), ent(text, "Inggris", "LOC"), ent(text, "Inggris", "LOC", nth=1)]
    assert run_rule("drop_languages", text, entities) == [("Inggris", "LOC")]


def test_headline_words_the_body_writes_in_lower_case_are_cut_out():
    text = "Polda Sita Motor Pelaku Begal\n\nPolda Sumut menyita motor milik pelaku."
    entities = [ent(text, "Polda Sita Motor", "ORG"), ent(text, "Polda Sumut", "ORG", source="model+gazetteer")]
    assert run_rule("headline_words", text, entities) == [("Polda", "ORG"), ("Polda Sumut", "ORG")]
    text = "Prabowo Puji Jokowi\n\nPresiden memuji pendahulunya."
    assert run_rule("headline_words", text, [ent(text, "Prabowo Puji Jokowi", "PER")]) == [
        ("Prabowo", "PER"), ("Jokowi", "PER")]
    body = "Polda Sita Motor\n\nPolda Sita Motor adalah nama tim."  # written the same in the body: kept
    assert run_rule("headline_words", body, [ent(body, "Polda Sita Motor", "ORG")]) == [("Polda Sita Motor", "ORG")]


def test_an_acronym_defined_with_an_organisation_head_word():
    text = "Ikatan Notaris Nusantara (INN) menolak. Harga Bahan Bakar Minyak (BBM) naik. Kata INN, itu keliru."
    entities = [ent(text, "Notaris Nusantara", "ORG"), ent(text, "INN", "LOC", nth=1)]
    assert run_rule("acronym_definition", text, entities) == [
        ("Ikatan Notaris Nusantara", "ORG"), ("INN", "ORG"), ("INN", "ORG")]


def test_lower_case_prefixes_are_outside_a_place_name():
    text = "Ia tiba di kota Davao dan bertemu de Gaulle."
    entities = [ent(text, "kota Davao", "LOC"), ent(text, "de Gaulle", "PER")]
    assert run_rule("trim_lower_head", text, entities) == [("Davao", "LOC"), ("de Gaulle", "PER")]
    text = "Ia tiba di bekas kota Davao, kota tua itu."
    entities = [ent(text, "bekas kota Davao", "LOC"), ent(text, "kota tua", "LOC")]
    assert run_rule("trim_lower_head", text, entities) == [("Davao", "LOC"), ("tua", "LOC")]  # the last word stays


def test_the_corpus_convention_leaves_out_exactly_the_news_convention_rules():
    assert NEWS_CONVENTION == ("trim_lower_head", "org_head_label", "join_body_place", "split_unit_parent",
                               "drop_languages")
    assert DEFAULT_RULES == (
        "drop_non_names", "trim_lower_tail", "trim_lower_head", "headline_words", "acronym_label", "caps_to_gazetteer",
        "split_acronym_person", "join_company_suffix", "acronym_definition", "owner_not_building", "split_unit_parent",
        "join_body_place", "named_units", "join_org_qualifier", "org_head_label", "initials", "titled_person",
        "sentence_start_words", "alias_person", "drop_terms", "drop_languages", "dateline")
    assert CORPUS_RULES == (
        "drop_non_names", "trim_lower_tail", "headline_words", "acronym_label", "caps_to_gazetteer",
        "split_acronym_person", "join_company_suffix", "acronym_definition", "owner_not_building", "named_units",
        "join_org_qualifier", "initials", "titled_person", "sentence_start_words", "alias_person", "drop_terms",
        "dateline")


@pytest.mark.parametrize("text, expected", [
    ("Kapolres Palopo AKP Supriadi mengatakan Polres Palopo menahan tersangka berinisial RA (16).",
     {("Palopo", "LOC"), ("Supriadi", "PER"), ("Polres Palopo", "ORG"), ("RA", "PER")}),
    ("Pemprov Kalbar menggandeng Badan Pangan Nasional (Bapanas) untuk operasi pasar; Bapanas menyiapkan beras.",
     {("Pemprov Kalbar", "ORG"), ("Badan Pangan Nasional", "ORG"), ("Bapanas", "ORG")}),
])
def test_news_conventions_end_to_end(nlp, text, expected):
    assert {(e.text, e.label) for e in nlp(text).entities} == expected


def test_offices_and_task_forces_named_by_their_field():
    text = "Dinas Pariwisata dan Dinas Kependudukan dan Catatan Sipil bertemu Disperindag dan Satgas Pangan; Dinas itu tutup."
    assert run_rule("named_units", text, []) == [("Dinas Pariwisata", "ORG"), ("Dinas Kependudukan dan Catatan Sipil", "ORG"),
                                            ("Disperindag", "ORG"), ("Satgas Pangan", "ORG")]
    taken = [ent(text, "Dinas Pariwisata", "LOC")]  # what is already an entity stays as it is
    assert run_rule("named_units", text, taken)[0] == ("Dinas Pariwisata", "LOC")


def test_a_dropped_first_name_is_never_an_ordinary_word_and_an_unknown_one_needs_a_title():
    text = "Menteri Keuangan Bagus Wibisono datang. AKP Qarbayu Hartono hadir. Kami Qarbayu Suryadi pergi."
    entities = [ent(text, "Wibisono", "PER"), ent(text, "Hartono", "PER"), ent(text, "Suryadi", "PER")]
    assert run_rule("titled_person", text, entities) == [("Wibisono", "PER"), ("Qarbayu Hartono", "PER"), ("Suryadi", "PER")]
    text = "Peneliti LIPI Hartono Wibisono datang."  # an acronym before the first name also marks where it starts
    assert run_rule("titled_person", text, [ent(text, "Wibisono", "PER")]) == [("Hartono Wibisono", "PER")]
    # a place the gazetteer knows is no first name, and "Hartono" follows it, not a title: the span stays
    text = "Warga Surabaya Hartono Wibisono datang."
    assert run_rule("titled_person", text, [ent(text, "Wibisono", "PER")], [cand(text, "Surabaya", "LOC")]) == [
        ("Wibisono", "PER")]


def test_an_acronym_is_defined_only_by_an_expansion_whose_initials_it_spells_in_order():
    text = ("Badan Pangan Nasional (XYZ) dan Badan Pangan Nasional (PBN) dan Badan Pangan Nasional (ABPN) dan "
            "Badan Pangan Nasional (BNP) dan Badan Pangan Nasional (BPN) rapat.")
    got = run_rule("acronym_definition", text, [])
    assert got == [("Badan Pangan Nasional", "ORG"), ("BPN", "ORG")]


def test_coverage_sees_a_span_covered_from_its_first_character():
    from ner_id.news.text import Coverage

    covered = Coverage(10, [(0, 2), (6, 7)])
    assert not covered.free(0, 5) and not covered.free(1, 2) and not covered.free(4, 7) and not covered.free(6, 10)
    assert covered.free(2, 6) and covered.free(7, 10) and covered.free(3, 3)


@pytest.mark.parametrize("text, expected", [
    # an English name ends with its head word; titles and ordinary words before it are not part of it
    ("Menurut Direktur Riset Indonesia Presidential Studies (IPS) kemarin, IPS benar.",
     [("Indonesia Presidential Studies", "ORG"), ("IPS", "ORG"), ("IPS", "ORG")]),
    ("Kata Kepala Badan Gizi Nasional (BGN), dapur ditambah.", [("Badan Gizi Nasional", "ORG"), ("BGN", "ORG")]),
    ("Forum\nDokter Nusantara (FDN) menolak.", []),  # a name does not go on across a line break
    ("dan Bahan Bakar Minyak (BBM) naik.", []),
])
def test_acronym_expansions_end_at_their_head_word_and_their_line(text, expected):
    assert run_rule("acronym_definition", text, []) == expected
