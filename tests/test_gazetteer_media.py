"""The media gazetteer (``gazetteers/24_media.jsonl``): outlets and news agencies, every desk and channel
of an outlet under its one kb_id, compiled from ``gazetteers/sources/media.tsv``. Sentences are written
for these tests."""
from pathlib import Path

from ner_id.gazetteer import default_paths, load_entries

GAZETTEERS = Path(__file__).resolve().parent.parent / "gazetteers"
COMPILED = GAZETTEERS / "24_media.jsonl"


def ids(gazetteer_nlp, text):
    return {e.text: e.kb_id for e in gazetteer_nlp(text).entities if e.label == "ORG"}


def test_compiled_file_is_shipped_valid_and_never_fuzzy():
    assert COMPILED.name in {p.name for p in default_paths()}
    entries = load_entries([COMPILED])
    assert 60 <= len(entries) <= 140 and {e.label for e in entries} == {"ORG"}
    assert len({e.kb_id for e in entries}) == len(entries)
    assert all(e.kb_id.startswith(("org:media-", "org:news-")) and not e.fuzzy for e in entries)
    surfaces = [s for e in entries for s in e.surfaces]
    assert len(surfaces) == len(set(surfaces))
    assert not {"Detik", "Antara", "Tribun", "Tribun Timur", "Suara", "Merdeka", "CCTV", "Nikkei", "Tirto"} & set(surfaces)


def test_kompas_brands_are_one_outlet_and_kompas_tv_another(gazetteer_nlp):
    got = ids(gazetteer_nlp, "Menurut KOMPAS.com, laporan Kompas dan Kompas.id dikutip Harian Kompas; Kompas TV menayangkannya.")
    assert got["KOMPAS.com"] == got["Kompas"] == got["Kompas.id"] == got["Harian Kompas"] == "org:news-kompas"
    assert got["Kompas TV"] == "org:media-kompastv"


def test_detik_desks_resolve_to_detikcom(gazetteer_nlp):
    doc = gazetteer_nlp("Dilansir detikNews, detikJateng dan 20detik, detikcom melaporkan hal yang sama.")
    got = {e.text: (e.kb_id, e.canonical) for e in doc.entities}
    assert {got[s] for s in ["detikNews", "detikJateng", "20detik", "detikcom"]} == {("org:news-detik", "Detikcom")}


def test_network_desks_and_agencies(gazetteer_nlp):
    got = ids(gazetteer_nlp, "Berita TribunJakarta.com dan Tribun Jateng dikutip Antaranews, Bernama dan The Jakarta Post.")
    assert got["TribunJakarta.com"] == got["Tribun Jateng"] == "org:media-tribunnews"
    assert got["Antaranews"] == "org:news-antara"
    assert (got["Bernama"], got["The Jakarta Post"]) == ("org:media-bernama", "org:media-jakarta-post")


def test_ordinary_words_are_not_outlets(gazetteer_nlp):
    got = ids(gazetteer_nlp, "Antara lain, suporter di Tribun Timur stadion itu menunggu detik-detik terakhir. Suara mereka keras.")
    assert got == {}
