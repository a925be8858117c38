import json

import pandas as pd
import pytest

import ner_id
from conftest import EXAMPLES
from ner_id.consolidate import consolidate
from ner_id.merge import Candidate
from ner_id.types import Entity


def ents(text, *spans, score=0.9):
    """Entities for (surface, label[, occurrence]) triples."""
    out = []
    for surface, label, *nth in spans:
        start = -1
        for _ in range((nth or [1])[0]):
            start = text.index(surface, start + 1)
        out.append(Entity(surface, label, start, start + len(surface), score, "model"))
    return sorted(out, key=lambda e: e.start)


def groups_of(text, entities, gazetteer=()):
    mentions, groups = consolidate(text, entities, gazetteer)
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert groups[m.group].label == m.label
    return mentions, [(g.canonical, g.label, sorted({m.text for m in g.mentions})) for g in groups]


def test_acronym_after_and_before_its_expansion():
    text = ("Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. Organisasi Kerja Sama Shanghai (SCO) bertemu. "
            "SCO (Organisasi Kerja Sama Shanghai) lagi. KPK juga.")
    spans = [("Komisi Pemberantasan Korupsi", "ORG"), ("KPK", "ORG"), ("Organisasi Kerja Sama Shanghai", "ORG"),
             ("SCO", "ORG"), ("SCO", "ORG", 2), ("Organisasi Kerja Sama Shanghai", "ORG", 2), ("KPK", "ORG", 2)]
    _, groups = groups_of(text, ents(text, *spans))
    assert groups == [("Komisi Pemberantasan Korupsi", "ORG", ["KPK", "Komisi Pemberantasan Korupsi"]),
                      ("Organisasi Kerja Sama Shanghai", "ORG", ["Organisasi Kerja Sama Shanghai", "SCO"])]


def test_partial_names_titles_and_nicknames():
    text = "Presiden Joko Widodo (Jokowi) bertemu Zhao Kezhi. Zhao memuji Jokowi. Kata Dr. Zhao lagi."
    spans = [("Presiden Joko Widodo", "PER"), ("Jokowi", "PER"), ("Zhao Kezhi", "PER"), ("Zhao", "PER", 2),
             ("Jokowi", "PER", 2), ("Dr. Zhao", "PER")]
    mentions, groups = groups_of(text, ents(text, *spans))
    assert groups == [("Joko Widodo", "PER", ["Joko Widodo", "Jokowi"]), ("Zhao Kezhi", "PER", ["Zhao", "Zhao Kezhi"])]
    assert "Presiden Joko Widodo" not in [m.text for m in mentions]


def test_two_people_sharing_a_surname_stay_apart():
    text = "Susilo Bambang Yudhoyono dan Agus Harimurti Yudhoyono hadir. Yudhoyono lalu pergi."
    spans = [("Susilo Bambang Yudhoyono", "PER"), ("Agus Harimurti Yudhoyono", "PER"), ("Yudhoyono", "PER", 3)]
    _, groups = groups_of(text, ents(text, *spans))
    assert len(groups) == 3 and groups[2] == ("Yudhoyono", "PER", ["Yudhoyono"])


def test_gazetteer_ids_join_aliases_and_labels_follow_the_vote():
    text = "AS dan Amerika Serikat serta Jabar."
    entities = [Entity("AS", "ORG", 0, 2, 0.3, "model+gazetteer", "Amerika Serikat", "iso3166:US"),
                Entity("Amerika Serikat", "LOC", 7, 22, 1.0, "model+gazetteer", "Amerika Serikat", "iso3166:US"),
                Entity("Jabar", "LOC", 29, 34, 1.0, "gazetteer", "Jawa Barat", "kemendagri:32")]
    _, groups = groups_of(text, entities)
    assert groups == [("Amerika Serikat", "LOC", ["AS", "Amerika Serikat"]), ("Jawa Barat", "LOC", ["Jabar"])]


def test_missed_mentions_are_added_from_confident_ones():
    text = "Rahimzoda tiba. Menurut Rahimzoda, latihan berjalan baik."
    mentions, groups = groups_of(text, ents(text, ("Rahimzoda", "PER")))
    assert [(m.text, m.start) for m in mentions] == [("Rahimzoda", 0), ("Rahimzoda", 24)]
    assert len(groups) == 1
    _, weak = consolidate(text, ents(text, ("Rahimzoda", "PER"), score=0.3))
    assert len(weak[0].mentions) == 1


