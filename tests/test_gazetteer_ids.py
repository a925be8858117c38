"""Ids that unify: every written form of one body resolves to one canonical name and kb id, so the
whole-dump index counts an outlet and its desks, or a body and its abbreviation, as one entity."""
import ner_id
import ner_id.index

TEXTS = [
    "JAKARTA, KOMPAS.com - Ditjen Imigrasi menahan seorang WNA.",
    "Menurut Kompas, Direktorat Jenderal Imigrasi memeriksa paspornya.",
    "Dikutip dari detikNews, Badan Gizi Nasional (BGN) menambah dapur.",
    "Laporan detikJateng: BGN dan Pemprov Kalbar bekerja sama.",
    "Pemerintah Provinsi Kalimantan Barat menyambut BGN.",
]


def test_the_index_shows_one_entity_per_body_across_documents():
    nlp = ner_id.load(model=None, topic_model=None, keyphrases=False)
    documents = [(str(i), doc, {}) for i, doc in enumerate(nlp.pipe(TEXTS))]
    entities = ner_id.index.build(documents).entities
    got = {row.kb_id: (row.canonical, row.documents, row.mentions) for row in entities.itertuples()}
    assert got == {
        "org:id-bgn": ("Badan Gizi Nasional", 3, 4),
        "org:id-ditjen-imigrasi": ("Direktorat Jenderal Imigrasi", 2, 2),
        "org:news-detik": ("Detikcom", 2, 2),
        "org:news-kompas": ("Kompas", 2, 2),
        "regional:pemprov:kemendagri:61": ("Pemerintah Provinsi Kalimantan Barat", 2, 2),
        "kemendagri:31": ("DKI Jakarta", 1, 1),
    }


def test_each_written_form_links_to_its_body():
    nlp = ner_id.load(model=None, topic_model=None, keyphrases=False)
    forms = {e.text: e.kb_id for text in TEXTS for e in nlp(text).entities}
    assert forms["KOMPAS.com"] == forms["Kompas"] == "org:news-kompas"
    assert forms["detikNews"] == forms["detikJateng"] == "org:news-detik"
    assert forms["Pemprov Kalbar"] == forms["Pemerintah Provinsi Kalimantan Barat"] == "regional:pemprov:kemendagri:61"
