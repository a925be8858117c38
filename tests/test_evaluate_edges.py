"""Evaluation at its edges: P / R / F1 with zero counts, spans at the start and end of a sentence, the
printed table and JSON, and the exit code of each file error."""
import json

import pytest

from ner_id.evaluate import _prf, format_table, gold_spans, main, score


@pytest.mark.parametrize("counts,expected", [
    ((0, 0, 0), (0.0, 0.0, 0.0)), ((0, 3, 0), (0.0, 0.0, 0.0)), ((0, 0, 3), (0.0, 0.0, 0.0)),
    ((2, 4, 2), (0.5, 1.0, 0.6667)), ((1, 3, 2), (0.3333, 0.5, 0.4)), ((1, 2, 3), (0.5, 0.3333, 0.4)),
    ((3, 3, 3), (1.0, 1.0, 1.0))])
def test_prf(counts, expected):
    tp, pred, gold = counts
    row = _prf(tp, pred, gold)
    assert (row["precision"], row["recall"], row["f1"]) == expected
    assert (row["tp"], row["pred"], row["gold"]) == counts


def test_gold_spans_at_both_ends_and_labels_outside_the_three():
    text, gold = gold_spans([("Jakarta", "B-LOC"), ("dan", "O"), ("Pekan", "B-EVT"), ("Raya", "I-EVT"),
                             ("Komisi", "B-ORG"), ("Yudisial", "I-ORG")])
    assert text == "Jakarta dan Pekan Raya Komisi Yudisial"
    assert gold == {(0, 7, "LOC"), (23, 38, "ORG")}
    assert gold_spans([]) == ("", set())


def test_score_counts_a_wrong_label_and_a_wrong_span_as_both_errors(gazetteer_nlp):
    sentences = [[("Ia", "O"), ("ke", "O"), ("Bandung", "B-ORG"), (".", "O")],       # right span, wrong label
                 [("Kota", "B-LOC"), ("Bandung", "I-LOC"), ("lagi", "O")],          # tagger finds only "Bandung"?
                 [("Surabaya", "B-LOC")], [("tanpa", "O"), ("nama", "O")]]
    table = score(gazetteer_nlp, sentences)
    # the gazetteers find "Bandung" (a place, gold says ORG), "Kota Bandung" whole and "Surabaya"
    assert {label: table[label]["pred"] for label in ("PER", "LOC", "ORG")} == {"PER": 0, "LOC": 3, "ORG": 0}
    assert table["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 1}
    assert table["LOC"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "tp": 2, "pred": 3, "gold": 2}
    assert (table["micro"]["tp"], table["micro"]["pred"], table["micro"]["gold"]) == (2, 3, 3)
    assert list(table) == ["PER", "LOC", "ORG", "micro"]


def test_format_table_rows():
    table = {"PER": _prf(1, 2, 4), "micro": _prf(0, 0, 0)}
    assert format_table("dev.tsv", table).splitlines() == [
        "dev.tsv", "label        P       R      F1   gold", "PER     0.5000  0.2500  0.3333      4",
        "micro   0.0000  0.0000  0.0000      0"]


def test_cli_json_tables_and_file_errors(tmp_path, capsys):
    good = tmp_path / "good.tsv"
    good.write_text("Surabaya\tB-LOC\nramai\tO\n\nBudi\tB-PER\n", encoding="utf-8")
    assert main([str(good), "--no-model", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == [str(good)]
    assert result[str(good)]["LOC"]["tp"] == 1 and result[str(good)]["PER"]["gold"] == 1
    other = tmp_path / "other.tsv"
    other.write_text("Budi\tB-PER\n", encoding="utf-8")
    assert main([str(good), str(other), "--no-model"]) == 0
    out = capsys.readouterr().out
    assert out.split("\n\n")[1].splitlines()[0] == str(other) and out.splitlines()[0] == str(good)
    bad = tmp_path / "bad.tsv"
    bad.write_text("Budi\n", encoding="utf-8")
    assert main([str(good), str(bad), "--no-model"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ner-id evaluate: error: ") and "bad.tsv:1: expected" in err
    assert main([str(tmp_path / "missing.tsv"), "--no-model"]) == 2
    assert "ner-id evaluate: error: " in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["--no-model"])
    assert usage.value.code == 2


def test_model_only_without_a_model_finds_nothing_and_the_options_and_usage(tmp_path, capsys):
    good = tmp_path / "good.tsv"
    good.write_text("Surabaya\tB-LOC\nramai\tO\n", encoding="utf-8")
    assert main([str(good), "--no-model", "--model-only", "--json"]) == 0  # no gazetteers either
    out = capsys.readouterr().out
    assert out.startswith('{\n  "') and json.loads(out)[str(good)]["micro"]["pred"] == 0
    assert main([str(good), "--no-model", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[str(good)]["micro"]["pred"] == 1
    with pytest.raises(SystemExit) as helped:
        main(["--help"])
    assert helped.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("usage: ner-id evaluate") and "Entity-level exact-span P / R / F1" in help_text


def test_jsonl_gold_reads_every_record_after_blank_lines_with_spans_at_the_texts_bounds(tmp_path):
    from ner_id.evaluate import read_jsonl_gold

    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Jokowi di Solo", "entities": [[0, 6, "PER"], [10, 14, "LOC"], [0, 14, "MISC"]]}),
        "", "   ",
        json.dumps({"text": "Tidak ada."}),  # no entities key: a document without entities
        json.dumps({"text": "Rupiah", "entities": [[0, 6, "ORG"]]}),
    ]) + "\n", encoding="utf-8")
    assert read_jsonl_gold(path) == [("Jokowi di Solo", {(0, 6, "PER"), (10, 14, "LOC")}), ("Tidak ada.", set()),
                                     ("Rupiah", {(0, 6, "ORG")})]



@pytest.mark.parametrize("span, others, overlaps", [
    ((5, 10, "PER"), {(0, 6, "PER")}, True),     # one character in common
    ((5, 10, "PER"), {(9, 20, "PER")}, True),
    ((5, 10, "PER"), {(0, 5, "PER")}, False),    # touching is not overlapping
    ((5, 10, "PER"), {(10, 12, "PER")}, False),
    ((5, 10, "PER"), {(5, 10, "LOC")}, False),   # another label
    ((5, 10, "PER"), {(0, 2, "PER"), (6, 7, "PER")}, True),
    ((5, 10, "PER"), set(), False),
])
def test_overlap_needs_the_same_label_and_a_character_in_common(span, others, overlaps):
    from ner_id.evaluate import _overlaps

    assert _overlaps(span, others) is overlaps


def test_overlap_precision_and_recall_are_rounded_and_zero_without_spans(gazetteer_nlp):
    from ner_id.evaluate import score_documents

    text = "Warga Bandung, Surabaya dan Medan."
    gold = {(6, 13, "LOC"), (0, 5, "PER"), (28, 33, "ORG")}  # Bandung exact; Warga and Medan not found as such
    micro = score_documents(gazetteer_nlp, [(text, gold)])["micro"]
    assert (micro["tp"], micro["pred"], micro["gold"]) == (1, 3, 3)
    assert (micro["overlap_precision"], micro["overlap_recall"]) == (0.3333, 0.3333)
    empty = score_documents(gazetteer_nlp, [("Tidak ada nama.", set())])["micro"]
    assert (empty["overlap_precision"], empty["overlap_recall"]) == (0.0, 0.0)
