"""Self-training data: which sentences of a tagged document are kept, and their BIO tags."""
from ner_id.training.self_train import confident_sentences
from ner_id.types import Document, Entity, Token

TEXT = "Presiden Joko Widodo tiba di Jakarta kemarin sore. Asfghanistan dan Iran bertemu di sana hari ini."


def tokens(text):
    out, start = [], 0
    for word in text.replace(".", " .").split():
        start = text.index(word, start)
        out.append(Token(word, start, start + len(word)))
        start += len(word)
    return tuple(out)


def doc(*entities):
    toks = tokens(TEXT)
    first_end = TEXT.index(".") + 1
    return Document(TEXT, entities=entities, tokens=toks, sentences=((0, first_end), (first_end + 1, len(TEXT))))


def entity(surface, label, score, source="model"):
    start = TEXT.index(surface)
    return Entity(surface, label, start, start + len(surface), score, source)


def test_confident_sentences_get_bio_tags():
    tagged = doc(entity("Joko Widodo", "PER", 0.95), entity("Jakarta", "LOC", 1.0, "gazetteer"),
                 entity("Asfghanistan", "LOC", 0.96, "gazetteer"), entity("Iran", "LOC", 0.99))
    [(sentence, count)] = list(confident_sentences(tagged, min_score=0.9))  # the second has a fuzzy match
    assert count == 2
    assert sentence == [("Presiden", "O"), ("Joko", "B-PER"), ("Widodo", "I-PER"), ("tiba", "O"), ("di", "O"),
                        ("Jakarta", "B-LOC"), ("kemarin", "O"), ("sore", "O"), (".", "O")]


def test_unsure_or_misaligned_entities_drop_their_sentence():
    low = doc(entity("Joko Widodo", "PER", 0.5))
    assert [count for _, count in confident_sentences(low, min_score=0.9)] == [0]  # only the second sentence
    half = doc(Entity("oko Widodo", "PER", TEXT.index("oko"), TEXT.index("oko") + 10, 0.99, "model"))
    assert [count for _, count in confident_sentences(half, min_score=0.9)] == [0]
