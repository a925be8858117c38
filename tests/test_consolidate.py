import json

import pandas as pd

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
    assert len(canon["Organisasi Kerja Sama Shanghai"].mentions) >= 3
    assert len(canon["Zhao Kezhi"].mentions) >= 3
    frame = doc.to_frame()
    assert len(frame) == len(doc.entities) and frame["group_canonical"].notna().all()
    html = ner_id.render(doc)
    assert html._repr_html_() == html and "Organisasi Kerja Sama Shanghai" in html and "Zhao Kezhi" in html
    rows = ner_id.groups_df(pd.DataFrame({"id": ["a"], "text": [article["text"]]}), id_col="id")
    assert list(rows.columns) == ["id", "canonical", "label", "kb_id", "count", "first_start", "first_end"]
    assert rows["count"].sum() == len(doc.entities)
    assert json.loads(json.dumps(doc.to_dict()))["groups"][0]["count"] >= 1
