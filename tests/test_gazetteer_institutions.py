"""The institutions gazetteer (``gazetteers/23_institutions.jsonl``): parties, universities, civil society
and international bodies, compiled from ``gazetteers/sources/institutions.tsv``. Sentences are written
for these tests."""
import json
from pathlib import Path

import ner_id
from ner_id.gazetteer import default_paths, load_entries

GAZETTEERS = Path(__file__).resolve().parent.parent / "gazetteers"
COMPILED = GAZETTEERS / "23_institutions.jsonl"
LEFT_OUT = {"PKB", "PKS", "PBB", "PKN", "UB", "ITU", "S&P", "LSI", "LBH", "Trisakti", "Atma Jaya", "Gelora", "Ummat", "PMI"}


def ids(gazetteer_nlp, text):
    return {e.text: e.kb_id for e in gazetteer_nlp(text).entities if e.label == "ORG"}


def test_compiled_file_is_shipped_valid_and_reuses_existing_ids():
    assert COMPILED.name in {p.name for p in default_paths()}
    entries = load_entries([COMPILED])
    assert 300 <= len(entries) <= 600 and {e.label for e in entries} == {"ORG"}
    assert len({e.kb_id for e in entries}) == len(entries)
    surfaces = [s for e in entries for s in e.surfaces]
    assert len(surfaces) == len(set(surfaces)) and not LEFT_OUT & set(surfaces)
    for e in entries:
        if any(s.isupper() or len(s) < 6 for s in e.surfaces):
            assert not e.fuzzy, e.name
    older = {e.kb_id: e for e in load_entries([GAZETTEERS / "20_organisations.tsv"])}
    for e in entries:
        if e.kb_id in older:  # same id, same canonical, only new surfaces
            assert e.canonical == older[e.kb_id].canonical and not set(e.surfaces) & set(older[e.kb_id].surfaces)
    rows = [json.loads(line) for line in COMPILED.read_text(encoding="utf-8").splitlines()]
    assert all(list(r) == ["name", "label", "canonical", "kb_id", "aliases", "fuzzy"] for r in rows)


def test_party_long_and_short_forms_share_one_id(gazetteer_nlp):
    got = ids(gazetteer_nlp, "Partai Gelombang Rakyat Indonesia (Partai Gelora) menyusul PDI-Perjuangan dan PDIP ke KPU, "
                   "sementara Partai Kebangkitan Bangsa dan Partai Bulan Bintang mendaftar kemarin.")
    assert got["Partai Gelombang Rakyat Indonesia"] == got["Partai Gelora"] == "org:party-gelora"
    assert got["PDI-Perjuangan"] == got["PDIP"] == "org:party-pdip"
    assert got["Partai Kebangkitan Bangsa"] == "org:party-pkb"
    assert got["Partai Bulan Bintang"] == "org:party-pbb"


def test_ambiguous_party_acronyms_are_not_in_the_institutions_file():
    mine = ner_id.load(model=None, topic_model=None, keyphrases=False, default_gazetteers=False, gazetteers=[COMPILED])
    assert ids(mine, "Tarif pajak PKB naik, dan PKS antara pemkot dan kampus UB diteken. Kata PBB soal itu?") == {}


def test_pkb_the_tax_is_not_an_org_in_the_shipped_pipeline(gazetteer_nlp):
    # 20_organisations.tsv still lists PKB; the drop_terms rule drops an acronym after "pajak"
    assert ids(gazetteer_nlp, "Pemerintah provinsi menyebut pajak PKB naik tahun depan.") == {}


def test_university_short_forms(gazetteer_nlp):
    got = ids(gazetteer_nlp, "Peneliti Universitas Negeri Yogyakarta (UNY), Unpad, Universitas Padjadjaran dan "
                   "UIN Syarif Hidayatullah bertemu di kampus UB.")
    assert got["Universitas Negeri Yogyakarta"] == got["UNY"] == "org:univ-uny"
    assert got["Unpad"] == got["Universitas Padjadjaran"] == "org:univ-unpad"
    assert got["UIN Syarif Hidayatullah"] == "org:univ-uin-jakarta"
    assert "UB" not in got


def test_central_banks_and_international_bodies(gazetteer_nlp):
    doc = gazetteer_nlp("The Fed dan Bank Sentral AS menahan suku bunga, Bank Sentral Eropa (ECB) dan BoJ juga, "
              "kata Persatuan Bangsa-Bangsa dan Program Pangan Dunia.")
    got = {e.text: (e.kb_id, e.canonical) for e in doc.entities}
    assert got["The Fed"][0] == got["Bank Sentral AS"][0] == "org:fed"
    assert got["Bank Sentral Eropa"][0] == got["ECB"][0] == "org:ecb"
    assert got["BoJ"][0] == "org:boj"
    assert got["Persatuan Bangsa-Bangsa"] == ("org:un", "Perserikatan Bangsa-Bangsa")  # the id of 20_organisations.tsv
    assert got["Program Pangan Dunia"][0] == "org:wfp"


def test_civil_society_and_survey_institutes(gazetteer_nlp):
    got = ids(gazetteer_nlp, "Survei Litbang Kompas dan Indikator Politik Indonesia dikritik ICW, KontraS dan Walhi; "
                   "Pimpinan Pusat Muhammadiyah serta Ikatan Dokter Indonesia ikut bicara.")
    assert got["Litbang Kompas"] == "org:id-litbang-kompas"  # the longest name wins over the outlet Kompas
    assert got["Indikator Politik Indonesia"] == "org:id-indikator"
    assert (got["ICW"], got["KontraS"], got["Walhi"]) == ("org:id-icw", "org:id-kontras", "org:id-walhi")
    assert got["Pimpinan Pusat Muhammadiyah"] == "org:id-muhammadiyah"
    assert got["Ikatan Dokter Indonesia"] == "org:id-idi"