def test_span_swallowing_a_gazetteer_neighbour_is_split():
    text = "Mendagri Tajikistan Rahimzoda Ramazon Hamro tiba."
    entity = ents(text, ("Mendagri Tajikistan Rahimzoda Ramazon Hamro", "PER"))
    start = text.index("Tajikistan")
    gazetteer = [Candidate(start, start + 10, "LOC", 1.0, "Tajikistan", "iso3166:TJ")]
    mentions, groups = groups_of(text, entity, gazetteer)
    assert [(m.text, m.label, m.kb_id) for m in mentions] == [
        ("Tajikistan", "LOC", "iso3166:TJ"), ("Rahimzoda Ramazon Hamro", "PER", None)]


def test_pipeline_groups_render_and_frames(nlp):
    article = json.loads(open(EXAMPLES / "articles.jsonl", encoding="utf-8").readline())
    doc = nlp(article["text"])
    assert all(e.group is not None and doc.groups[e.group].label == e.label for e in doc.entities)
    canon = {g.canonical: g for g in doc.groups}
    assert len(canon["Organisasi Kerja Sama Shanghai"].mentions) == 4
    assert len(canon["Zhao Kezhi"].mentions) == 3
    frame = doc.to_frame()
    assert len(frame) == len(doc.entities) and frame["group_canonical"].notna().all()
    html = ner_id.render(doc)
    assert html._repr_html_() == html and "Organisasi Kerja Sama Shanghai" in html and "Zhao Kezhi" in html
    rows = ner_id.groups_df(pd.DataFrame({"id": ["a"], "text": [article["text"]]}), id_col="id")
    assert list(rows.columns) == ["id", "canonical", "label", "kb_id", "count", "first_start", "first_end"]
    assert list(zip(rows["canonical"], rows["count"])) == [
        ("Dushanbe", 2), ("ANTARA", 1), ("China", 2), ("Zhao Kezhi", 3), ("Tajikistan", 2),
        ("Organisasi Kerja Sama Shanghai", 4), ("Ramazon Rahimzoda", 1), ("Bandara Internasional Dushanbe", 1),
        ("Afghanistan", 1), ("Rusia", 1), ("Kazakhstan", 1), ("Uzbekistan", 1), ("Vladimir Norov", 1), ("Xinhua", 1),
        ("India", 1), ("Pakistan", 1), ("Asia Tengah", 1)]
    counts = [g["count"] for g in json.loads(json.dumps(doc.to_dict()))["groups"]]
    assert counts == [len(g.mentions) for g in doc.groups] == rows["count"].tolist()


def test_every_leading_title_is_trimmed_but_a_title_alone_stays():
    text = "Bapak Presiden Joko Widodo dan Presiden tiba."
    mentions, _ = groups_of(text, ents(text, ("Bapak Presiden Joko Widodo", "PER"), ("Presiden", "PER", 2)))
    assert [(m.text, m.start) for m in mentions] == [("Joko Widodo", 15), ("Presiden", 31)]
    org = "Presiden University buka."
    assert [m.text for m in consolidate(org, ents(org, ("Presiden University", "ORG")))[0]] == ["Presiden University"]


@pytest.mark.parametrize("gazetteer, expected", [
    # an acronym organisation splits off before one word
    ([("SCO", "ORG", 1.0, "org:sco")], [("SCO", "ORG"), ("Norov", "PER")]),
    # a fuzzy organisation match does not
    ([("SCO", "ORG", 0.95, "org:sco")], [("SCO Norov", "PER")]),
    # a place splits off only before two words or more
    ([("SCO", "LOC", 1.0, "iso3166:SC")], [("SCO Norov", "PER")]),
])
def test_swallowed_organisations_and_places_split_by_rule(gazetteer, expected):
    text = "Sekjen SCO Norov tiba."
    cands = [Candidate(text.index(s), text.index(s) + len(s), label, score, s, kb) for s, label, score, kb in gazetteer]
    mentions, _ = consolidate(text, ents(text, ("SCO Norov", "PER")), cands)
    assert [(m.text, m.label) for m in mentions] == expected


