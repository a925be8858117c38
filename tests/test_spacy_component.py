"""ner-id inside spaCy: the entry-point factory, doc.ents, extensions, nlp.pipe and displaCy."""
import subprocess
import sys

import pytest
import spacy
from spacy import displacy

TEXT = "Presiden Joko Widodo tiba di Jakarta. Delegasi SCO tiba di Dushanbe, Tajikistan."


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("id")
    nlp.add_pipe("ner_id", config={"model": "fast"})
    return nlp


def test_blank_pipeline_sets_ents_and_extensions(nlp):
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Joko Widodo", "PER"), ("Jakarta", "LOC"), ("SCO", "ORG"), ("Dushanbe", "LOC"), ("Tajikistan", "LOC")]
    sco = doc.ents[2]
    assert (sco._.kb_id, sco._.canonical) == ("org:sco", "Organisasi Kerja Sama Shanghai")
    assert doc.ents[0]._.group == 0 and doc._.ner_id_groups[0]["canonical"] == "Joko Widodo"
    expected = nlp.get_pipe("ner_id").pipeline(TEXT).entities
    assert [e._.score for e in doc.ents] == [e.score for e in expected]


def test_after_another_component_and_in_nlp_pipe(nlp):
    other = spacy.blank("id")
    other.add_pipe("sentencizer")
    other.add_pipe("ner_id", config={"model": "fast", "fuzzy": False})
    docs = list(other.pipe([TEXT, "Tidak ada nama di sini.", "Presiden Asfghanistan tiba."]))
    assert len(list(docs[0].sents)) == 2
    assert [e.text for e in docs[0].ents] == [e.text for e in nlp(TEXT).ents]
    assert docs[1].ents == ()
    assert [e._.kb_id for e in docs[2].ents] == [None]  # fuzzy off: the misspelt name is not linked
    assert [e._.kb_id for e in nlp("Presiden Asfghanistan tiba.").ents] == ["iso3166:AF"]
    html = displacy.render(docs[0], style="ent", jupyter=False)
    assert "Joko Widodo" in html and "ORG" in html


def test_factory_is_found_through_the_entry_point_without_importing_ner_id():
    code = ("import sys, spacy; nlp = spacy.blank('id'); nlp.add_pipe('ner_id', config={'model': 'fast'}); "
            "print([e.label_ for e in nlp('Ia tiba di Jakarta.').ents])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "['LOC']", result.stderr
