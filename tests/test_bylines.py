"""Bylines and datelines lead every top list of a dump: the index and topic discovery can leave them out."""
import ner_id
import ner_id.index
from ner_id.bylines import is_byline
from ner_id.discover import discover

TEXTS = [
    "JAKARTA, KOMPAS.com - Badan Gizi Nasional membuka dapur baru di Bogor.",
    "BANDUNG, KOMPAS.com - Badan Gizi Nasional menambah dapur, dikutip dari detikNews.",
    "SURABAYA, KOMPAS.com - Pemkot Surabaya memperbaiki jalan di Surabaya.",
    "JAKARTA, KOMPAS.com - Pemkot Surabaya dan Badan Gizi Nasional bertemu.",
]


def test_a_byline_is_an_outlet_or_a_capitalised_dateline():
    assert is_byline("KOMPAS.com", 9, "org:news-kompas") and is_byline("detikNews", 300, "org:news-detik")
    assert is_byline("JAKARTA", 0, "kemendagri:31") and is_byline("JAKARTA", 39, None)
    assert not is_byline("JAKARTA", 40, None) and not is_byline("Jakarta", 0, "kemendagri:31")
    assert not is_byline("BGN", 200, "org:id-bgn")


def test_the_index_leaves_bylines_out_on_request():
    nlp = ner_id.load(model=None, topic_model=None, keyphrases=False)
    documents = [(str(i), doc, {}) for i, doc in enumerate(nlp.pipe(TEXTS))]
    every = ner_id.index.build(documents).entities
    kept = ner_id.index.build(documents, exclude_bylines=True).entities
    assert set(every.canonical) - set(kept.canonical) == {"Kompas", "Detikcom", "DKI Jakarta", "Kota Bandung"}
    assert every.sort_values(["documents", "canonical"]).canonical.iloc[-1] == "Kompas"  # 4 documents
    assert dict(zip(kept.canonical, kept.documents)) == {
        "Badan Gizi Nasional": 3, "Pemerintah Kota Surabaya": 2, "Kota Surabaya": 1, "Kota Bogor": 1}


def test_discovery_leaves_bylines_out_of_the_top_entities():
    nlp = ner_id.load(model=None, topic_model=None, keyphrases=False)
    docs = list(nlp.pipe(TEXTS))
    kept = {e for row in discover(docs, n_topics=2).topics.top_entities for e in row}
    every = {e for row in discover(docs, n_topics=2, exclude_bylines=False).topics.top_entities for e in row}
    assert "Kompas (ORG)" in every and "Kompas (ORG)" not in kept and "Detikcom (ORG)" not in kept
    assert "Badan Gizi Nasional (ORG)" in kept