def test_swallowed_party_splits_and_a_non_splittable_place_stays():
    text = "Ketua Golkar Bahlil dan Wakil Jalan Sudirman Budi Karya tiba."
    golkar = Candidate(text.index("Golkar"), text.index("Golkar") + 6, "ORG", 1.0, "Partai Golkar", "org:party-golkar")
    street = Candidate(text.index("Jalan"), text.index("Jalan") + 13, "LOC", 1.0, "Jalan Sudirman", "street:1")
    mentions, _ = consolidate(text, ents(text, ("Golkar Bahlil", "PER"), ("Jalan Sudirman Budi Karya", "PER")),
                              [golkar, street])
    assert [(m.text, m.label, m.kb_id) for m in mentions] == [
        ("Golkar", "ORG", "org:party-golkar"), ("Bahlil", "PER", None), ("Jalan Sudirman Budi Karya", "PER", None)]


@pytest.mark.parametrize("text, spans, pairs", [
    ("Joko Widodo (Jokowi) tiba.", [("Joko Widodo", "PER"), ("Jokowi", "PER")], True),
    ("Joko Widodo (Pak Jokowi) tiba.", [("Joko Widodo", "PER"), ("Pak Jokowi", "PER")], False),  # two words
    ("Joko Widodo, Jokowi, tiba.", [("Joko Widodo", "PER"), ("Jokowi", "PER")], False),   # not in brackets
    ("Joko Widodo (Jokowi tiba.", [("Joko Widodo", "PER"), ("Jokowi", "PER")], False),   # no closing bracket
    ("Bank Rakyat (BRI) untung.", [("Bank Rakyat", "ORG"), ("BRI", "ORG")], True),
    ("BRI (BNI) untung.", [("BRI", "ORG"), ("BNI", "ORG")], False),                     # two acronyms
    ("Bank Rakyat (Bank Desa) untung.", [("Bank Rakyat", "ORG"), ("Bank Desa", "ORG")], False),  # two names
    ("Beijing (ANTARA) - kata dia.", [("Beijing", "LOC"), ("ANTARA", "ORG")], False),   # a dateline
    ("Jakarta (DKI) hujan.", [("Jakarta", "LOC"), ("DKI", "LOC")], True),
])
def test_bracketed_pairs_join(text, spans, pairs):
    _, groups = consolidate(text, ents(text, *spans))
    assert (len(groups) == 1) is pairs


def test_group_label_is_the_score_weighted_vote_and_ties_go_to_the_later_label_name():
    text = "Arema menang. Arema kalah. Arema seri."
    entities = [Entity("Arema", "ORG", 0, 5, 0.9, "model"), Entity("Arema", "PER", 14, 19, 0.5, "model"),
                Entity("Arema", "PER", 27, 32, 0.5, "model")]
    mentions, groups = consolidate(text, entities)
    assert groups[0].label == "PER" and {m.label for m in mentions} == {"PER"}  # 1.0 against 0.9
    tie = [Entity("Arema", "ORG", 0, 5, 0.5, "model"), Entity("Arema", "LOC", 14, 19, 0.5, "model")]
    assert consolidate(text[:26], tie)[1][0].label == "ORG"  # "ORG" > "LOC"


def test_canonical_is_the_first_linked_name_else_the_longest_non_acronym():
    text = "KPK dan Komisi Antikorupsi (KPK) serta Komisi Pemberantasan (KPK)."
    entities = ents(text, ("KPK", "ORG"), ("Komisi Antikorupsi", "ORG"), ("KPK", "ORG", 2),
                    ("Komisi Pemberantasan", "ORG"), ("KPK", "ORG", 3))
    _, groups = consolidate(text, entities)
    assert [(g.canonical, g.kb_id) for g in groups] == [("Komisi Pemberantasan", None)]
    linked = [entities[0], Entity("Komisi Antikorupsi", "ORG", 8, 26, 1.0, "gazetteer", None, "org:kpk"),
              *entities[2:]]
    assert [(g.canonical, g.kb_id) for g in consolidate(text, linked)[1]] == [("Komisi Antikorupsi", "org:kpk")]


@pytest.mark.parametrize("text, score, added", [
    ("Rahimzoda tiba. Rahimzoda pergi.", 0.75, True),
    ("Rahimzoda tiba. Rahimzoda pergi.", 0.74, False),    # not confident
    ("Rahimzoda tiba. Rahimzodanya pergi.", 0.9, False),  # not a whole word
    ("Rahimzoda tiba. rahimzoda pergi.", 0.9, False),
])
def test_missed_mentions_need_confidence_and_whole_words(text, score, added):
    mentions, _ = consolidate(text, [Entity("Rahimzoda", "PER", 0, 9, score, "model")])
    assert len(mentions) == (2 if added else 1)


