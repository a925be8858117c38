import json
from collections import Counter

import numpy as np
import pytest

import ner_id
from conftest import EXAMPLES
from ner_id.cli import main as cli_main
from ner_id.discover import discover
from ner_id.topics import TAXONOMY, TopicClassifier

ARTICLES = {a["id"]: a["text"] for a in map(json.loads, open(EXAMPLES / "articles.jsonl", encoding="utf-8"))}
THEMES = {
    "sepak bola": ["Timnas Indonesia menang 2-0 atas Vietnam dalam laga kualifikasi Piala Dunia di Stadion {}.",
                   "Pelatih timnas memuji gol cepat striker muda pada babak pertama pertandingan di {}.",
                   "Suporter memadati stadion {} untuk mendukung klub kebanggaan mereka di liga."],
    "ekonomi": ["Bank Indonesia menahan suku bunga acuan untuk menjaga inflasi dan nilai tukar rupiah di {}.",
                "Harga saham perbankan naik setelah laporan laba kuartal ketiga diumumkan di {}.",
                "Ekspor batu bara dan minyak sawit mendorong surplus neraca perdagangan, kata analis di {}."],
    "bencana": ["Banjir bandang merendam ratusan rumah warga di {} setelah hujan deras semalaman.",
                "BPBD mengevakuasi warga terdampak longsor dan gempa di {} ke tenda pengungsian.",
                "Relawan menyalurkan bantuan logistik bagi korban banjir dan tanah longsor di {}."],
}
PLACES = ["Bandung", "Surabaya", "Medan", "Makassar", "Padang", "Palembang"]


def corpus():
    texts, labels = [], []
    for label, templates in THEMES.items():
        for i, place in enumerate(PLACES):
            texts.append(templates[i % 3].format(place) + " " + templates[(i + 1) % 3].format(place))
            labels.append(label)
    return texts, labels


def test_classifier_fit_predict_proba_save_load(tmp_path):
    texts, labels = corpus()
    clf = TopicClassifier().fit(texts, labels)
    assert clf.predict(["Gol tunggal striker membawa timnas menang di stadion."]) == ["sepak bola"]
    proba = clf.predict_proba(texts[:2])
    assert list(proba.columns) == sorted(THEMES) and np.allclose(proba.sum(axis=1), 1.0)
    path = tmp_path / "mine.npz"
    clf.save(path)
    stored = np.load(path)  # weights as float32: the shipped file stays small
    assert stored["coef"].dtype == np.float32 and stored["head_idf"].dtype == stored["body_idf"].dtype == np.float32
    again = TopicClassifier.load(path)
    assert again.predict(texts) == clf.predict(texts)
    assert np.allclose(again.predict_proba(texts).to_numpy(), clf.predict_proba(texts).to_numpy(), atol=1e-5)


