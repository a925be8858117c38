"""Training data of the tagger: file copies, case copies and the dev union with its weights."""
import argparse
import json

import pytest

from ner_id.training.ner import DEV_FILES, TRAIN_FILES, balanced, build_data, parse_repeat


def sentence(word, tag="B-PER"):
    return [(word, tag), ("tiba", "O")]


def write_conll(path, sentences):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join("".join(f"{t}\t{tag}\n" for t, tag in s) + "\n" for s in sentences), encoding="utf-8")


@pytest.fixture
def data(tmp_path):
    for i, rel in enumerate(TRAIN_FILES):
        write_conll(tmp_path / rel, [sentence(f"Nama{i}")])
    # dev: 4 entities in the first split, 1 in the second, 2 in the third
    write_conll(tmp_path / DEV_FILES[0], [[("Ani", "B-PER"), ("Budi", "B-PER")], [("Cici", "B-PER"), ("Dodi", "B-PER")]])
    write_conll(tmp_path / DEV_FILES[1], [[("Eka", "B-LOC"), ("ke", "O")]])
    write_conll(tmp_path / DEV_FILES[2], [[("Fani", "B-ORG")], [("Gita", "B-ORG")]])
    return tmp_path


def options(**kw):
    base = dict(seed=1, lower=0.0, upper=0.0, silver=0.0, extra=[], repeat=[], balance_dev=False)
    return argparse.Namespace(**{**base, **kw})


def words(path):
    return sorted(s[0]["text"] for s in json.loads(path.read_text(encoding="utf-8")))


def test_each_training_file_once_and_dev_as_read(data, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    gold = build_data(data, work, options())
    assert sorted(s[0][0] for s in gold) == ["Nama0", "Nama1", "Nama2", "Nama3"]
    assert words(work / "train.json") == words(work / "gold.json") == ["Nama0", "Nama1", "Nama2", "Nama3"]
    assert words(work / "dev.json") == ["Ani", "Cici", "Eka", "Fani", "Gita"]


def test_repeat_copies_a_file_after_its_case_copies(data, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    gold = build_data(data, work, options(lower=1.0, repeat=["ner/nergrit/train.tsv=3"]))
    names = sorted(s[0][0] for s in gold)
    # nergrit (cased): sentence + lower-cased copy, three times; nerp is not case-copied
    assert names == ["Nama0"] * 3 + ["Nama1", "Nama2", "Nama3"] + ["nama0"] * 3 + ["nama1", "nama3"]


def test_balance_dev_weighs_each_split_by_its_entities(data, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    build_data(data, work, options(balance_dev=True))
    # 4, 1 and 2 entities: the second split four times, the third twice
    assert words(work / "dev.json") == ["Ani", "Cici", "Eka", "Eka", "Eka", "Eka", "Fani", "Fani", "Gita", "Gita"]


def test_balanced_keeps_a_split_without_entities_once():
    assert balanced([[sentence("A")], [[("x", "O")]]]) == [sentence("A"), [("x", "O")]]


@pytest.mark.parametrize("value", ["ner/nergrit/train.tsv", "ner/nergrit/train.tsv=0", "ner/nergrit/train.tsv=x",
                                   "ner/nergrit/test.tsv=2", "=2"])
def test_repeat_rejects_what_it_cannot_read(value):
    with pytest.raises(SystemExit, match=r"--repeat expects FILE=N with FILE one of ner/nergrit/train.tsv, .* got "):
        parse_repeat([value])


def test_repeat_reads_several_files():
    assert parse_repeat(["ner/nerui/train.tsv=2", "ner/nerp/train.tsv=1"]) == {"ner/nerui/train.tsv": 2, "ner/nerp/train.tsv": 1}
