"""Topic discovery at its edges: document-count bounds, vocabulary limits, the content of the rankings."""
from collections import Counter

import numpy as np
import pytest

import ner_id
from ner_id.discover import _choose_k, _dateline, _display, _top_entities, discover
from ner_id.types import Entity, EntityGroup

THEMES = {
    "bola": ["timnas", "stadion", "striker", "gol", "pelatih", "suporter", "liga", "kiper"],
    "ekonomi": ["saham", "inflasi", "rupiah", "ekspor", "laba", "bunga", "investor", "neraca"],
    "bencana": ["banjir", "longsor", "gempa", "pengungsi", "evakuasi", "relawan", "korban", "tenda"],
    "politik": ["pemilu", "partai", "kampanye", "koalisi", "parlemen", "calon", "suara", "debat"],
}


def corpus(per_theme, themes=THEMES):
    """``per_theme`` documents of each theme, each a rotation of five of its words."""
    texts, labels = [], []
    for label, words in themes.items():
        for i in range(per_theme):
            texts.append(" ".join(words[(i + j) % len(words)] for j in range(5)) + ".")
            labels.append(label)
    return texts, labels


def vocabulary(found):
    return {term for terms in found.topics["top_terms"] for term in terms}


@pytest.fixture(scope="module")
def plain_nlp():
    return ner_id.load(model=False, topic_model=None, keyphrases=False)


# -- bounds -------------------------------------------------------------------------------------------

def test_four_documents_are_enough_and_three_are_not():
    texts, _ = corpus(1)
    assert len(discover(texts, n_topics=2).weights) == 4
    with pytest.raises(ValueError, match="^topic discovery needs at least 4 documents, got 3$"):
        discover(texts[:3])


@pytest.mark.parametrize("n_topics,ok", [(1, False), (2, True), (8, True), (9, False)])
def test_n_topics_between_two_and_the_number_of_documents(n_topics, ok):
    texts, _ = corpus(2)  # 8 documents
    if ok:
        found = discover(texts, n_topics=n_topics)
        assert found.topics["id"].tolist() == list(range(n_topics))
        assert list(found.weights.columns) == [f"topic_{t}" for t in range(n_topics)]
    else:
        with pytest.raises(ValueError, match=f"^n_topics must be between 2 and the number of documents, got {n_topics}$"):
            discover(texts, n_topics=n_topics)


def test_texts_must_be_strings():
    with pytest.raises(TypeError, match="^texts must hold str, or Documents only$"):
        discover(["a b c", "d e f", None, "g h i"])
    with pytest.raises(TypeError, match="^texts must hold str, or Documents only$"):
        discover(["a b c", "d e f", ner_id.Document("g h i"), "j k l"])
    with pytest.raises(ValueError, match="^pass nlp or Documents, not both: Documents are already tagged$"):
        discover([ner_id.Document(t) for t in corpus(1)[0]], nlp=object())


@pytest.mark.parametrize("per_theme,k", [(4, 2), (5, 4)])  # 16 documents: 16 // 5 = 3 < 4; 20: 4
def test_the_chosen_number_of_topics_is_two_below_twenty_documents(per_theme, k):
    texts, _ = corpus(per_theme)
    assert len(discover(texts).topics) == k


def test_choose_k_takes_the_best_silhouette_among_the_candidates():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts, _ = corpus(10)  # 40 documents: candidates 4, 6, 8; four themes
    matrix = TfidfVectorizer().fit_transform(texts)
    assert _choose_k(matrix, 0) == 4
    six = dict(THEMES, sehat=["dokter", "pasien", "vaksin", "rumah", "obat", "perawat", "klinik", "virus"],
               didik=["sekolah", "guru", "murid", "ujian", "kurikulum", "kelas", "beasiswa", "kampus"])
    texts, _ = corpus(6, six)  # 36 documents: candidates 4 and 6; six themes, so not the first candidate
    assert _choose_k(TfidfVectorizer().fit_transform(texts), 0) == 6


