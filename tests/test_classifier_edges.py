"""The topic classifier at its edges: the head of a text, boilerplate, two classes, the vocabulary bounds,
probabilities against scikit-learn's, and what save / load keep."""
import numpy as np
import pytest

from ner_id.topics import TAXONOMY, top_topics
from ner_id.topics.classifier import FORMAT, TopicClassifier, _clean, head

TEXTS = ["Timnas menang di stadion. Gol cepat striker.", "Pelatih timnas memuji gol striker muda.",
         "Harga saham naik. Laba bank tumbuh.", "Inflasi turun, rupiah menguat, saham naik.",
         "Banjir merendam rumah warga. Hujan deras semalaman.", "Longsor dan banjir, warga mengungsi ke tenda."]
LABELS = ["bola", "bola", "ekonomi", "ekonomi", "bencana", "bencana"]


@pytest.mark.parametrize("text,expected", [
    ("Judul berita\nIsi berita. Kalimat dua.", "Judul berita"),
    ("Judul\nBaris dua\nBaris tiga", "Judul"),  # the first of three lines
    ("  Kalimat satu. Kalimat dua.", "Kalimat satu."),
    ("Apa kabar? Baik!", "Apa kabar?"),
    ("Tanpa titik", "Tanpa titik"),
    ("v1.2 rilis. Lalu", "v1.2 rilis."),
    ("x" * 301, "x" * 300),
    ("", "")])
def test_head_is_the_first_line_or_sentence_at_most_300_characters(text, expected):
    assert head(text) == expected


def test_clean_drops_boilerplate_whatever_its_case():
    assert _clean("Harga naik. SCROLL TO CONTINUE WITH CONTENT Lalu advertisement turun.") == \
        "Harga naik.   Lalu   turun."


def test_probabilities_equal_scikit_learns_for_two_classes():
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = TEXTS[:4], LABELS[:4]
    clf = TopicClassifier().fit(texts, labels)
    unseen = ["Gol striker di stadion.", "Saham dan rupiah.", "", "kata tak dikenal"]
    vectorizers = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) for _ in range(2)]
    features = hstack([vectorizers[0].fit_transform([head(t) for t in texts]),
                       vectorizers[1].fit_transform([_clean(t) for t in texts])]).tocsr()
    model = LogisticRegression(C=10.0, max_iter=3000).fit(features, labels)
    expected = model.predict_proba(hstack([vectorizers[0].transform([head(t) for t in unseen]),
                                           vectorizers[1].transform([_clean(t) for t in unseen])]).tocsr())
    got = clf.probabilities(unseen)
    assert got.shape == (4, 2) and np.allclose(got, expected, atol=1e-9)
    assert clf.predict(unseen[:2]) == ["bola", "ekonomi"] and clf.classes_ == ["bola", "ekonomi"]
    assert clf.probabilities([]).shape == (0, 2)


def test_fit_errors_name_the_problem():
    with pytest.raises(ValueError, match="got 2 texts but 3 labels"):
        TopicClassifier().fit(["a", "b"], ["x", "y", "z"])
    with pytest.raises(TypeError, match="item 0 is NoneType"):
        TopicClassifier().fit([None, "b"], ["x", "y"])
    with pytest.raises(TypeError, match="not one str"):
        TopicClassifier().fit(["bola gol", "saham laba"], ["x", "y"]).predict("abc")


@pytest.mark.parametrize("n,singletons_kept", [(49, True), (50, False)])
def test_words_in_one_text_are_features_below_fifty_texts_only(n, singletons_kept):
    texts = [TEXTS[i % 6] + f" unik{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(n)]
    labels = [LABELS[i % 6] for i in range(n)]
    clf = TopicClassifier().fit(texts, labels)
    assert ("unikaa" in clf._weights.body.vocab) is singletons_kept
    assert "saham" in clf._weights.body.vocab


def test_max_features_bounds_both_vocabularies():
    clf = TopicClassifier(max_features=8).fit(TEXTS, LABELS)
    assert len(clf._weights.body.vocab) == 8 and len(clf._weights.head.vocab) == 2
    assert len(TopicClassifier().fit(TEXTS, LABELS)._weights.body.vocab) > 8


def test_save_and_load_keep_parameters_and_predictions(tmp_path):
    clf = TopicClassifier(C=2.5, max_features=40).fit(TEXTS, LABELS)
    path = tmp_path / "m.npz"
    clf.save(path)
    data = np.load(path, allow_pickle=False)
    assert str(data["format"]) == FORMAT and list(data["classes"]) == ["bencana", "bola", "ekonomi"]
    again = TopicClassifier.load(path)
    assert (again.C, again.max_features) == (2.5, 40)
    assert again._weights.body.vocab == clf._weights.body.vocab and again._weights.head.vocab == clf._weights.head.vocab
    assert np.allclose(again.probabilities(TEXTS), clf.probabilities(TEXTS), atol=1e-5)
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, format=np.array("something-else/1"))
    with pytest.raises(ValueError, match="not a ner-id topic classifier"):
        TopicClassifier.load(wrong)
    with pytest.raises(ValueError, match="cannot load topic classifier"):
        TopicClassifier.load(tmp_path / "missing.npz")


def test_top_topics_cut_order_names_and_blank_texts():
    labels = ["sport", "sport", "economy", "economy", "environment_disasters", "environment_disasters"]
    clf = TopicClassifier().fit(TEXTS, labels)
    texts = ["Gol striker timnas.", "   ", "Saham naik."]
    found = top_topics(clf, texts, named=True, top=2)
    proba = clf.probabilities([texts[0]])[0]
    order = np.argsort(-proba)[:2]
    assert [(t.id, t.label, t.score) for t in found[0]] == [
        (clf.classes_[i], TAXONOMY[clf.classes_[i]], round(float(proba[i]), 4)) for i in order]
    assert found[1] == () and found[2][0].id == "economy" and len(found[2]) == 2
    assert [t.label for t in top_topics(clf, texts, named=False)[0]] == [t.id for t in top_topics(clf, texts, named=False)[0]]
    four = TopicClassifier().fit([*TEXTS, "DPR mengesahkan undang-undang.", "Presiden melantik menteri."],
                                 [*labels, "politics", "politics"])
    assert len(top_topics(four, texts, named=False)[0]) == 3  # three of the four classes by default
    assert top_topics(None, texts, named=True) == [(), (), ()] and top_topics(clf, ["", " "], named=True) == [(), ()]
