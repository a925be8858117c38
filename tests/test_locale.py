"""Files are UTF-8 whatever the locale: CoNLL gold and the index's JSONL read under an ASCII locale."""
import json

from conftest import run_in_ascii_locale


def test_conll_and_extract_output_are_read_as_utf8_under_an_ascii_locale(tmp_path):
    gold, extract = tmp_path / "gold.tsv", tmp_path / "out.jsonl"
    gold.write_text("Ñoman\tB-PER\nke\tO\nBéli\tB-LOC\n", encoding="utf-8")
    extract.write_text(json.dumps({"id": "d1", "entities": [{"text": "Ñoman", "label": "PER", "start": 0, "end": 5}]},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    code = ("import json, sys; from ner_id.conll import read_conll; from ner_id.index import read_extract; "
            "print(json.dumps([read_conll(sys.argv[1]), list(read_extract(sys.argv[2])())]))")
    conll, records = json.loads(run_in_ascii_locale("-c", code, str(gold), str(extract)).stdout)
    assert conll == [[["Ñoman", "B-PER"], ["ke", "O"], ["Béli", "B-LOC"]]]
    assert records[0]["entities"][0]["text"] == "Ñoman"
