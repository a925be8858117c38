from conftest import FIXTURES
from ner_id.conll import map_tag, read_conll, spans
from ner_id.evaluate import gold_spans, main, score


def test_label_mapping_and_bio_repair():
    assert [map_tag(t) for t in ["B-PERSON", "I-PLACE", "B-IND", "B-EVT", "O", "I-ORGANIZATION"]] == \
        ["B-PER", "I-LOC", "B-ORG", "O", "O", "I-ORG"]
    sentences = read_conll(FIXTURES / "ner.tsv")
    assert sentences[1][0] == ("Kemarin", "O")
    assert spans([t for _, t in sentences[0]]) == [(0, 2, "PER"), (4, 5, "LOC"), (7, 8, "ORG")]


def test_gold_spans_are_character_offsets():
    text, gold = gold_spans([("Zhao", "B-PER"), ("Kezhi", "I-PER"), ("ke", "O"), ("Dushanbe", "B-LOC")])
    assert text == "Zhao Kezhi ke Dushanbe"
    assert gold == {(0, 10, "PER"), (14, 22, "LOC")}


def test_score_through_the_pipeline(gazetteer_nlp):
    table = score(gazetteer_nlp, read_conll(FIXTURES / "ner.tsv"))
    # the gazetteer finds Dushanbe, SCO, Jakarta and AS but no people
    assert table["PER"]["tp"] == 0 and table["PER"]["gold"] == 2
    assert table["LOC"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "pred": 3, "gold": 3}
    assert table["micro"]["gold"] == 6


def test_cli_prints_a_table(capsys):
    assert main([str(FIXTURES / "ner.tsv"), "--no-model"]) == 0
    out = capsys.readouterr().out
    assert "micro" in out and "LOC" in out
    assert main([str(FIXTURES / "missing.tsv"), "--no-model"]) == 2


def test_ner_id_evaluate_is_the_same_command(capsys):
    from ner_id.cli import main as cli_main

    args = [str(FIXTURES / "ner.tsv"), "--no-model", "--json"]
    assert main(args) == 0
    direct = capsys.readouterr().out
    assert cli_main(["evaluate", *args]) == 0
    assert capsys.readouterr().out == direct and '"micro"' in direct