def test_missed_mentions_prefer_the_longest_surface_and_need_three_letters():
    text = "Zhao Kezhi dan Zhao tiba. Lalu Zhao Kezhi dan Zhao pergi. Xi ke Xi."
    entities = [Entity("Zhao Kezhi", "PER", 0, 10, 0.9, "model"), Entity("Zhao", "PER", 15, 19, 0.9, "model"),
                Entity("Xi", "PER", 60, 62, 0.9, "model")]
    mentions, _ = consolidate(text, entities)
    assert [(m.text, m.start) for m in mentions] == [("Zhao Kezhi", 0), ("Zhao", 15), ("Zhao Kezhi", 31),
                                                     ("Zhao", 46), ("Xi", 60)]


def test_a_split_off_neighbour_is_a_complete_gazetteer_entity():
    text = "Sekjen Gerindra Sugiono hadir."
    person = Entity("Gerindra Sugiono", "PER", 7, 23, 0.8, "model")
    gazetteer = [Candidate(7, 15, "LOC", 1.0, "Gerindra", "geonames:1"),  # the first candidate does not split
                 Candidate(7, 15, "ORG", 1.0, "Gerindra Raya", "org:party-gerindra")]
    mentions, _ = consolidate(text, [person], gazetteer)
    assert mentions == (Entity("Gerindra", "ORG", 7, 15, 0.8, "model+gazetteer", "Gerindra Raya", "org:party-gerindra", 0),
                        Entity("Sugiono", "PER", 16, 23, 0.8, "model", None, None, 1))


@pytest.mark.parametrize("text, spans", [
    ("Budi Santoso (PDIP) hadir.", [("Budi Santoso", "PER"), ("PDIP", "ORG")]),          # a person and an acronym
    ("Budi Santoso (Partai Demokrat) hadir.", [("Budi Santoso", "PER"), ("Partai Demokrat", "ORG")]),
    ("Budi Santoso (Ujang Bud) hadir.", [("Budi Santoso", "PER"), ("Ujang Bud", "PER")]),  # a nickname of two words
    ("Beijing (ANTARA)- kata dia.", [("Beijing", "LOC"), ("ANTARA", "ORG")]),            # a dateline, dash glued
])
def test_brackets_that_pair_nothing(text, spans):
    assert len(consolidate(text, ents(text, *spans))[1]) == 2


def test_partial_names_join_only_people_and_only_a_longer_name():
    text = "Kota Bandung hujan. Joko Widodo Santoso datang; Joko Widodo ke Bali, lalu Bandung dan Widodo pulang."
    entities = ents(text, ("Kota Bandung", "LOC"), ("Joko Widodo Santoso", "PER"), ("Joko Widodo", "PER", 2),
                    ("Bali", "LOC"), ("Bandung", "PER", 2), ("Widodo", "PER", 3))
    _, groups = groups_of(text, entities)
    assert groups == [("Kota Bandung", "LOC", ["Kota Bandung"]),
                      ("Joko Widodo Santoso", "PER", ["Joko Widodo", "Joko Widodo Santoso", "Widodo"]),
                      ("Bali", "LOC", ["Bali"]), ("Bandung", "PER", ["Bandung"])]


def test_a_partial_name_of_two_word_orders_in_two_groups_stays_alone():
    text = "Joko Widodo datang. Widodo Joko pergi. Widodo pulang."
    _, groups = groups_of(text, ents(text, ("Joko Widodo", "PER"), ("Widodo Joko", "PER"), ("Widodo", "PER", 3)))
    assert [g[2] for g in groups] == [["Joko Widodo"], ["Widodo Joko"], ["Widodo"]]


def test_groups_are_numbered_by_first_mention_after_missed_ones_are_added():
    text = "Budi Santoso datang. Ia ke Bali. Kata Budi Santoso lagi, Ani pergi. Ani pulang."
    entities = ents(text, ("Bali", "LOC"), ("Budi Santoso", "PER", 2), ("Ani", "PER"))
    mentions, groups = consolidate(text, entities)
    assert [(m.text, m.start, m.group) for m in mentions] == [
        ("Budi Santoso", 0, 0), ("Bali", 27, 1), ("Budi Santoso", 38, 0), ("Ani", 57, 2), ("Ani", 68, 2)]
    assert [g.canonical for g in groups] == ["Budi Santoso", "Bali", "Ani"]


def test_an_acronym_longer_than_its_expansion_is_not_the_canonical_name():
    text = "Pemprov (PEMPROVDKI) rapat."
    _, groups = consolidate(text, ents(text, ("Pemprov", "ORG"), ("PEMPROVDKI", "ORG")))
    assert [g.canonical for g in groups] == ["Pemprov"]


