"""News-structure rules, each on an example sentence of our own (entities built by hand)."""
import pytest

import ner_id
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


def run(rule, text, entities, gazetteer=()):
    return [(e.text, e.label) for e in RULES[rule](text, list(entities), list(gazetteer))]


def test_titles_and_degrees_alone_are_not_people_and_lower_case_spans_are_dropped():
    text = "Ketua KPU Jabar, Rifqi Ali Mubarok, M.Si., ditemui Presiden di kantor gubernur kemarin."
    entities = [ent(text, "Rifqi Ali Mubarok", "PER"), ent(text, "M.Si.", "PER", score=0.19),
                ent(text, "Presiden", "PER"), ent(text, "kantor gubernur", "LOC")]
    assert run("drop_non_names", text, entities) == [("Rifqi Ali Mubarok", "PER")]
    lower = "ketua kpu jabar ditemui di kantor gubernur."
    assert run("drop_non_names", lower, [ent(lower, "kantor gubernur", "LOC")]) == [("kantor gubernur", "LOC")]


def test_lower_case_words_are_trimmed_off_the_end_of_a_span():
    text = "Warga di bantaran Sungai Martapura waspada banjir, kata Kepala BPBD Kalsel."
    assert run("trim_lower_tail", text, [ent(text, "Sungai Martapura waspada", "LOC")]) == [("Sungai Martapura", "LOC")]


def test_an_all_caps_token_takes_its_gazetteer_label():
    text = "Delegasi SCO tiba di Dushanbe."
    got = RULES["acronym_label"](text, [ent(text, "SCO", "PER")], [cand(text, "SCO", "ORG", "org:sco")])
    assert [(e.text, e.label, e.kb_id) for e in got] == [("SCO", "ORG", "org:sco")]
    mixed = "Delegasi Sco tiba."  # not all caps: the tagger's label stays
    assert run("acronym_label", mixed, [ent(mixed, "Sco", "PER")], [cand(mixed, "Sco", "ORG")]) == [("Sco", "PER")]


def test_persero_and_tbk_stay_in_the_company_name():
    text = "Laba PT Bank Mandiri (Persero) Tbk naik, kata direksi PT Astra Tbk."
    entities = [ent(text, "PT Bank Mandiri", "ORG"), ent(text, "Persero", "ORG"), ent(text, "Tbk", "ORG"),
                ent(text, "PT Astra", "ORG")]
    assert run("join_company_suffix", text, entities) == [
        ("PT Bank Mandiri (Persero) Tbk", "ORG"), ("PT Astra Tbk", "ORG")]


def test_an_organisation_followed_by_ri_stays_one_span():
    text = "Rapat DPR RI dengan Kemenkes RI digelar di Indonesia pekan ini."
    entities = [ent(text, "DPR", "ORG"), ent(text, "RI", "LOC"), ent(text, "Kemenkes", "ORG"),
                ent(text, "RI", "LOC", nth=1), ent(text, "Indonesia", "LOC")]
    assert run("join_org_qualifier", text, entities) == [("DPR RI", "ORG"), ("Kemenkes RI", "ORG"),
                                                         ("Indonesia", "LOC")]


@pytest.mark.parametrize("text,city", [("Beijing (ANTARA) - Menteri tiba.", "Beijing"),
                                       ("JAKARTA, KOMPAS.com - Hujan turun.", "JAKARTA")])
def test_the_dateline_city_is_a_place(text, city):
    entities = [ent(text, city, "ORG")]
    assert run("dateline", text, entities, [cand(text, city, "LOC", "geo:1")]) == [(city, "LOC")]
    mid = f"Ia bertemu {city} (ANTARA) - kemarin."
    assert run("dateline", mid, [ent(mid, city, "ORG")], [cand(mid, city, "LOC")]) == [(city, "ORG")]


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
    assert off.entities != () and apply_rules((), text, off.entities, ()) == off.entities


def test_all_caps_span_with_extra_words_becomes_its_gazetteer_match():
    text = "GEMPA GUNCANG CIANJUR, WARGA MENGUNGSI"
    got = RULES["caps_to_gazetteer"](text, [ent(text, "GUNCANG CIANJUR", "LOC", score=0.45)],
                                     [cand(text, "CIANJUR", "LOC", "kemendagri:32.03")])
    assert [(e.text, e.label, e.kb_id) for e in got] == [("CIANJUR", "LOC", "kemendagri:32.03")]
    cased = "Gempa Guncang Cianjur"
    assert run("caps_to_gazetteer", cased, [ent(cased, "Guncang Cianjur", "LOC")], [cand(cased, "Cianjur", "LOC")]) \
        == [("Guncang Cianjur", "LOC")]


def test_lower_case_brand_names_are_kept():
    text = "Hal itu dikatakan kepada detikcom di Jakarta."
    assert run("drop_non_names", text, [ent(text, "detikcom", "ORG")]) == [("detikcom", "ORG")]


def test_an_acronym_glued_to_a_person_after_a_title_is_split():
    text = "Direktur Utama BRI Sunarso mengatakan laba naik. Kinerja BRI Syariah tumbuh."
    second = text.rindex("BRI")
    entities = [ent(text, "BRI Sunarso", "ORG", score=0.09), ent(text, "BRI Syariah", "ORG")]
    gazetteer = [cand(text, "BRI", "ORG", "org:co-bri"), Candidate(second, second + 3, "ORG", 1.0, "BRI", "org:co-bri")]
    got = RULES["split_acronym_person"](text, entities, gazetteer)
    assert [(e.text, e.label, e.kb_id) for e in got] == [
        ("BRI", "ORG", "org:co-bri"), ("Sunarso", "PER", None), ("BRI Syariah", "ORG", None)]

