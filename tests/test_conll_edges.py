"""CoNLL reading and BIO/BIOES spans at their edges: label mapping, repairs, separators, bad lines."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ner_id.conll import LABEL_MAP, _repair_bio, map_tag, read_conll, spans
from ner_id.lexicon import is_acronym


@pytest.mark.parametrize("tag,mapped", [
    ("O", "O"), ("B-PERSON", "B-PER"), ("i-person", "I-PER"), ("E-GPE", "E-LOC"), ("S-IND", "S-ORG"),
    ("B-ORGANIZATION", "B-ORG"), ("B-ORGANISATION", "B-ORG"), ("B-PLC", "B-LOC"), ("B-PPL", "B-PER"),
    ("B-EVT", "O"), ("X-PER", "O"), ("PER", "O"), ("B-", "O"), ("-PER", "O"), ("B-PER-X", "O")])
def test_map_tag(tag, mapped):
    assert map_tag(tag) == mapped


def test_label_map_targets_are_the_three_labels():
    assert set(LABEL_MAP.values()) == {"PER", "LOC", "ORG"} and len(LABEL_MAP) == 12


def test_read_conll_sentences_separators_and_repairs(tmp_path):
    path = tmp_path / "c.conll"
    path.write_text("Joko\tB-PERSON\nWidodo\tI-PERSON\nke\tO\r\nJawa I-GPE\nTengah  I-GPE\n\n\n   \n"
                    "Rapat\tB-EVT\nKPK\tI-ORG\nKPK\tI-ORG\ndi extra\tI-LOC\n", encoding="utf-8")
    assert read_conll(path) == [
        [("Joko", "B-PER"), ("Widodo", "I-PER"), ("ke", "O"), ("Jawa", "B-LOC"), ("Tengah", "I-LOC")],
        [("Rapat", "O"), ("KPK", "B-ORG"), ("KPK", "I-ORG"), ("di extra", "B-LOC")]]


def test_trailing_whitespace_and_extra_columns_keep_the_last_column_as_tag(tmp_path):
    path = tmp_path / "c.conll"
    path.write_text("Joko\tNNP\tB-PER \nWidodo\tNNP\tI-PER\t\nke IN O  \nSolo NNP B-LOC\n", encoding="utf-8")
    assert read_conll(path) == [[("Joko", "B-PER"), ("Widodo", "I-PER"), ("ke", "O"), ("Solo", "B-LOC")]]


def test_read_conll_without_a_final_blank_line_and_empty_file(tmp_path):
    path = tmp_path / "c.conll"
    path.write_text("Bandung\tB-LOC", encoding="utf-8")
    assert read_conll(path) == [[("Bandung", "B-LOC")]]
    path.write_text("\n\n", encoding="utf-8")
    assert read_conll(path) == []


def test_read_conll_names_the_bad_line(tmp_path):
    path = tmp_path / "c.conll"
    path.write_text("Joko\tB-PER\n\nsendiri\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.conll:3: expected 'token<TAB>tag', got 'sendiri'$"):
        read_conll(path)


def test_repair_bio_starts_an_entity_where_i_does_not_continue_one():
    assert _repair_bio([("a", "I-PER"), ("b", "I-PER"), ("c", "I-LOC"), ("d", "O"), ("e", "I-LOC"), ("f", "B-LOC"),
                        ("g", "I-LOC")]) == [("a", "B-PER"), ("b", "I-PER"), ("c", "B-LOC"), ("d", "O"), ("e", "B-LOC"),
                                             ("f", "B-LOC"), ("g", "I-LOC")]


@pytest.mark.parametrize("tags,expected", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["S-PER", "B-LOC", "E-LOC", "S-ORG"], [(0, 1, "PER"), (1, 3, "LOC"), (3, 4, "ORG")]),
    (["B-PER", "I-LOC", "E-LOC"], [(0, 1, "PER"), (1, 3, "LOC")]),
    (["I-PER", "I-PER"], [(0, 2, "PER")]),
    (["E-PER"], [(0, 1, "PER")]),
    (["S-PER", "I-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["S-PER", "E-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["B-ORG", "I-ORG", "E-ORG", "I-ORG"], [(0, 3, "ORG"), (3, 4, "ORG")]),
    (["B-NE-X", "I-NE-X"], [(0, 2, "NE-X")]),  # the label is all after the first "-"
    (["O", "O"], []), ([], [])])
def test_spans(tags, expected):
    assert spans(tags) == expected


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "S-ORG"]), max_size=12))
def test_spans_are_ordered_disjoint_and_cover_every_entity_tag(tags):
    found = spans(tags)
    covered = [i for start, end, _ in found for i in range(start, end)]
    assert covered == sorted(set(covered))
    assert set(covered) == {i for i, t in enumerate(tags) if t != "O"}
    for start, end, label in found:
        assert 0 <= start < end <= len(tags) and all(t.endswith(label) for t in tags[start:end])


@pytest.mark.parametrize("word,acronym", [("KPK", True), ("PDI-P", True), ("G20", True), ("U.S.A.", True),
                                          ("AB", True), ("A", False), ("ABCDEFGHIJ", True), ("ABCDEFGHIJK", False),
                                          ("Kpk", False), ("20", False), ("K P", False), ("", False), ("--", False)])
def test_is_acronym_bounds(word, acronym):
    assert is_acronym(word) is acronym