@pytest.mark.parametrize("themes", [sorted(THEMES), sorted(THEMES)[:2]])
def test_classifier_predicts_what_scikit_learn_predicts(themes):
    """Prediction runs on plain arrays; it must equal scikit-learn's own transform + predict_proba."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from ner_id.topics.classifier import _clean, head

    texts, labels = map(list, zip(*[(t, y) for t, y in zip(*corpus()) if y in themes]))
    unseen = ["Gol tunggal striker membawa timnas menang di stadion Jakarta!", "BANJIR di Kudus, harga saham turun.", "",
              "Gol, gol, gol: striker timnas menang lagi di stadion."]  # a word three times: 1 + log(tf)
    clf = TopicClassifier().fit(texts, labels)
    vectorizers = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1) for _ in range(2)]
    features = hstack([vectorizers[0].fit_transform([head(t) for t in texts]),
                       vectorizers[1].fit_transform([_clean(t) for t in texts])]).tocsr()
    model = LogisticRegression(C=10.0, max_iter=3000).fit(features, labels)
    expected = model.predict_proba(hstack([vectorizers[0].transform([head(t) for t in unseen]),
                                           vectorizers[1].transform([_clean(t) for t in unseen])]).tocsr())
    assert np.allclose(clf.probabilities(unseen), expected, atol=1e-9)
    assert clf.classes_ == list(model.classes_)


def test_classifier_errors(tmp_path):
    with pytest.raises(RuntimeError, match=r"^TopicClassifier is not fitted: call fit\(texts, labels\) or "
                                           r"TopicClassifier.load\(path\)$"):
        TopicClassifier().predict(["x"])
    with pytest.raises(ValueError, match="^fit needs at least two different labels"):
        TopicClassifier().fit(["a", "b"], ["x", "x"])
    with pytest.raises(TypeError, match="item 1 is int"):
        TopicClassifier().fit(["a", 3], ["x", "y"])
    with pytest.raises(TypeError, match="^texts must be a sequence of str, not one str; wrap it in a list$"):
        TopicClassifier().fit("abc", ["x"])
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ValueError, match="cannot load topic classifier"):
        TopicClassifier.load(bad)
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, format=np.array([{"evil": 1}], dtype=object))
    with pytest.raises(ValueError, match="cannot load"):
        TopicClassifier.load(pickled)


def test_user_classifier_drives_doc_topics():
    texts, labels = corpus()
    clf = TopicClassifier().fit(texts, labels)
    nlp = ner_id.load(model=False, topic_model=clf)
    text = "Banjir dan longsor melanda Garut; warga mengungsi."
    doc = nlp(text)
    assert doc.topics[0].id == "bencana" and doc.topics[0].label == "bencana"
    proba = clf.predict_proba([text]).iloc[0].sort_values(ascending=False)
    assert [(t.id, t.score) for t in doc.topics] == [(c, round(float(p), 4)) for c, p in proba.items()]
    assert nlp("   ").topics == ()
    with pytest.raises(ValueError, match="topic_model"):
        ner_id.load(model=False, topic_model="mine")


def test_default_taxonomy_and_keyphrases(nlp):
    doc = nlp(ARTICLES["laba-bri"])
    assert doc.topics[0].id == "economy" and doc.topics[0].label == TAXONOMY["economy"]
    doc = nlp(ARTICLES["sco-dushanbe"])
    assert [k.text for k in doc.keyphrases] == [
        "Zhao Kezhi", "Ramazon Rahimzoda", "Dushanbe", "SCO", "Organisasi Kerja Sama Shanghai", "pertemuan",
        "Tajikistan", "Vladimir Norov", "keamanan perbatasan", "latihan antiterorisme"]
    stop = {"dalam", "juga", "dan", "yang", "di", "ke", "dari", "untuk", "itu", "ini"}
    for k in doc.keyphrases:
        assert doc.text[k.start:k.end] == k.text
        words = k.text.lower().split()
        assert words[0] not in stop and words[-1] not in stop
    assert doc.keyphrases[0].score == 1.0
    assert all(a.score >= b.score for a, b in zip(doc.keyphrases, doc.keyphrases[1:]))


def test_discover_is_deterministic_and_finds_the_themes():
    texts, labels = corpus()
    first = discover(texts, seed=0)
    second = discover(texts, seed=0)
    assert first.topics.equals(second.topics) and first.weights.equals(second.weights)
    assert list(first.topics.columns) == ["id", "top_terms", "top_entities", "size"]
    dominant = first.weights.to_numpy().argmax(axis=1)
    # 18 documents: two topics, football and economy in one, disasters in the other
    assert dominant.tolist() == [0] * 12 + [1] * 6 and first.topics["size"].tolist() == [12, 6]
    assert np.allclose(first.weights.sum(axis=1), 1.0)
    fixed = discover(texts, n_topics=3, seed=0)
    dominant = fixed.weights.to_numpy().argmax(axis=1)
    for label in THEMES:  # each theme's documents share one dominant topic
        assert len({d for d, y in zip(dominant, labels) if y == label}) == 1
    with pytest.raises(ValueError, match="at least 4"):
        discover(texts[:2])


def test_topics_cli(tmp_path):
    texts, _ = corpus()
    data = tmp_path / "docs.jsonl"
    data.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)) + "{bad\n")
    out, errors = tmp_path / "topics.json", tmp_path / "errors.jsonl"
    assert cli_main(["topics", str(data), "-o", str(out), "--id-field", "id", "--n-topics", "3",
                     "--no-entities", "--errors", str(errors)]) == 0
    result = json.loads(out.read_text())
    assert len(result["topics"]) == 3 and len(result["documents"]) == len(texts)
    assert len(errors.read_text().splitlines()) == 1


def test_a_custom_classifiers_labels_are_never_renamed():
    texts, labels = corpus()
    renamed = ["economy" if y == "bencana" else y for y in labels]
    nlp = ner_id.load(model=False, topic_model=TopicClassifier().fit(texts, renamed))
    top = nlp("Banjir dan longsor melanda Garut; warga mengungsi.").topics[0]
    assert (top.id, top.label) == ("economy", "economy")  # not the default taxonomy's "Ekonomi"


def test_keyphrases_are_never_me_verbs_or_half_brackets(gazetteer_nlp):
    text = ("Gubernur melantik pejabat baru. Pejabat baru dilantik di Jakarta. Laba PT Bank Mandiri (Persero) Tbk "
            "naik. Persero) Tbk laba naik lagi. Gubernur melantik lagi pejabat.")
    phrases = [k.text for k in gazetteer_nlp(text).keyphrases]
    # "melantik" (meN-) is never one; a di- verb without -kan / -i ("dilantik") is kept: alone, di- also starts
    # nouns such as "direktur" and "dinas"
    assert phrases == ["PT Bank Mandiri (Persero) Tbk", "pejabat", "Tbk laba", "Persero", "dilantik", "Jakarta"]
    assert all(p.count("(") == p.count(")") for p in phrases)


def test_discovered_top_entities_fold_case_and_skip_datelines():
    from ner_id.discover import _dateline, _display
    from ner_id.types import Entity, EntityGroup

    dateline = EntityGroup("JAKARTA", "LOC", None, (Entity("JAKARTA", "LOC", 0, 7, 1.0, "gazetteer"),))
    body = EntityGroup("Jakarta", "LOC", None, (Entity("Jakarta", "LOC", 120, 127, 1.0, "gazetteer"),))
    assert _dateline(dateline) and not _dateline(body)
    assert _display(Counter({"ABDUL MUHARI (PER)": 5, "Abdul Muhari (PER)": 2, "abdul muhari (PER)": 1})) == \
        "Abdul Muhari (PER)"
    texts = ["JAKARTA, KOMPAS.com - Gempa di Cianjur, Jawa Barat. Warga Cianjur mengungsi ke Bandung."] * 3 + \
            ["BANDUNG, KOMPAS.com - Persib menang di Bandung. Persib juara."] * 3
    found = discover(texts, n_topics=2, seed=0, nlp=ner_id.load(model=False, topic_model=None, keyphrases=False))
    names = [name for entities in found.topics["top_entities"] for name in entities]
    assert "DKI Jakarta (LOC)" not in names and "Kota Bandung (LOC)" in names  # JAKARTA is only a dateline


def test_discover_takes_tagged_documents_and_says_what_it_cannot_mix(gazetteer_nlp):
    texts = corpus()[0][:6]
    docs = list(gazetteer_nlp.pipe(texts))
    from_docs = discover(docs, n_topics=2)
    from_texts = discover(texts, n_topics=2, nlp=gazetteer_nlp)
    assert from_docs.topics.to_dict("list") == from_texts.topics.to_dict("list")
    with pytest.raises(ValueError, match="pass nlp or Documents, not both: Documents are already tagged"):
        discover(docs, nlp=gazetteer_nlp)
    with pytest.raises(TypeError, match="texts must hold str, or Documents only"):
        discover([*docs, "Jakarta"])