@pytest.mark.parametrize("score, added", [(0.5, True), (0.49, False)])
def test_first_and_last_names_of_a_full_name_are_found_alone(score, added):
    text = "Ekonom Bhima Yudhistira Adhinegara menilai. Bhima juga menolak, kata Adhinegara. Juni Yudhistira."
    mentions, groups = consolidate(text, [Entity("Bhima Yudhistira Adhinegara", "PER", 7, 34, score, "model")])
    found = [(m.text, m.start, m.group) for m in mentions]
    if added:  # never the middle name, never a word of two people's names
        assert found == [("Bhima Yudhistira Adhinegara", 7, 0), ("Bhima", 44, 0), ("Adhinegara", 69, 0)]
    else:
        assert found == [("Bhima Yudhistira Adhinegara", 7, 0)]


def test_a_person_context_votes_for_a_person():
    text = "Vinales hadir. Menurut dia, kata Vinales, ini penting. Pak Vinales pulang."
    spans = [Entity("Vinales", "ORG", m, m + 7, 0.6, "model") for m in (0, 33, 59)]
    mentions, groups = consolidate(text, spans)
    assert [g.label for g in groups] == ["PER"] and {m.label for m in mentions} == {"PER"}  # 2.0 against 1.8
    assert consolidate(text[:14], spans[:1])[1][0].label == "ORG"  # no context: the tagger's label
    confirmed = [Entity(e.text, "LOC", e.start, e.end, 1.0, "model+gazetteer") for e in spans]
    assert consolidate(text, confirmed)[1][0].label == "LOC"  # 3.0 for a place the gazetteer confirms


@pytest.mark.parametrize("word, part", [
    ("Prabowo", True), ("Sri", True),  # three letters are enough
    ("prabowo", False), ("PRabowo", False), ("PRABOWO", False),  # capitalised, the rest in lower case
    ("Ma'ruf", False),  # letters only
    ("Januari", False), ("Bapak", False),  # a month, a title: never a name alone
])
def test_a_name_part_is_a_capitalised_name_word_of_three_letters_or_more(word, part):
    assert ner_id.consolidate._name_part(word) is part


@pytest.mark.parametrize("text, context", [
    ("kata Vinales.", True), ("kata dia Vinales pulang.", False),  # the word right before only
    ("ungkapnya, Vinales pulang.", True), ('tegasnya" Vinales', True),  # a comma or quote after it: stripped
    ("Pak Vinales pulang.", True),  # an honorific
    ("Vinales (45) pulang.", True), ("Vinales  (7) pulang.", True),  # an age right after
    ("Vinales (2025) pulang.", False), ("(45) lalu Vinales pulang.", False),  # four digits; an age elsewhere
    ("Vinales pulang.", False),
])
def test_person_context_is_the_word_before_or_an_age_after(text, context):
    start = text.index("Vinales")
    mention = Entity("Vinales", "ORG", start, start + 7, 0.6, "model")
    assert ner_id.consolidate._person_context(text, mention) is context


def test_both_words_of_a_two_word_name_are_found_alone():
    text = "Ekonom Bhima Adhinegara menilai. Bhima juga menolak, kata Adhinegara."
    mentions, _ = consolidate(text, [Entity("Bhima Adhinegara", "PER", 7, 23, 0.9, "model")])
    assert [(m.text, m.start, m.group) for m in mentions] == [
        ("Bhima Adhinegara", 7, 0), ("Bhima", 33, 0), ("Adhinegara", 58, 0)]


def test_person_context_votes_only_for_one_word_mentions_the_tagger_did_not_call_persons():
    text = "Vinales hadir. Vinales pulang. Ini penting, kata Vinales."
    spans = [Entity("Vinales", label, m, m + 7, score, "model")
             for m, label, score in ((0, "ORG", 0.6), (15, "ORG", 0.6), (49, "PER", 0.5))]
    assert [g.label for g in consolidate(text, spans)[1]] == ["ORG"]  # 1.2 against 0.5: no bonus for "PER"
    text = "Ini penting, kata Valentino Rossi. Valentino Rossi hadir."
    spans = [Entity("Valentino Rossi", "ORG", m, m + 15, 0.4, "model") for m in (18, 35)]
    assert [g.label for g in consolidate(text, spans)[1]] == ["ORG"]  # two words: no bonus
