"""The ONNX backend's model-free parts: numpy Viterbi, singleton-tag repair and the torch-file reader."""
import io
import itertools
import pickle
import zipfile
from collections import OrderedDict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ner_id import torchfile
from ner_id.decode import fix_singleton_tags, viterbi


def brute_force(scores: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The highest-scoring tag path of one sentence, by trying every path."""
    tags = scores.shape[1]
    best = max(itertools.product(range(tags), repeat=len(scores)),
               key=lambda path: scores[0, path[0]] + sum(transitions[a, b] + scores[t + 1, b]
                                                         for t, (a, b) in enumerate(zip(path, path[1:]))))
    return list(best)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.lists(st.integers(1, 4), min_size=1, max_size=4), st.integers(2, 4))
def test_viterbi_finds_each_sentences_best_path_and_pads_with_zeros(seed, lengths, tags):
    rng = np.random.default_rng(seed)
    steps = max(lengths)
    scores = rng.normal(size=(len(lengths), steps, tags))
    transitions = rng.normal(size=(tags, tags))
    paths = viterbi(scores, np.array(lengths), transitions)
    assert paths.shape == (len(lengths), steps) and paths.dtype == np.int64
    for row, length in enumerate(lengths):
        assert list(paths[row, :length]) == brute_force(scores[row, :length], transitions)
        assert list(paths[row, length:]) == [0] * (steps - length)


def test_viterbi_weighs_transitions_against_emissions():
    # emissions alone pick 1 then 0; the transition 1 -> 0 costs more than staying on 1 loses
    scores = np.array([[[0.0, 1.0], [0.5, 0.0]]])
    transitions = np.array([[0.0, 0.0], [-2.0, 0.0]])
    assert viterbi(scores, np.array([2]), transitions).tolist() == [[1, 1]]
    assert viterbi(scores, np.array([2]), np.zeros((2, 2))).tolist() == [[1, 0]]
    # a padded row stops at its length: its last real token takes its own best tag
    batch = np.concatenate([scores, np.array([[[0.0, 3.0], [9.0, 0.0]]])])
    assert viterbi(batch, np.array([2, 1]), transitions).tolist() == [[1, 1], [1, 0]]


def test_viterbi_breaks_ties_on_the_first_tag():
    assert viterbi(np.zeros((2, 3, 4)), np.array([3, 2]), np.zeros((4, 4))).tolist() == [[0, 0, 0], [0, 0, 0]]
    # equal totals through tags 1 and 2 at the first step: the first (1) is kept on the way back
    scores = np.array([[[0.0, 1.0, 1.0], [0.0, 0.0, 0.0]]])
    assert viterbi(scores, np.array([2]), np.zeros((3, 3))).tolist() == [[1, 0]]


def test_viterbi_matches_stanzas_in_float32():
    crf = pytest.importorskip("stanza.models.common.crf")
    rng = np.random.default_rng(0)
    transitions = rng.normal(size=(17, 17)).astype(np.float32)
    lengths = np.array([9, 9, 5, 1], dtype=np.int64)
    scores = rng.normal(size=(4, 9, 17)).astype(np.float32)
    paths = viterbi(scores, lengths, transitions)
    for row, length in enumerate(lengths):
        assert list(paths[row, :length]) == list(crf.viterbi_decode(scores[row, :length], transitions)[0])


@pytest.mark.parametrize(("tags", "repaired"), [
    (["I-PER"], ["S-PER"]),
    (["B-PER"], ["S-PER"]),
    (["E-PER"], ["S-PER"]),
    (["O", "I-LOC", "O"], ["O", "S-LOC", "O"]),
    (["I-PER", "I-PER"], ["B-PER", "E-PER"]),
    (["I-PER", "I-PER", "I-PER"], ["B-PER", "I-PER", "E-PER"]),
    (["B-PER", "I-PER"], ["B-PER", "E-PER"]),
    (["I-PER", "E-PER"], ["B-PER", "E-PER"]),
    (["B-PER", "I-LOC", "E-PER"], ["S-PER", "S-LOC", "S-PER"]),
    (["B-ORG", "E-ORG", "E-ORG"], ["B-ORG", "E-ORG", "S-ORG"]),
    (["B-ORG", "B-ORG", "E-ORG"], ["S-ORG", "B-ORG", "E-ORG"]),
    (["S-LOC", "O", "B-LOC", "I-LOC", "E-LOC"], ["S-LOC", "O", "B-LOC", "I-LOC", "E-LOC"]),
    ([], []),
])
def test_singleton_repair(tags, repaired):
    original = list(tags)
    assert fix_singleton_tags(tags) == repaired
    assert tags == original  # the caller's list is left alone


def test_singleton_repair_agrees_with_stanzas():
    stanza_trainer = pytest.importorskip("stanza.models.ner.trainer")
    tags = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "I-ORG"]
    for sequence in itertools.chain.from_iterable(itertools.product(tags, repeat=n) for n in range(1, 4)):
        assert fix_singleton_tags(list(sequence)) == stanza_trainer.fix_singleton_tags(list(sequence)), sequence


def saved(value) -> bytes:
    torch = pytest.importorskip("torch")
    buffer = io.BytesIO()
    torch.save(value, buffer)
    return buffer.getvalue()


def test_torchfile_reads_tensors_of_every_dtype_views_and_containers():
    torch = pytest.importorskip("torch")
    grid = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    value = OrderedDict(grid=grid, transposed=grid.t(), tail=grid[1:, 1:],
                        scalar=torch.tensor(2.5, dtype=torch.float64), nested={"ids": [torch.tensor([1, -2]), "x", 3]})
    for dtype in (torch.float16, torch.int32, torch.int16, torch.int8, torch.uint8, torch.bool):
        value[str(dtype)] = torch.tensor([0, 1, 1], dtype=dtype)
    loaded = torchfile.load(saved(value))
    assert type(loaded) is OrderedDict and list(loaded) == list(value)
    assert loaded["grid"].tolist() == grid.tolist() and loaded["grid"].dtype == np.float32
    assert loaded["transposed"].tolist() == grid.t().tolist()
    assert loaded["tail"].tolist() == [[5.0, 6.0, 7.0], [9.0, 10.0, 11.0]]
    assert loaded["scalar"] == 2.5 and loaded["scalar"].dtype == np.float64 and loaded["scalar"].shape == ()
    ids, text, number = loaded["nested"]["ids"]
    assert ids.tolist() == [1, -2] and ids.dtype == np.int64 and (text, number) == ("x", 3)
    expected = {"torch.float16": np.float16, "torch.int32": np.int32, "torch.int16": np.int16, "torch.int8": np.int8,
                "torch.uint8": np.uint8, "torch.bool": np.bool_}
    for name, dtype in expected.items():
        assert loaded[name].dtype == dtype and loaded[name].tolist() == [0, 1, 1], name
    loaded["grid"][0, 0] = 99.0  # a writable copy, not a view into the file's bytes
    assert loaded["transposed"][0, 0] == 0.0


def test_torchfile_refuses_what_is_not_a_weights_file():
    with pytest.raises(zipfile.BadZipFile):
        torchfile.load(b"not a zip")
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("archive/other.txt", "x")
    with pytest.raises(ValueError, match="^not a torch.save zip file: no single data.pkl in it$"):
        torchfile.load(empty.getvalue())
    with pytest.raises(pickle.UnpicklingError, match="^collections.Counter is not allowed in a weights-only file$"):
        import collections
        torchfile.load(saved({"counts": collections.Counter("ab")}))


def test_torchfile_reads_a_file_without_a_byte_order_as_little_endian():
    torch = pytest.importorskip("torch")
    data = saved({"x": torch.tensor([1.5, -2.0])})
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:  # as torch wrote it before 1.13
        for name in source.namelist():
            if not name.endswith("/byteorder"):
                archive.writestr(name, source.read(name))
    assert torchfile.load(target.getvalue())["x"].tolist() == [1.5, -2.0]


def test_torchfile_refuses_torch_classes_that_are_not_storages():
    torch = pytest.importorskip("torch")
    with pytest.raises(pickle.UnpicklingError, match="^torch.Size is not allowed in a weights-only file$"):
        torchfile.load(saved({"shape": torch.Size([2, 3])}))


def test_torchfile_refuses_a_big_endian_file():
    data = saved({"x": 1})
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    byteorder = [n for n in source.namelist() if n.endswith("/byteorder")]
    assert byteorder, "torch writes its byte order into the file"
    with zipfile.ZipFile(target, "w") as archive:
        for name in source.namelist():
            archive.writestr(name, b"big" if name in byteorder else source.read(name))
    with pytest.raises(ValueError, match="^the file was saved on a big-endian machine; load it with torch$"):
        torchfile.load(target.getvalue())
    assert torchfile.load(data) == {"x": 1}
