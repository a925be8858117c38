"""The central-government gazetteer (``gazetteers/21_government.jsonl``): the 2024-2029 cabinet,
agencies, directorates general, courts, TNI/Polri units and the DPR's organs, compiled from
``gazetteers/sources/government.tsv``. Sentences are written for these tests."""
from pathlib import Path

from ner_id.gazetteer import default_paths, load_entries

GAZETTEERS = Path(__file__).resolve().parent.parent / "gazetteers"
COMPILED = GAZETTEERS / "21_government.jsonl"


def found(gazetteer_nlp, text):
    return [(e.text, e.label, e.canonical, e.kb_id) for e in gazetteer_nlp(text).entities]


def ids(gazetteer_nlp, text):
    return {e.text: e.kb_id for e in gazetteer_nlp(text).entities}


def test_compiled_file_is_shipped_valid_and_short_forms_never_fuzzy_match():
    assert COMPILED.name in {p.name for p in default_paths()}
    entries = load_entries([COMPILED])
    assert 300 <= len(entries) <= 600
    assert {e.label for e in entries} == {"ORG"}
    assert all(e.kb_id.startswith("org:id-") for e in entries)
    for e in entries:
        for s in e.surfaces:
            if s.isupper() or len(s) < 6:
                assert not e.fuzzy, s
    kemenkeu = [e for e in entries if "Kemenkeu RI" in e.surfaces]
    assert kemenkeu and not kemenkeu[0].fuzzy  # one letter from "Kemenkes RI"
    surfaces = [s for e in entries for s in e.surfaces]
    assert len(surfaces) == len(set(surfaces))
    # titles and ordinary or ambiguous short forms are left out
    assert not {"Menkeu", "Kapolri", "Jampidsus", "PPN", "PU", "PKP", "BPJS", "Kemen", "KIP", "KPI", "BIG"} & set(surfaces)


def test_new_ministries_and_their_short_forms_share_one_id(gazetteer_nlp):
    text = ("Kementerian Pendidikan Dasar dan Menengah (Kemendikdasmen) berbagi tugas dengan Kemendiktisaintek, "
            "sedangkan KemenPPPA dan Kementerian PPPA rapat di gedung Komdigi.")
    got = ids(gazetteer_nlp, text)
    assert got["Kementerian Pendidikan Dasar dan Menengah"] == got["Kemendikdasmen"] == "org:id-kemendikdasmen"
    assert got["Kemendiktisaintek"] == "org:id-kemendiktisaintek"
    assert got["KemenPPPA"] == got["Kementerian PPPA"] == "org:id-kemenpppa"
    assert got["Komdigi"] == "org:id-komdigi"


def test_coordinating_ministries(gazetteer_nlp):
    text = ("Menko bertemu di Kementerian Koordinator Bidang Pangan. Kemenko Pangan, Kemenko PMK, Kemenko IPK, "
            "Kemenko Polkam dan Kemenko Kumham Imipas hadir.")
    got = found(gazetteer_nlp, text)
    assert ("Kementerian Koordinator Bidang Pangan", "ORG", "Kementerian Koordinator Bidang Pangan",
            "org:id-kemenko-pangan") in got
    assert ("Kemenko Pangan", "ORG", "Kementerian Koordinator Bidang Pangan", "org:id-kemenko-pangan") in got
    assert {k for _, _, _, k in got} >= {"org:id-kemenko-pmk", "org:id-kemenko-ipk", "org:id-kemenko-polkam",
                                          "org:id-kemenko-kumham-imipas"}
    assert "Menko" not in [t for t, *_ in got]


def test_bodies_already_shipped_keep_their_id_and_canonical(gazetteer_nlp):
    got = found(gazetteer_nlp, "Kemenkeu RI, Kementrian Keuangan dan Kemenag RI menyusun anggaran.")
    assert ("Kemenkeu RI", "ORG", "Kementerian Keuangan", "org:id-kemenkeu") in got
    assert ("Kementrian Keuangan", "ORG", "Kementerian Keuangan", "org:id-kemenkeu") in got
    assert ("Kemenag RI", "ORG", "Kementerian Agama", "org:id-kemenag") in got


