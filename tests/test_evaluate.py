import json

import pytest

import ner_id
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
    assert capsys.readouterr().out.splitlines() == [
        str(FIXTURES / "ner.tsv"), "label        P       R      F1   gold",
        "PER     0.0000  0.0000  0.0000      2",  # the gazetteers know no people
        "LOC     1.0000  1.0000  1.0000      3", "ORG     1.0000  1.0000  1.0000      1",
        "micro   1.0000  0.6667  0.8000      6", "overlap P 1.0000  R 0.6667"]
    assert main([str(FIXTURES / "missing.tsv"), "--no-model"]) == 2


def test_ner_id_evaluate_is_the_same_command(capsys):
    from ner_id.cli import main as cli_main

    args = [str(FIXTURES / "ner.tsv"), "--no-model", "--json"]
    assert main(args) == 0
    direct = capsys.readouterr().out
    assert cli_main(["evaluate", *args]) == 0
    assert capsys.readouterr().out == direct and '"micro"' in direct


def test_jsonl_gold_with_character_spans(tmp_path, gazetteer_nlp):
    from ner_id.evaluate import read_gold, score_documents

    text = "Delegasi SCO tiba di Dushanbe.\n\nWarga Jakarta menyambut Zhao Kezhi."
    path = tmp_path / "gold.jsonl"
    records = [{"id": "a", "text": text, "entities": [[9, 12, "ORG"], [21, 29, "LOC"], [38, 45, "LOC"],
                                                      [56, 66, "PER"], [0, 8, "MISC"]]}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    [(read_text, gold)] = read_gold(path)
    assert read_text == text and gold == {(9, 12, "ORG"), (21, 29, "LOC"), (38, 45, "LOC"), (56, 66, "PER")}
    table = score_documents(gazetteer_nlp, read_gold(path))
    # the gazetteer finds SCO, Dushanbe and Jakarta, not the person
    assert table["micro"] == {"precision": 1.0, "recall": 0.75, "f1": 0.8571, "tp": 3, "pred": 3, "gold": 4,
                              "overlap_precision": 1.0, "overlap_recall": 0.75}


@pytest.mark.parametrize("line, message", [
    ("{not json", r"bad\.jsonl:2: invalid JSON"),
    ('{"text": 3, "entities": []}', r"bad\.jsonl:2: expected an object with a string 'text'"),
    ('{"text": "abc", "entities": [[1, 9, "PER"]]}', r"bad\.jsonl:2: entity \[1, 9, 'PER'\] is not \[start, end, label\]"),
    ('{"text": "abc", "entities": [[2, 1, "PER"]]}', r"bad\.jsonl:2: entity"),
    ('["Jokowi", []]', r"bad\.jsonl:2: expected an object with a string 'text' and a list 'entities'$"),
    ('{"text": "abc", "entities": null}', r"bad\.jsonl:2: expected an object with a string 'text' and a list 'entities'$"),
    ('{"text": "abc", "entities": [[1, 1, "PER"]]}', r"bad\.jsonl:2: entity \[1, 1, 'PER'\] is not \[start, end, label\] inside"),
    ('{"text": "abc", "entities": [[0, 4, "PER"]]}', r"bad\.jsonl:2: entity \[0, 4, 'PER'\] is not \[start, end, label\] inside"),
    ('{"text": "abc", "entities": [[-1, 2, "PER"]]}', r"bad\.jsonl:2: entity \[-1, 2, 'PER'\] is not"),
    ('{"text": "abc", "entities": [[0, 2]]}', r"bad\.jsonl:2: entity \[0, 2\] is not"),
    ('{"text": "abc", "entities": [[0, 2, 5]]}', r"bad\.jsonl:2: entity \[0, 2, 5\] is not"),
    ('{"text": "abc", "entities": [[0.0, 2, "PER"]]}', r"bad\.jsonl:2: entity \[0.0, 2, 'PER'\] is not"),
])
def test_a_bad_jsonl_record_names_its_line(tmp_path, line, message):
    from ner_id.evaluate import read_gold

    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "entities": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_gold(path)


def test_overlap_scores_count_wrong_extents(gazetteer_nlp):
    from ner_id.evaluate import score_documents

    text = "Rapat di Kota Dushanbe kemarin."  # gold "Kota Dushanbe", the gazetteer finds "Dushanbe"
    table = score_documents(gazetteer_nlp, [(text, {(9, 22, "LOC")})])
    assert (table["micro"]["tp"], table["micro"]["overlap_precision"], table["micro"]["overlap_recall"]) == (0, 1.0, 1.0)


def spied_load(monkeypatch) -> dict:
    """The options ``ner_id.load`` gets from now on (it still loads)."""
    seen: dict = {}
    real = ner_id.load

    def spy(**options):
        seen.update(options)
        return real(**options)

    monkeypatch.setattr(ner_id, "load", spy)
    return seen


def test_corpus_convention_drops_the_news_convention_rules_and_gazetteers(monkeypatch, capsys):
    from ner_id.rules import CORPUS_RULES

    seen = spied_load(monkeypatch)
    assert main([str(FIXTURES / "ner.tsv"), "--no-model", "--convention", "corpus", "--json"]) == 0
    assert '"micro"' in capsys.readouterr().out
    assert seen["rules"] == CORPUS_RULES and seen["default_gazetteers"] is False
    assert [p for p in seen["gazetteers"] if p.endswith("35_regional_bodies.jsonl")] == []
    assert any(p.endswith("21_government.jsonl") for p in seen["gazetteers"])


def test_model_only_scores_the_merged_spans_without_grouping_or_rules(tmp_path, monkeypatch):
    seen = spied_load(monkeypatch)
    good = tmp_path / "good.tsv"
    good.write_text("Surabaya\tB-LOC\n", encoding="utf-8")
    assert main([str(good), "--no-model", "--model-only", "--json"]) == 0
    assert seen == {"model": None, "topic_model": None, "keyphrases": False, "default_gazetteers": False,
                    "group": False, "rules": ()}
