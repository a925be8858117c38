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
    assert [(e.text, e.source, e.canonical, e.kb_id, e.score) for e in entities] == [
        ("Bali", "gazetteer", "Bali", "island:bali", 1.0)]
    assert [e.text for e in merge(TEXT, [], gaz, add_labels={"PER", "LOC"})] == ["Joko", "Bali"]


def test_label_disagreement_keeps_the_model_label_unless_overridden_or_fuzzy():
    model = [span("Bali", "ORG", 0.6)]
    [kept] = merge(TEXT, model, [span("Bali", "LOC", 1.0, "Bali", "island:bali")])
    assert (kept.label, kept.source, kept.canonical, kept.kb_id, kept.score) == ("ORG", "model+gazetteer", None, None, 0.6)
    [over] = merge(TEXT, model, [span("Bali", "LOC", 1.0, "Bali", "island:bali")], override_labels={"LOC"})
    assert (over.label, over.canonical, over.kb_id, over.score) == ("LOC", "Bali", "island:bali", 1.0)
    [fuzzy] = merge(TEXT, model, [span("Bali", "LOC", 0.91234, "Bali", "island:bali")])
    assert (fuzzy.label, fuzzy.kb_id, fuzzy.score) == ("LOC", "island:bali", 0.9123)  # the better score, rounded
    [sure] = merge(TEXT, [span("Bali", "ORG", 0.97)], [span("Bali", "LOC", 0.91234, "Bali", "island:bali")])
    assert (sure.label, sure.kb_id, sure.score) == ("LOC", "island:bali", 0.97)  # the model's, when better
    [other] = merge(TEXT, model, [span("Bali", "LOC", 1.0)], override_labels={"PER"})
    assert other.label == "ORG"


def test_gazetteer_matches_next_to_model_spans_are_added_and_overlapping_ones_not():
    start = TEXT.index("Amerika")
    model = [Candidate(start + 8, start + 15, "LOC", 0.8)]  # "Serikat"
    before = Candidate(start, start + 8, "LOC", 1.0)  # "Amerika ": ends where the model span starts
    touching = Candidate(start + 15, start + 19, "LOC", 1.0)  # " dan": starts where the model span ends
    inside = Candidate(start + 9, start + 12, "LOC", 1.0)
    across = Candidate(start + 14, start + 19, "LOC", 1.0)
    got = merge(TEXT, model, [before, touching, inside, across])
    assert [(e.start, e.end, e.source) for e in got] == [
        (start, start + 8, "gazetteer"), (start + 8, start + 15, "model"), (start + 15, start + 19, "gazetteer")]
    assert merge(TEXT, model, [before], add_labels=()) == merge(TEXT, model, [])


def test_merged_entities_are_sorted_by_start_then_end_whatever_the_input_order():
    model = [span("Bali", "LOC"), span("Joko Widodo", "PER"), span("Presiden", "PER")]
    gazetteer = [span("Amerika Serikat", "LOC", 1.0)]
    assert [e.text for e in merge(TEXT, model, gazetteer)] == ["Presiden", "Joko Widodo", "Amerika Serikat", "Bali"]
    assert [e.score for e in merge(TEXT, [span("Bali", "LOC", 0.123456)], [])] == [0.1235]


def test_a_longer_gazetteer_name_holding_model_spans_wins():
    text = "Kader Partai Golkar dan Tentara Nasional Indonesia hadir bersama Wali Kota Bandung."

    def at(surface, label, score=1.0, kb_id=None):
        start = text.index(surface)
        return Candidate(start, start + len(surface), label, score, surface, kb_id)

    model = [at("Golkar", "ORG", 0.8), at("Indonesia", "LOC", 0.9), at("Bandung", "LOC", 0.7)]
    gazetteer = [at("Partai Golkar", "ORG", kb_id="org:party-golkar"), at("Tentara Nasional Indonesia", "ORG", kb_id="org:id-tni"),
                 at("Kota Bandung", "LOC", kb_id="kemendagri:32.73")]
    got = [(e.text, e.label, e.source, e.kb_id, e.score) for e in merge(text, model, gazetteer)]
    assert got == [("Partai Golkar", "ORG", "model+gazetteer", "org:party-golkar", 1.0),
                   ("Tentara Nasional Indonesia", "ORG", "model+gazetteer", "org:id-tni", 1.0),
                   ("Bandung", "LOC", "model", None, 0.7)]  # "Wali Kota X": the title stays outside
    crossing = [at("Golkar dan", "ORG", 0.8)]  # a model span crossing the name's end: the model's span stays
    assert [e.text for e in merge(text, crossing, gazetteer[:1])] == ["Golkar dan"]
    fuzzy = [at("Partai Golkar", "ORG", 0.9)]  # only exact matches replace
    assert [e.text for e in merge(text, model[:1], fuzzy)] == ["Golkar"]
    # a fuzzy or skipped gazetteer match before it does not stop the search
    assert [e.text for e in merge(text, model, [*fuzzy, gazetteer[2], *gazetteer[:2]])] == [
        "Partai Golkar", "Tentara Nasional Indonesia", "Bandung"]
    before = [at("Kader Partai", "ORG", 0.8), at("Golkar", "ORG", 0.8)]  # the span before crosses the name's start
    assert [e.text for e in merge(text, before, gazetteer[:1])] == ["Kader Partai", "Golkar"]
