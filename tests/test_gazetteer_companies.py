"""The compiled company gazetteer (``gazetteers/22_companies.jsonl``): what it finds through the public
API (gazetteers only, so the tagger plays no part), and that it is exactly what its compile script writes."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from ner_id.gazetteer import ExactMatcher, load_entries
from ner_id.types import Entity

ROOT = Path(__file__).resolve().parent.parent
COMPILE = ROOT / "gazetteers" / "compile" / "companies.py"
COMPILED = ROOT / "gazetteers" / "22_companies.jsonl"


@pytest.fixture(scope="module")
def compiler():
    """The compile script as a module (it imports ``common`` from its own folder)."""
    sys.path.insert(0, str(COMPILE.parent))
    try:
        spec = importlib.util.spec_from_file_location("companies_compile", COMPILE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(COMPILE.parent))
    return module


def orgs(gazetteer_nlp, text):
    return [(e.text, e.canonical, e.kb_id) for e in gazetteer_nlp(text).entities if e.label == "ORG"]


def test_pertamina_subholding_with_and_without_pt(gazetteer_nlp):
    for text in ("Direksi PT Pertamina Patra Niaga menaikkan harga BBM nonsubsidi.",
                 "Pertamina Patra Niaga menaikkan harga BBM nonsubsidi."):
        found = orgs(gazetteer_nlp, text)
        assert len(found) == 1 and found[0][0].endswith("Pertamina Patra Niaga")
        assert found[0][1:] == ("Pertamina Patra Niaga", "org:id-pertamina-patra-niaga")


def test_bsi_and_its_full_name_are_one_company(gazetteer_nlp):
    doc = gazetteer_nlp("Bank Syariah Indonesia melaporkan laba. Menurut BSI, pembiayaan tumbuh; saham BRIS naik.")
    found = [(e.text, e.canonical, e.kb_id) for e in doc.entities if e.label == "ORG"]
    assert [f[0] for f in found] == ["Bank Syariah Indonesia", "BSI", "BRIS"]
    assert {f[1:] for f in found} == {("Bank Syariah Indonesia", "idx:BRIS")}
    assert len({e.group for e in doc.entities}) == 1


def test_listed_company_with_and_without_its_legal_form(gazetteer_nlp):
    for text in ("PT Adaro Andalan Indonesia Tbk membagikan dividen tunai.",
                 "Adaro Andalan Indonesia membagikan dividen tunai."):
        found = orgs(gazetteer_nlp, text)
        assert len(found) == 1 and "Adaro Andalan Indonesia" in found[0][0]
        assert found[0][1:] == ("Adaro Andalan Indonesia", "idx:AADI")


def test_tickers_and_acronyms(gazetteer_nlp):
    found = orgs(gazetteer_nlp, "Saham ANTM, BBRI dan GOTO menguat, sementara Inalum dan KCIC menambah modal.")
    assert found == [("ANTM", "Antam", "idx:ANTM"), ("BBRI", "Bank Rakyat Indonesia", "org:co-bri"),
                     ("GOTO", "Gojek", "org:co-gojek"), ("Inalum", "Inalum", "org:id-inalum"),
                     ("KCIC", "KCIC", "org:id-kcic")]


def test_words_and_places_are_not_companies(gazetteer_nlp):
    text = ("HARGA TIMAH NAIK, PEMERINTAH BUKA MEGA PROYEK. Kapal berlayar di Samudera Indonesia, "
            "kurs di pasar spot antar Bank Jakarta melemah, dan pabrik di Kawasan Berikat Nusantara tutup.")
    assert orgs(gazetteer_nlp, text) == []


def test_legal_forms_link_to_the_company():
    """The tagger's "PT Timah Tbk" links to PT Timah, though "Timah" alone (tin) is no entry."""
    matcher = ExactMatcher(load_entries([COMPILED]))
    linked = {text: matcher.link(Entity(text, "ORG", 0, len(text), 0.9, "model")).kb_id
              for text in ("PT Timah", "PT Timah Tbk", "PT Bank Rakyat Indonesia (Persero) Tbk", "Perum Bulog",
                           "PT KAI (Persero)")}
    assert linked == {"PT Timah": "idx:TINS", "PT Timah Tbk": "idx:TINS",
                      "PT Bank Rakyat Indonesia (Persero) Tbk": "org:co-bri", "Perum Bulog": "org:id-bulog",
                      "PT KAI (Persero)": "org:co-kai"}
    assert matcher.lookup("Timah") is None and matcher.lookup("Semen") is None


def test_entries_follow_the_rules(compiler):
    rows = [json.loads(line) for line in COMPILED.read_text(encoding="utf-8").splitlines()]
    organisations = {e.kb_id: e for e in load_entries([ROOT / "gazetteers" / "20_organisations.tsv"])}
    owner = {}
    for row in rows:
        assert row["label"] == "ORG" and set(row) == {"name", "label", "canonical", "kb_id", "aliases", "fuzzy"}
        for surface in [row["name"], *row["aliases"]]:
            assert owner.setdefault(surface, row["kb_id"]) == row["kb_id"], surface
            assert len(surface) > 2 and surface not in compiler.LEFT_OUT
            if row["fuzzy"]:
                assert not surface.isupper() and len(surface) >= 6, surface  # tickers and acronyms never fuzzy
        if row["kb_id"] in organisations:  # reused: same canonical, only new surfaces
            assert row["canonical"] == organisations[row["kb_id"]].canonical
            assert not {row["name"], *row["aliases"]} & set(organisations[row["kb_id"]].surfaces)
    assert len({r["kb_id"] for r in rows}) >= 250


def test_compile_rejects_bad_tables(compiler, tmp_path):
    header = "name\tlabel\tcanonical\tkb_id\taliases\tforms\tnote\n"
    bad = {
        "twice": ("Foo Satu\tORG\tFoo Satu\torg:id-foo\t\tPT\tx\nFoo Dua\tORG\tFoo Dua\torg:id-foo\t\tPT\tx\n",
                  r"twice\.tsv:3: kb_id org:id-foo appears twice$"),
        "already": ("Foo Satu\tORG\tFoo Satu\torg:id-foo\tBar\t\tx\nFoo Dua\tORG\tFoo Dua\torg:id-foo-dua\tBar\t\tx\n",
                    r"already\.tsv:3: 'Bar' is already org:id-foo$"),
        "label": ("Foo Satu\tLOC\tFoo Satu\torg:id-foo\t\t\tx\n", r"label\.tsv:2: label must be ORG, got 'LOC'$"),
        "ambiguous": ("PT Timah\tORG\tPT Timah\tidx:TINS\tTimah\t\tticker TINS\n",
                      r"ambiguous\.tsv:2: 'Timah' is too ambiguous to match everywhere \(the word tin"),
        "ticker": ("Foo Satu\tORG\tFoo Satu\tidx:FOOO\t\tTbk\tIDX listed\n",
                   r"ticker\.tsv:2: the note must say 'ticker FOOO'$"),
        "reused": ("Pertamina\tORG\tPT Pertamina\torg:co-pertamina\t\t\tx\n",
                   r"reused\.tsv:2: org:co-pertamina is 'Pertamina' in 20_organisations\.tsv, not 'PT Pertamina'$"),
    }
    for name, (body, message) in bad.items():
        table = tmp_path / f"{name}.tsv"
        table.write_text(header + body, encoding="utf-8")
        with pytest.raises(compiler.TableError, match=message):
            compiler.compile_rows(table)
