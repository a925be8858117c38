"""The shipped tagger file: checked before loading, packed without losing anything."""
import json
import shutil

import pytest

from ner_id.shipped import MODEL_DIR, ModelError
from ner_id.tagger import Tagger, _unpack_vocab
from ner_id.training.ship import _pack_vocab


def copy_model(tmp_path, name="fast"):
    """The manifest and the files of shipped model ``name`` in ``tmp_path``; returns the tagger file's path."""
    info = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))["models"][name]
    for file in ("manifest.json", info["tagger"], info["vectors"], *(info["charlm"] or [])):
        shutil.copy(MODEL_DIR / file, tmp_path / file)
    return tmp_path / info["tagger"]


def test_shipped_tagger_tags_a_sentence():
    spans = Tagger().tag([["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya", "."], []])
    assert [(s.first, s.end, s.label) for s in spans[0]] == [(1, 3, "PER"), (5, 6, "LOC")]
    assert spans[1] == [] and all(0.5 < s.score < 1.0 for s in spans[0])
    # a sentence's scores do not depend on the sentences batched with it (padding)
    longer = ["Ia", "tiba", "di", "Bandung", "bersama", "Menteri", "Keuangan", "Sri", "Mulyani", "dan", "rombongan", "."]
    batched = Tagger().tag([longer, ["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya", "."]])[1]
    assert [(s.first, s.end, s.label) for s in batched] == [(1, 3, "PER"), (5, 6, "LOC")]
    assert [s.score for s in batched] == pytest.approx([s.score for s in spans[0]], abs=1e-5)


def test_missing_manifest_or_model_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match="manifest.json is missing"):
        Tagger("fast", model_dir=tmp_path)
    tagger_file = copy_model(tmp_path)
    tagger_file.unlink()
    with pytest.raises(ModelError, match=f"{tagger_file.name} is missing"):
        Tagger("fast", model_dir=tmp_path)


def test_corrupt_model_fails_its_checksum(tmp_path):
    copy_model(tmp_path)
    for name in ("id_ner_fast.pt", "id_vectors.pt"):
        path = tmp_path / name
        original = path.read_bytes()
        data = bytearray(original)
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
        with pytest.raises(ModelError, match=f"{name} does not match its sha256"):
            Tagger("fast", model_dir=tmp_path)
        path.write_bytes(original)
    assert Tagger("fast", model_dir=tmp_path).tag([["Jakarta"]])[0][0].label == "LOC"


def test_unknown_model_name_and_bad_threads_are_value_errors():
    with pytest.raises(ValueError, match="model must be one of"):
        Tagger("large")
    with pytest.raises(ValueError, match="threads must be a positive int"):
        Tagger("fast", threads=0)


def test_tagging_restores_the_callers_torch_threads():
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        Tagger("fast", threads=1).tag([["Presiden", "Joko", "Widodo", "."]])
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


def test_vocab_packing_round_trips():
    words = ["<PAD>", "<UNK>", "jakarta", "joko"]
    state = {"lang": "id", "idx": 0, "_unit2id": {w: i for i, w in enumerate(words)}, "_id2unit": words}
    packed = _pack_vocab(state)
    assert packed["_id2unit"] == "<PAD>\n<UNK>\njakarta\njoko" and "_unit2id" not in packed
    assert _unpack_vocab(packed) == state
    tags = {"_unit2id": {0: {"O": 0}}, "_id2unit": {0: ["O"]}}  # composite vocabs stay as they are
    assert _pack_vocab(tags) is tags and _unpack_vocab(tags) is tags
