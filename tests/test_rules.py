"""News-structure rules, each on an example sentence of our own (entities built by hand)."""
import pytest

import ner_id
from conftest import run_rule
from ner_id.consolidate import consolidate
from ner_id.merge import Candidate
from ner_id.rules import RULES, apply_rules
from ner_id.types import Entity


def ent(text, surface, label, source="model", score=0.9, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(surface, label, start, start + len(surface), score, source)


def cand(text, surface, label, kb_id=None, score=1.0):
    start = text.index(surface)
    return Candidate(start, start + len(surface), label, score, surface, kb_id)


def test_titles_and_degrees_alone_are_not_people_and_lower_case_spans_are_dropped():
    text = "Ketua KPU Jabar, Rifqi Ali Mubarok, M.Si., ditemui Presiden di kantor gubernur kemarin."
    entities = [ent(text, "Rifqi Ali Mubarok", "PER"), ent(text, "M.Si.", "PER", score=0.19),
                ent(text, "Presiden", "PER"), ent(text, "kantor gubernur", "LOC")]
    assert run_rule("drop_non_names", text, entities) == [("Rifqi Ali Mubarok", "PER")]
    lower = "ketua kpu jabar ditemui di kantor gubernur."
    assert run_rule("drop_non_names", lower, [ent(lower, "kantor gubernur", "LOC")]) == [("kantor gubernur", "LOC")]


def test_lower_case_words_are_trimmed_off_the_end_of_a_span():
    text = "Warga di bantaran Sungai Martapura waspada banjir, kata Kepala BPBD Kalsel."
    assert run_rule("trim_lower_tail", text, [ent(text, "Sungai Martapura waspada", "LOC")]) == [("Sungai Martapura", "LOC")]


def test_an_all_caps_token_takes_its_gazetteer_label():
    text = "Delegasi SCO tiba di Dushanbe."
    got = RULES["acronym_label"](text, [ent(text, "SCO", "PER")], [cand(text, "SCO", "ORG", "org:sco")])
    assert [(e.text, e.label, e.kb_id) for e in got] == [("SCO", "ORG", "org:sco")]
    mixed = "Delegasi Sco tiba."  # not all caps: the tagger's label stays
    assert run_rule("acronym_label", mixed, [ent(mixed, "Sco", "PER")], [cand(mixed, "Sco", "ORG")]) == [("Sco", "PER")]


def test_persero_and_tbk_stay_in_the_company_name():
    text = "Laba PT Bank Mandiri (Persero) Tbk naik, kata direksi PT Astra Tbk."
    entities = [ent(text, "PT Bank Mandiri", "ORG"), ent(text, "Persero", "ORG"), ent(text, "Tbk", "ORG"),
                ent(text, "PT Astra", "ORG")]
    assert run_rule("join_company_suffix", text, entities) == [
        ("PT Bank Mandiri (Persero) Tbk", "ORG"), ("PT Astra Tbk", "ORG")]


def test_an_organisation_followed_by_ri_stays_one_span():
    text = "Rapat DPR RI dengan Kemenkes RI digelar di Indonesia pekan ini."
    entities = [ent(text, "DPR", "ORG"), ent(text, "RI", "LOC"), ent(text, "Kemenkes", "ORG"),
                ent(text, "RI", "LOC", nth=1), ent(text, "Indonesia", "LOC")]
    assert run_rule("join_org_qualifier", text, entities) == [("DPR RI", "ORG"), ("Kemenkes RI", "ORG"),
                                                         ("Indonesia", "LOC")]


@pytest.mark.parametrize("text,city", [("Beijing (ANTARA) - Menteri tiba.", "Beijing"),
                                       ("JAKARTA, KOMPAS.com - Hujan turun.", "JAKARTA")])
def test_the_dateline_city_is_a_place(text, city):
    entities = [ent(text, city, "ORG")]
    assert run_rule("dateline", text, entities, [cand(text, city, "LOC", "geo:1")]) == [(city, "LOC")]
    mid = f"Ia bertemu {city} (ANTARA) - kemarin."
    assert run_rule("dateline", mid, [ent(mid, city, "ORG")], [cand(mid, city, "LOC")]) == [(city, "ORG")]


def test_dateline_agency_is_never_an_acronym_of_the_city():
    text = "Beijing (ANTARA) - Menteri tiba."
    entities = (ent(text, "Beijing", "LOC"), ent(text, "ANTARA", "ORG", "gazetteer", 1.0))
    _, groups = consolidate(text, entities)
    assert [g.canonical for g in groups] == ["Beijing", "ANTARA"]


def test_misspelt_country_and_party_split_off_person_spans():
    text = "Presiden Asfghanistan Ashraf Ghani dan Sekjen Gerindra Sugiono bertemu."
    entities = [ent(text, "Asfghanistan Ashraf Ghani", "PER"), ent(text, "Gerindra Sugiono", "PER")]
    gazetteer = [cand(text, "Asfghanistan", "LOC", "iso3166:AF", score=0.96),
                 cand(text, "Gerindra", "ORG", "org:party-gerindra")]
    mentions, _ = consolidate(text, entities, gazetteer)
    assert [(m.text, m.label) for m in mentions] == [("Asfghanistan", "LOC"), ("Ashraf Ghani", "PER"),
                                                     ("Gerindra", "ORG"), ("Sugiono", "PER")]


@pytest.mark.model
def test_rules_run_in_the_pipeline_and_can_be_turned_off():
    text = "Delegasi SCO tiba di Dushanbe."
    on = ner_id.load(model="fast", topic_model=None)(text)
    off = ner_id.load(model="fast", topic_model=None, rules=())(text)
    assert ("SCO", "ORG") in [(e.text, e.label) for e in on.entities]
    assert ner_id.load(model=False, rules=["dateline"]).config.rules == ("dateline",)
    with pytest.raises(ValueError, match="unknown rules"):
        ner_id.load(model=False, rules=["nope"])
    assert [(e.text, e.label) for e in on.entities] == [("SCO", "ORG"), ("Dushanbe", "LOC")]
    assert [(e.text, e.label) for e in off.entities] == [("SCO", "PER"), ("Dushanbe", "LOC")]  # the tagger's label
    assert apply_rules((), text, off.entities, ()) == off.entities


def test_all_caps_span_with_extra_words_becomes_its_gazetteer_match():
    text = "GEMPA GUNCANG CIANJUR, WARGA MENGUNGSI"
    got = RULES["caps_to_gazetteer"](text, [ent(text, "GUNCANG CIANJUR", "LOC", score=0.45)],
                                     [cand(text, "CIANJUR", "LOC", "kemendagri:32.03")])
    assert [(e.text, e.label, e.kb_id) for e in got] == [("CIANJUR", "LOC", "kemendagri:32.03")]
    cased = "Gempa Guncang Cianjur"
    assert run_rule("caps_to_gazetteer", cased, [ent(cased, "Guncang Cianjur", "LOC")], [cand(cased, "Cianjur", "LOC")]) \
        == [("Guncang Cianjur", "LOC")]


def test_lower_case_brand_names_are_kept():
    text = "Hal itu dikatakan kepada detikcom di Jakarta."
    assert run_rule("drop_non_names", text, [ent(text, "detikcom", "ORG")]) == [("detikcom", "ORG")]


def test_an_acronym_glued_to_a_person_after_a_title_is_split():
    text = "Direktur Utama BRI Sunarso mengatakan laba naik. Kinerja BRI Syariah tumbuh."
    second = text.rindex("BRI")
    entities = [ent(text, "BRI Sunarso", "ORG", score=0.09), ent(text, "BRI Syariah", "ORG")]
    gazetteer = [cand(text, "BRI", "ORG", "org:co-bri"), Candidate(second, second + 3, "ORG", 1.0, "BRI", "org:co-bri")]
    got = RULES["split_acronym_person"](text, entities, gazetteer)
    assert [(e.text, e.label, e.kb_id) for e in got] == [
        ("BRI", "ORG", "org:co-bri"), ("Sunarso", "PER", None), ("BRI Syariah", "ORG", None)]



@pytest.mark.parametrize("text, surface, label, source, kept", [
    ("Ia bertemu Presiden di Bogor.", "Presiden", "PER", "model", False),     # a title alone
    ("Ia bertemu Presiden, di Bogor.", "Presiden,", "PER", "model", False),   # ... with its comma
    ("Ia bertemu Presiden di Bogor.", "Presiden", "ORG", "model", True),      # only people are titles
    ("Ia bertemu Presiden di Bogor.", "Presiden", "PER", "gazetteer", True),  # gazetteer names stay
    ("Ia ke kantor gubernur di Bogor.", "kantor gubernur", "LOC", "gazetteer", True),
    ("IA KE KANTOR GUBERNUR DI bogor.", "bogor", "LOC", "model", True),       # capitals: not cased text
    ("Ia ke Bogor dan bogor.", "bogor", "LOC", "model", False),
])
def test_drop_non_names_cases(text, surface, label, source, kept):
    e = ent(text, surface, label, source)
    assert RULES["drop_non_names"](text, [e], []) == ([e] if kept else [])


@pytest.mark.parametrize("text, surface, source, expected", [
    ("Warga Sungai Martapura waspada banjir.", "Sungai Martapura waspada banjir", "model", "Sungai Martapura"),
    ("Warga Sungai Martapura waspada.", "Sungai Martapura waspada", "gazetteer", "Sungai Martapura waspada"),
    ("Aktris Song Hye - kyo datang.", "Song Hye - kyo", "model", "Song Hye - kyo"),
    ("Tim Persib 2025 menang.", "Persib 2025", "model", "Persib 2025"),    # digits are no lower-case words
    ("warga ke kali bersih.", "kali bersih", "model", "kali bersih"),      # not cased text: untouched
    ("Ia ke Kota batu.", "Kota batu", "model", "Kota"),
])
def test_trim_lower_tail_cases(text, surface, source, expected):
    got = RULES["trim_lower_tail"](text, [ent(text, surface, "LOC", source)], [])
    assert [(e.text, e.start, e.end) for e in got] == [(expected, text.index(expected), text.index(expected) + len(expected))]


def test_acronym_label_needs_an_exact_single_token_match_or_an_organisations_name():
    text = "Delegasi SCO tiba di Dushanbe bersama SCO RI dari Kota Baru."
    fuzzy = RULES["acronym_label"](text, [ent(text, "SCO", "PER")], [cand(text, "SCO", "ORG", score=0.95)])
    assert [(e.text, e.label) for e in fuzzy] == [("SCO", "PER")]
    two = ent(text, "SCO RI", "PER")  # an organisation's name of two words: the gazetteer's label
    got = RULES["acronym_label"](text, [two], [Candidate(two.start, two.end, "ORG", 1.0, "SCO RI", "org:sco")])
    assert [(e.text, e.label, e.kb_id) for e in got] == [("SCO RI", "ORG", "org:sco")]
    place = ent(text, "Kota Baru", "PER")  # a place of two words is not relabelled
    assert RULES["acronym_label"](text, [place], [Candidate(place.start, place.end, "LOC", 1.0, "Kota Baru", None)]) == [place]
    same = ent(text, "SCO", "ORG")
    assert RULES["acronym_label"](text, [same], [cand(text, "SCO", "ORG", "org:sco")]) == [same]  # label agrees: as is


def test_caps_to_gazetteer_needs_one_match_a_model_span_and_a_capitals_line():
    text = "BANJIR LANDA CIANJUR GARUT\nWarga mengungsi."
    span = ent(text, "LANDA CIANJUR GARUT", "LOC")
    two = [cand(text, "CIANJUR", "LOC"), cand(text, "GARUT", "LOC")]
    assert RULES["caps_to_gazetteer"](text, [span], two) == [span]  # two matches inside: keep
    one = [cand(text, "CIANJUR", "LOC", "k:1")]
    assert [(e.text, e.source) for e in RULES["caps_to_gazetteer"](text, [span], one)] == [("CIANJUR", "model+gazetteer")]
    gaz = ent(text, "LANDA CIANJUR GARUT", "LOC", "gazetteer")
    assert RULES["caps_to_gazetteer"](text, [gaz], one) == [gaz]
    body = "Kabar dari Cianjur.\nBANJIR LANDA CIANJUR GARUT mereda kata warga di sana hari ini"
    span = ent(body, "LANDA CIANJUR GARUT", "LOC")  # a cased line: not a headline
    assert RULES["caps_to_gazetteer"](body, [span], [cand(body, "CIANJUR", "LOC")]) == [span]


@pytest.mark.parametrize("text, span, split", [
    ("Direktur Utama BRI Sunarso berkata.", "BRI Sunarso", True),
    ("Kata Direktur BRI  Budi Santoso Putra.", "BRI  Budi Santoso Putra", True),   # two spaces, three words
    ("Kata Direktur BRI Budi Santoso Putra Jaya.", "BRI Budi Santoso Putra Jaya", False),  # four words
    ("Kemarin BRI Sunarso berkata.", "BRI Sunarso", False),                          # no title before
    ("Kata Direktur BRI Sunarso berkata.", "BRI Sunarso", True),
    ("Kata Direktur BRI SUNARSO berkata.", "BRI SUNARSO", False),                    # not a capitalised name
])
def test_split_acronym_person_cases(text, span, split):
    e = ent(text, span, "ORG")
    got = RULES["split_acronym_person"](text, [e], [cand(text, "BRI", "ORG", "org:co-bri")])
    if not split:
        assert got == [e]
        return
    person = span[3:].strip()
    assert [(x.text, x.label, x.start, x.end) for x in got] == [
        ("BRI", "ORG", e.start, e.start + 3), (person, "PER", text.index(person), e.end)]


def test_split_acronym_person_keeps_spans_with_another_name_inside():
    text = "Direktur Utama BRI Jakarta berkata."
    e = ent(text, "BRI Jakarta", "ORG")
    assert RULES["split_acronym_person"](text, [e], [cand(text, "BRI", "ORG"), cand(text, "Jakarta", "LOC")]) == [e]
    person = ent(text, "BRI Jakarta", "PER")
    assert RULES["split_acronym_person"](text, [person], [cand(text, "BRI", "ORG")]) == [person]


@pytest.mark.parametrize("text, entities, expected", [
    ("Saham PT Astra Tbk. naik.", [("PT Astra", "ORG")], [("PT Astra Tbk.", "ORG")]),   # "Tbk." before lower case
    ("Saham PT Astra Tbk. Harga naik.", [("PT Astra", "ORG")], [("PT Astra Tbk", "ORG")]),  # the period ends the sentence
    ("Ia ke (Persero) lagi.", [("Persero", "ORG")], []),                                 # alone: no entity
    ("Kota Tbk naik.", [("Kota", "LOC")], [("Kota", "LOC")]),                            # only organisations
])
def test_join_company_suffix_cases(text, entities, expected):
    assert run_rule("join_company_suffix", text, [ent(text, s, label) for s, label in entities]) == expected


def test_join_org_qualifier_needs_one_space_and_keeps_the_best_score():
    text = "Rapat DPR  RI dan DPR RI."
    far = [ent(text, "DPR", "ORG"), ent(text, "RI", "LOC")]
    assert run_rule("join_org_qualifier", text, far) == [("DPR", "ORG"), ("RI", "LOC")]
    near = [ent(text, "DPR", "ORG", nth=1, score=0.5), ent(text, "RI", "LOC", nth=1, score=0.8)]
    got = RULES["join_org_qualifier"](text, near, [])
    assert [(e.text, e.label, e.score) for e in got] == [("DPR RI", "ORG", 0.8)]
    place = [ent(text, "DPR", "LOC", nth=1), ent(text, "RI", "LOC", nth=1)]
    assert run_rule("join_org_qualifier", text, place) == [("DPR", "LOC"), ("RI", "LOC")]


def test_dateline_on_a_later_line_and_only_for_gazetteer_places():
    text = "Kabar pagi\nBandung (ANTARA) - Hujan."
    e = ent(text, "Bandung", "ORG")
    got = RULES["dateline"](text, [e], [cand(text, "Bandung", "LOC", "k:32.73")])
    assert [(x.text, x.label, x.kb_id) for x in got] == [("Bandung", "LOC", "k:32.73")]
    assert RULES["dateline"](text, [e], [cand(text, "Bandung", "ORG")]) == [e]  # not a place in the gazetteer
    assert RULES["dateline"](text, [e], []) == [e]


def test_apply_rules_runs_the_named_rules_in_rules_order():
    text = "Ia bertemu Presiden di Bogor."
    e = ent(text, "Presiden", "PER")
    assert apply_rules(["drop_non_names"], text, [e], []) == ()
    assert apply_rules(["dateline"], text, [e], []) == (e,)


@pytest.mark.parametrize("text, headline", [
    ("Kabar pagi dari kota\nBANJIR LANDA CIANJUR\nWarga mengungsi ke tempat aman sejak pagi", True),
    ("Kabar pagi dari kota\nBANJIR LANDA CIANJUR kata warga di sana hari ini\nWARGA MENGUNGSI", False),
    ("GEMPA CIANJUR xyz", True),    # exactly 80% capitals
    ("GEMPA CIANJUR wxyz", False),  # below
])
def test_a_headline_is_a_line_of_at_least_80_percent_capitals(text, headline):
    span_text = "BANJIR LANDA CIANJUR" if "BANJIR" in text else "GEMPA CIANJUR"
    span = ent(text, span_text, "LOC")
    got = RULES["caps_to_gazetteer"](text, [span], [cand(text, "CIANJUR", "LOC")])
    assert [e.text for e in got] == (["CIANJUR"] if headline else [span_text])


def linked(text, surface, label, source, kb_id, score=0.9, canonical=None):
    start = text.index(surface)
    return Entity(surface, label, start, start + len(surface), score, source, canonical or surface, kb_id)


def test_each_rule_gives_complete_entities():
    """Every field of a repaired entity: offsets, source, canonical name and id from the gazetteer."""
    text = "Delegasi SCO tiba."
    assert RULES["acronym_label"](text, [ent(text, "SCO", "PER")], [cand(text, "SCO", "ORG", "org:sco")]) == [
        linked(text, "SCO", "ORG", "model", "org:sco")]
    text = "WASPADA BANJIR, GEMPA GUNCANG CIANJUR SORE INI"
    got = RULES["caps_to_gazetteer"](text, [ent(text, "GUNCANG CIANJUR SORE", "ORG", score=0.45)],
                                     [cand(text, "BANJIR", "LOC"), cand(text, "CIANJUR", "LOC", "k:32.03")])
    assert got == [linked(text, "CIANJUR", "LOC", "model+gazetteer", "k:32.03", score=0.45)]
    text = "Dirut BRI Sunarso hadir."  # the title opens the text
    got = RULES["split_acronym_person"](text, [ent(text, "BRI Sunarso", "ORG")], [cand(text, "BRI", "ORG", "org:co-bri")])
    assert got == [linked(text, "BRI", "ORG", "model+gazetteer", "org:co-bri"), ent(text, "Sunarso", "PER")]
    text = "Rapat DPR RI digelar."
    got = RULES["join_org_qualifier"](text, [linked(text, "DPR", "ORG", "model", "org:dpr"), ent(text, "RI", "LOC")], [])
    assert got == [Entity("DPR RI", "ORG", 6, 12, 0.9, "model", "DPR", "org:dpr")]
    text = "Beijing (ANTARA) - Menteri tiba."
    got = RULES["dateline"](text, [ent(text, "Beijing", "ORG")], [cand(text, "Beijing", "LOC", "g:1816670")])
    assert got == [linked(text, "Beijing", "LOC", "model", "g:1816670")]
    assert RULES["dateline"](text, [ent(text, "Beijing", "LOC")], [cand(text, "Beijing", "LOC", "g:1")]) == [
        ent(text, "Beijing", "LOC")]  # already a place: left as it is


def test_company_words_alone_are_dropped_wherever_they_stand():
    text = "Laba PT Astra Tbk naik; Tbk dan (Persero) bukan nama, kata Budi di PT Timah TbkJakarta."
    entities = [ent(text, "PT Astra", "ORG"), ent(text, "Tbk", "ORG", nth=1), ent(text, "(Persero)", "PER"),
                ent(text, "Budi", "PER"), ent(text, "PT Timah", "ORG"), ent(text, "Jakarta", "LOC")]
    got = RULES["join_company_suffix"](text, entities, [])
    end = text.index("TbkJakarta") + 3
    assert got == [ent(text, "PT Astra Tbk", "ORG"), ent(text, "Budi", "PER"),
                   Entity("PT Timah Tbk", "ORG", text.index("PT Timah"), end, 0.9, "model"),
                   ent(text, "Jakarta", "LOC")]  # it starts where the suffix ends: kept


def test_spans_inside_a_joined_suffix_are_dropped_and_later_ones_kept():
    text = "Saham PT Timah Tbk Bangka naik, kata Budi."
    entities = [ent(text, "PT Timah", "ORG"), ent(text, "Tbk Bangka", "LOC"), ent(text, "Budi", "PER")]
    assert run_rule("join_company_suffix", text, entities) == [("PT Timah Tbk", "ORG"), ("Budi", "PER")]


def test_split_acronym_person_needs_a_model_org_span_an_org_acronym_and_the_word_before():
    text = "Hari ini kata Direktur BRI Ed Sunarso."
    bri = cand(text, "BRI", "ORG", "org:co-bri")
    got = RULES["split_acronym_person"](text, [ent(text, "BRI Ed Sunarso", "ORG")], [bri])
    assert [(e.text, e.label) for e in got] == [("BRI", "ORG"), ("Ed Sunarso", "PER")]  # a two-letter word
    for span, gazetteer in [(ent(text, "BRI Ed Sunarso", "ORG", "model+gazetteer"), [bri]),  # not the tagger's
                            (ent(text, "BRI Ed Sunarso", "ORG"), [cand(text, "BRI", "LOC")]),  # not an organisation
                            (ent(text, "BRI Ed Sunarso", "ORG"), [cand(text, "BRI", "ORG", score=0.95)])]:  # fuzzy
        assert RULES["split_acronym_person"](text, [span], gazetteer) == [span]
    far = "Hari ini kata Direktur bahwa BRI Sunarso hadir."  # the title is not the word before
    span = ent(far, "BRI Sunarso", "ORG")
    assert RULES["split_acronym_person"](far, [span], [cand(far, "BRI", "ORG")]) == [span]


@pytest.mark.parametrize("text, kept", [
    ("Presiden, datang.", False), ("Dr., M.Si., datang.", False), ("Presiden Jokowi datang.", True)])
def test_titles_and_degrees_with_commas_are_no_names(text, kept):
    surface = text.removesuffix(" datang.")
    entities = [ent(text, surface, "PER"), ent(text, "datang", "ORG", source="gazetteer")]
    assert RULES["drop_non_names"](text, entities, []) == (entities if kept else entities[1:])


@pytest.mark.parametrize("upper, cased", [(1, True), (0, False), (25, True), (26, False)])
def test_cased_text_has_2_to_50_percent_capitals(upper, cased):
    """Lower-case model spans are dropped only in normally cased text (50 letters here)."""
    letters = "".join("A" if i < upper else "a" for i in range(50 - 5))
    text = f"{letters[:20]} {letters[20:]} bogor"  # 45 letters, then the 5 of the span
    e = ent(text, "bogor", "LOC")
    assert RULES["drop_non_names"](text, [e], []) == ([] if cased else [e])


def test_trim_lower_tail_reads_only_alphabetic_words():
    text = "Warga Jalan Sudirman no.5 mengungsi."
    e = ent(text, "Jalan Sudirman no.5", "LOC")
    assert RULES["trim_lower_tail"](text, [e], []) == [e]


def test_caps_to_gazetteer_counts_only_the_matches_inside_the_span():
    text = "BANJIR DI CIANJUR, LANDA KOTA GARUT"
    span = ent(text, "LANDA KOTA GARUT", "LOC")
    got = RULES["caps_to_gazetteer"](text, [span], [cand(text, "CIANJUR", "LOC"), cand(text, "GARUT", "LOC", "k:1")])
    assert [(e.text, e.kb_id) for e in got] == [("GARUT", "k:1")]