@pytest.mark.parametrize("n,kept", [(39, True), (40, False)])
def test_a_word_in_one_document_is_a_term_below_forty_documents_only(n, kept):
    texts, _ = corpus(10)
    texts = texts[:n]
    texts[0] += " zebracross zebracross"
    texts[1] += " kudaliar"
    texts[2] += " kudaliar"  # in two documents: a term at 40 too
    found = discover(texts, n_topics=4, top_terms=10_000)
    assert ("zebracross" in vocabulary(found)) is kept
    assert {"timnas", "kudaliar"} <= vocabulary(found)


def test_ten_terms_per_topic_by_default_and_words_are_lower_cased():
    texts, _ = corpus(3)
    texts = [t.capitalize() if i % 2 else t.upper() for i, t in enumerate(texts)]
    found = discover(texts, n_topics=4)
    assert [len(terms) for terms in found.topics["top_terms"]] == [10, 10, 10, 10]
    assert vocabulary(found) <= {w for words in THEMES.values() for w in words}  # "timnas", never "Timnas"


@pytest.mark.parametrize("share,kept", [(6, True), (7, False)])
def test_a_word_in_more_than_half_the_documents_is_never_a_term(share, kept):
    texts, _ = corpus(3)  # 12 documents
    texts = [t + " jakarta" if i < share else t for i, t in enumerate(texts)]
    assert ("jakarta" in vocabulary(discover(texts, n_topics=4, top_terms=10_000))) is kept


def test_terms_are_words_of_three_letters_or_more_and_never_stop_words():
    texts, _ = corpus(4)
    texts = [t + " yang di ke dan 2025 ab x1y tahun" for t in texts]
    terms = vocabulary(discover(texts, n_topics=4, top_terms=10_000))
    assert terms == {w for words in THEMES.values() for w in words}


# -- the content of the rankings ----------------------------------------------------------------------

def test_each_theme_gets_its_own_topic_with_its_own_words_first():
    texts, labels = corpus(6)
    found = discover(texts, n_topics=4, top_terms=3)
    dominant = found.weights.to_numpy().argmax(axis=1)
    topic_of = {}
    for label in THEMES:
        chosen = {d for d, y in zip(dominant, labels) if y == label}
        assert len(chosen) == 1, label
        topic_of[label] = chosen.pop()
    assert sorted(topic_of.values()) == [0, 1, 2, 3]
    assert found.topics["size"].tolist() == [6, 6, 6, 6]
    for label, topic in topic_of.items():
        terms = found.topics.loc[topic, "top_terms"]
        assert len(terms) == 3 and set(terms) <= set(THEMES[label]), (label, terms)


def test_weights_are_proportions_and_a_document_without_terms_weighs_nothing():
    texts, _ = corpus(2)
    texts.append("di ke dan yang 2025.")
    weights = discover(texts, n_topics=3).weights.to_numpy()
    assert np.allclose(weights[:-1].sum(axis=1), 1.0) and (weights >= 0).all()
    assert weights[-1].tolist() == [0.0, 0.0, 0.0]


def test_the_same_seed_gives_the_same_result_and_another_seed_may_not_change_the_sizes():
    texts, _ = corpus(5)
    first, again = discover(texts, seed=3), discover(texts, seed=3)
    assert first.topics.equals(again.topics) and first.weights.equals(again.weights)


# -- entities -----------------------------------------------------------------------------------------

def test_top_entities_rank_by_lift_so_an_entity_everywhere_sinks(plain_nlp):
    # Jakarta is in all ten documents, Cianjur in two of the first topic's three
    texts = ["Gempa di Cianjur, warga ke Jakarta.", "Warga Cianjur dan Jakarta.", "Hujan di Jakarta."] + \
            ["Rapat di Jakarta."] * 7
    dominant = np.array([0, 0, 0] + [1] * 7)
    calls = []
    ranked = _top_entities(plain_nlp.pipe(texts), dominant, 3, calls.append, True)
    assert ranked == [["Kabupaten Cianjur (LOC)", "DKI Jakarta (LOC)"], ["DKI Jakarta (LOC)"], []]
    assert calls == [1] * 10


