from ner_id.merge import Candidate, merge

TEXT = "Presiden Joko Widodo ke Amerika Serikat dan Bali"


def span(word, label, score=0.9, canonical=None, kb_id=None):
    start = TEXT.index(word)
    return Candidate(start, start + len(word), label, score, canonical, kb_id)


def test_agreement_links_the_model_span():
    [e] = merge(TEXT, [span("Amerika Serikat", "LOC", 0.7)], [span("Amerika Serikat", "LOC", 1.0, "Amerika Serikat", "iso3166:US")])
    assert (e.source, e.kb_id, e.score) == ("model+gazetteer", "iso3166:US", 1.0)


def test_model_boundaries_win_on_overlap():
    [e] = merge(TEXT, [span("Presiden Joko Widodo", "PER")], [span("Joko", "PER", 1.0)])
    assert (e.text, e.source) == ("Presiden Joko Widodo", "model")


def test_gazetteer_only_matches_are_added_by_label():
    gaz = [span("Bali", "LOC", 1.0, "Bali", "island:bali"), span("Joko", "PER", 1.0)]
    entities = merge(TEXT, [], gaz)
    assert [(e.text, e.source) for e in entities] == [("Bali", "gazetteer")]
    assert [e.text for e in merge(TEXT, [], gaz, add_labels={"PER", "LOC"})] == ["Joko", "Bali"]
