"""PipelineConfig at its bounds: each option's accepted and rejected values, and the plain dict it gives."""
import pytest

from ner_id.config import DEFAULT_MAX_LENGTH, PipelineConfig, check_threads
from ner_id.rules import DEFAULT_RULES, RULES
from ner_id.topics import TopicClassifier


@pytest.mark.parametrize("model,kept", [(True, "default"), (False, None), (None, None), ("fast", "fast"),
                                        ("default", "default")])
def test_model_values(model, kept):
    assert PipelineConfig(model=model).model == kept


@pytest.mark.parametrize("model", ["Fast", "", "large", 1])
def test_unknown_models_are_rejected(model):
    with pytest.raises(ValueError, match="model must be one of"):
        PipelineConfig(model=model)


@pytest.mark.parametrize("threads,ok", [(None, True), (1, True), (64, True), (0, False), (-1, False), (True, False),
                                        (1.0, False), ("2", False)])
def test_threads_bounds(threads, ok):
    if ok:
        check_threads(threads)
        assert PipelineConfig(threads=threads).threads == threads
    else:
        with pytest.raises(ValueError, match=r"threads must be a positive int or None, got"):
            PipelineConfig(threads=threads)


@pytest.mark.parametrize("length,ok", [(1, True), (DEFAULT_MAX_LENGTH, True), (0, False), (-5, False), (True, False),
                                       (10.0, False), (None, False)])
def test_max_length_bounds(length, ok):
    if ok:
        assert PipelineConfig(max_length=length).max_length == length
    else:
        with pytest.raises(ValueError, match="max_length must be a positive int"):
            PipelineConfig(max_length=length)


def test_labels_accept_one_label_a_collection_and_reject_others():
    config = PipelineConfig(add_labels="PER", override_labels=["LOC", "ORG", "LOC"])
    assert config.add_labels == frozenset({"PER"}) and config.override_labels == frozenset({"LOC", "ORG"})
    assert PipelineConfig(add_labels=()).add_labels == frozenset()
    with pytest.raises(ValueError, match=r"add_labels must be a subset of \['PER', 'LOC', 'ORG'\], got \['GPE'\]"):
        PipelineConfig(add_labels=["GPE"])
    with pytest.raises(ValueError, match="override_labels"):
        PipelineConfig(override_labels="per")
    with pytest.raises(TypeError, match="add_labels must be a collection of labels, got int"):
        PipelineConfig(add_labels=3)


def test_rules_one_name_a_list_or_none_and_unknown_names():
    name = next(iter(RULES))
    assert PipelineConfig(rules=name).rules == (name,)
    assert PipelineConfig(rules=[]).rules == () and PipelineConfig().rules == DEFAULT_RULES
    with pytest.raises(ValueError, match=r"unknown rules \['nope'\]"):
        PipelineConfig(rules=[name, "nope"])
    with pytest.raises(TypeError, match="rules must be a collection"):
        PipelineConfig(rules=5)


def test_gazetteers_one_path_or_several_as_strings(tmp_path):
    assert PipelineConfig(gazetteers=tmp_path / "a.tsv").gazetteers == (str(tmp_path / "a.tsv"),)
    assert PipelineConfig(gazetteers="b.jsonl").gazetteers == ("b.jsonl",)
    assert PipelineConfig(gazetteers=["a", tmp_path]).gazetteers == ("a", str(tmp_path))


def test_topic_model_values():
    clf = TopicClassifier().fit(["bola gol", "saham laba"], ["sport", "economy"])
    assert PipelineConfig(topic_model=clf).topic_model is clf
    assert PipelineConfig(topic_model=None).topic_model is None
    with pytest.raises(ValueError, match="topic_model must be 'default', a TopicClassifier or None, got 'mine'"):
        PipelineConfig(topic_model="mine")
    with pytest.raises(TypeError, match="^topic_model must be 'default', a TopicClassifier or None, got dict$"):
        PipelineConfig(topic_model={})


def test_to_dict_is_plain_and_sorted():
    clf = TopicClassifier().fit(["bola gol", "saham laba"], ["sport", "economy"])
    config = PipelineConfig(model="fast", gazetteers=["g.tsv"], add_labels=["ORG", "LOC"], override_labels="PER",
                            topic_model=clf, keyphrases=False, rules=(), threads=None, max_length=9, fuzzy=False,
                            group=False, default_gazetteers=False)
    assert config.to_dict() == {"model": "fast", "gazetteers": ["g.tsv"], "default_gazetteers": False, "fuzzy": False,
                                "add_labels": ["LOC", "ORG"], "override_labels": ["PER"], "group": False,
                                "topic_model": "custom", "keyphrases": False, "rules": [], "threads": None,
                                "max_length": 9, "backend": "onnx"}
    assert PipelineConfig().to_dict()["topic_model"] == "default"
    assert PipelineConfig(topic_model=None).to_dict()["topic_model"] is None


def test_labels_may_be_all_three_and_nothing_else():
    assert PipelineConfig(add_labels=("PER", "LOC", "ORG")).add_labels == {"PER", "LOC", "ORG"}
    assert PipelineConfig(override_labels="LOC").override_labels == {"LOC"}
    with pytest.raises(ValueError, match=r"^add_labels must be a subset of \['PER', 'LOC', 'ORG'\], got \['MISC'\]$"):
        PipelineConfig(add_labels=["MISC"])


def test_an_unknown_backend_is_named_with_the_known_ones():
    with pytest.raises(ValueError, match=r"^backend must be one of \['onnx', 'stanza'\], got 'torch'$"):
        PipelineConfig(backend="torch")
