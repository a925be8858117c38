"""Regional bodies ("Pemprov Kalbar", "Polres Bogor") and region short forms in the shipped gazetteers."""
import json
from pathlib import Path

GAZETTEERS = Path(__file__).resolve().parent.parent / "gazetteers"
COMPILED = GAZETTEERS / "35_regional_bodies.jsonl"


def spans(gazetteer_nlp, text):
    return [(e.text, e.label, e.canonical, e.kb_id) for e in gazetteer_nlp(text).entities]


def test_province_government_with_short_form_is_one_org(gazetteer_nlp):
    found = spans(gazetteer_nlp, "Pemprov Kalbar menyiapkan anggaran banjir tahun ini.")
    assert found == [("Pemprov Kalbar", "ORG", "Pemerintah Provinsi Kalimantan Barat", "regional:pemprov:kemendagri:61")]


def test_bodies_of_each_level_link_to_their_region(gazetteer_nlp):
    text = ("Polda Sumsel dan DPRD Kota Bandung menggelar rapat, sementara Pengadilan Negeri Semarang "
            "menunda sidang dan Kejari Lembata memeriksa saksi.")
    found = {t: (label, kb) for t, label, _, kb in spans(gazetteer_nlp, text)}
    assert found == {
        "Polda Sumsel": ("ORG", "regional:polda:kemendagri:16"),
        "DPRD Kota Bandung": ("ORG", "regional:dprd:kemendagri:32.73"),
        "Pengadilan Negeri Semarang": ("ORG", "regional:pn:kemendagri:33.74"),
        "Kejari Lembata": ("ORG", "regional:kejari:kemendagri:53.13"),
    }


def test_region_names_alone_stay_places(gazetteer_nlp):
    found = spans(gazetteer_nlp, "Warga Kabupaten Bogor mengungsi ke Kalbar.")
    assert ("Kabupaten Bogor", "LOC", "Kabupaten Bogor", "kemendagri:32.01") in found
    assert ("Kalbar", "LOC", "Kalimantan Barat", "kemendagri:61") in found
    assert all(label == "LOC" for _, label, _, _ in found)


def test_kabupaten_and_kota_sharing_a_name(gazetteer_nlp):
    found = {t: kb for t, _, _, kb in spans(gazetteer_nlp, "Pemkab Bogor, Pemkot Bogor, Polres Bogor dan PN Bogor bertemu.")}
    assert found["Pemkab Bogor"] == "regional:pemkab:kemendagri:32.01"
    assert found["Pemkot Bogor"] == "regional:pemkot:kemendagri:32.71"
    assert found["PN Bogor"] == "regional:pn:kemendagri:32.71"  # a district court is named after its town
    assert "Polres Bogor" in found and found["Polres Bogor"] is None  # one ORG, but which Polres is unknown


def test_province_name_shared_with_a_kota_goes_to_the_province(gazetteer_nlp):
    found = {t: kb for t, _, _, kb in spans(gazetteer_nlp, "DPRD Jambi dan DPRD Kota Jambi rapat bersama Polresta Jambi.")}
    assert found == {"DPRD Jambi": "regional:dprd:kemendagri:15", "DPRD Kota Jambi": "regional:dprd:kemendagri:15.71",
                     "Polresta Jambi": "regional:polres:kemendagri:15.71"}


def test_polda_metro_jaya_stays_the_hand_written_entry(gazetteer_nlp):
    assert spans(gazetteer_nlp, "Polda Metro Jaya menangkap dua orang.")[0][3] == "org:id-polda-metrojaya"
    rows = [json.loads(line) for line in COMPILED.read_text(encoding="utf-8").splitlines()]
    assert not any("Metro Jaya" in s for r in rows for s in (r["name"], *r["aliases"]))


def test_agglomerations_and_new_short_forms_are_places(gazetteer_nlp):
    text = "Banjir melanda Jabodetabek dan hujan turun di DIJ."
    found = {t: kb for t, label, _, kb in spans(gazetteer_nlp, text) if label == "LOC"}
    assert found == {"Jabodetabek": "region:jabodetabek", "DIJ": "kemendagri:34"}


def test_compiled_entries_are_exact_org_names_each_written_once():
    rows = [json.loads(line) for line in COMPILED.read_text(encoding="utf-8").splitlines()]
    assert all(r["fuzzy"] is False and r["label"] == "ORG" for r in rows)
    surfaces = [s for r in rows for s in (r["name"], *r["aliases"])]
    assert len(surfaces) == len(set(surfaces))  # every surface names one entry