def test_renamed_and_split_bodies_keep_their_own_ids(gazetteer_nlp):
    text = "Dulu Kominfo dan Kemenkumham, kini Komdigi, Kemenkum, KemenHAM dan Kemenimipas; KLHK menjadi KLH dan Kemenhut."
    got = ids(gazetteer_nlp, text)
    assert got["Kominfo"] == "org:id-kominfo" and got["Komdigi"] == "org:id-komdigi"
    assert got["Kemenkumham"] == "org:id-kemenkumham"
    assert (got["Kemenkum"], got["KemenHAM"], got["Kemenimipas"]) == ("org:id-kemenkum", "org:id-kemenham",
                                                                       "org:id-kemenimipas")
    assert (got["KLHK"], got["KLH"], got["Kemenhut"]) == ("org:id-klhk", "org:id-klh", "org:id-kemenhut")


def test_directorates_general_and_agencies(gazetteer_nlp):
    text = ("Direktorat Jenderal Pajak (DJP) dan Ditjen Bea dan Cukai memeriksa gudang; petugas Bea Cukai, "
            "Ditjen Minerba, BGN, Bapanas dan Danantara ikut rapat.")
    got = ids(gazetteer_nlp, text)
    assert got["Direktorat Jenderal Pajak"] == got["DJP"] == "org:id-djp"
    assert got["Ditjen Bea dan Cukai"] == got["Bea Cukai"] == "org:id-djbc"
    assert got["Ditjen Minerba"] == "org:id-ditjen-minerba"
    assert (got["BGN"], got["Bapanas"], got["Danantara"]) == ("org:id-bgn", "org:id-bapanas", "org:id-danantara")


def test_dpr_commission_and_organs(gazetteer_nlp):
    got = found(gazetteer_nlp, "Komisi VII DPR dan Baleg menggelar rapat, sementara Komisi 7 memanggil MKD.")
    assert got[:2] == [("Komisi VII", "ORG", "Komisi VII DPR RI", "org:id-dpr-komisi-7"),
                       ("DPR", "ORG", "Dewan Perwakilan Rakyat", "org:id-dpr")]
    got = {t: k for t, _, _, k in got}
    assert got["Komisi 7"] == "org:id-dpr-komisi-7"
    assert got["Baleg"] == "org:id-dpr-baleg" and got["MKD"] == "org:id-dpr-mkd"


def test_courts_and_prosecutors(gazetteer_nlp):
    got = found(gazetteer_nlp, "Putusan MK RI dibacakan; Mahkamah Agung RI dan Kejagung RI menunggu, Pengadilan Tipikor menunda.")
    assert ("MK RI", "ORG", "Mahkamah Konstitusi", "org:id-mk") in got
    assert ("Mahkamah Agung RI", "ORG", "Mahkamah Agung", "org:id-ma") in got
    assert ("Kejagung RI", "ORG", "Kejaksaan Agung", "org:id-kejagung") in got
    assert any(t.startswith("Pengadilan Tipikor") and label == "ORG" for t, label, _, _ in got)


def test_tni_and_polri_commands(gazetteer_nlp):
    text = ("Prajurit Kodam III/Siliwangi dan Kodam Siliwangi bersama Kopassus; Korlantas Polri, Brimob "
            "dan Divisi Propam Polri berjaga.")
    got = found(gazetteer_nlp, text)
    assert ("Kodam III/Siliwangi", "ORG", "Kodam III/Siliwangi", "org:id-kodam-3") in got
    assert ("Kodam Siliwangi", "ORG", "Kodam III/Siliwangi", "org:id-kodam-3") in got
    kb = {t: k for t, _, _, k in got}
    # a unit written before its parent is two organisations (README, "What counts as an entity")
    assert (kb["Kopassus"], kb["Korlantas"], kb["Brimob"], kb["Divisi Propam"], kb["Polri"]) == (
        "org:id-kopassus", "org:id-korlantas", "org:id-brimob", "org:id-propam", "org:id-polri")
    assert "Korlantas Polri" not in kb and "Divisi Propam Polri" not in kb


def test_ordinary_words_titles_and_taxes_are_not_organisations(gazetteer_nlp):
    text = "Menkeu dan Kapolri membahas PPN, PU jalan desa, dan komisi yang bekerja di kementerian."
    assert [e for e in gazetteer_nlp(text).entities if e.kb_id and e.kb_id.startswith("org:id-")] == []