def test_lift_weighs_the_share_of_a_topic_against_the_share_of_all_documents(plain_nlp):
    # topic 0 is documents 0-1: Cianjur in one of them (and nowhere else), Bandung in both and in three more of ten;
    # lift = n * log1p((n / 2) / (overall / 10)): Bandung 2 * log1p(2) = 2.20 > Cianjur 1 * log1p(5) = 1.79
    texts = ["Warga Cianjur dan Bandung.", "Warga Bandung."] + ["Rapat di Bandung."] * 3 + ["Rapat."] * 5
    ranked = _top_entities(plain_nlp.pipe(texts), np.array([0, 0] + [1] * 8), 2, None, True)
    assert ranked == [["Kota Bandung (LOC)", "Kabupaten Cianjur (LOC)"], ["Kota Bandung (LOC)"]]


def test_a_topics_entity_is_shown_as_written_most_often():
    def doc(name):
        mention = Entity(name, "ORG", 100, 100 + len(name), 1.0, "gazetteer")
        return ner_id.Document(f"{'x' * 100}{name}", (mention,), (EntityGroup(name, "ORG", None, (mention,)),))

    docs = [doc("KemenKeu"), doc("Kemenkeu"), doc("KemenKeu"), doc("KEMENKEU")]
    assert _top_entities(docs, np.zeros(4, dtype=int), 1, None, True) == [["KemenKeu (ORG)"]]


def test_top_entities_are_cut_at_eight_and_ties_go_alphabetically(plain_nlp):
    places = ["Bandung", "Surabaya", "Medan", "Makassar", "Padang", "Palembang", "Semarang", "Bogor", "Malang"]
    texts = ["Kunjungan ke " + ", ".join(places) + "."] * 4
    ranked = _top_entities(plain_nlp.pipe(texts), np.zeros(4, dtype=int), 1, None, True)
    assert [g.canonical for g in plain_nlp(texts[0]).groups] == [f"Kota {p}" for p in places]
    assert ranked == [[f"Kota {p} (LOC)" for p in ("Bandung", "Bogor", "Makassar", "Malang", "Medan", "Padang",
                                                   "Palembang", "Semarang")]]  # all tied: Surabaya, the ninth, out


def test_discover_with_a_pipeline_lists_each_topics_entities(plain_nlp):
    texts = ["Gempa banjir longsor pengungsi di Cianjur."] * 3 + ["Saham inflasi rupiah laba di Surabaya."] * 3
    found = discover(texts, n_topics=2, nlp=plain_nlp)
    first, last = found.weights.to_numpy()[[0, -1]].argmax(axis=1)
    assert first != last
    assert found.topics.loc[first, "top_entities"] == ["Kabupaten Cianjur (LOC)"]
    assert found.topics.loc[last, "top_entities"] == ["Kota Surabaya (LOC)"]
    assert discover(texts, n_topics=2).topics["top_entities"].tolist() == [[], []]


@pytest.mark.parametrize("start,dateline", [(0, True), (39, True), (40, False)])
def test_a_dateline_is_all_capitals_within_the_first_forty_characters(start, dateline):
    caps = Entity("JAKARTA", "LOC", start, start + 7, 1.0, "gazetteer")
    assert _dateline(EntityGroup("DKI Jakarta", "LOC", None, (caps,))) is dateline
    mixed = Entity("Jakarta", "LOC", start, start + 7, 1.0, "gazetteer")
    assert _dateline(EntityGroup("DKI Jakarta", "LOC", None, (mixed,))) is False
    both = EntityGroup("DKI Jakarta", "LOC", None, (Entity("JAKARTA", "LOC", 0, 7, 1.0, "gazetteer"),
                                                    Entity("Jakarta", "LOC", 200, 207, 1.0, "gazetteer")))
    assert _dateline(both) is False


def test_display_prefers_mixed_case_then_the_most_written_then_the_last_alphabetically():
    assert _display(Counter({"KPK": 9, "Kpk": 1})) == "Kpk"
    assert _display(Counter({"Abdul": 1, "abdul": 3})) == "abdul"
    assert _display(Counter({"Abdul": 2, "abdul": 2})) == "abdul"
    assert _display(Counter({"PBB": 2})) == "PBB"
    assert _display(Counter({"KPK Jakarta": 2, "Kpk Jakarta": 1})) == "KPK Jakarta"  # not all capitals
