"""The shipped tagger file: checked before loading, packed without losing anything."""
import shutil

import pytest

from ner_id.tagger import MODEL_DIR, ModelError, Tagger, _pack_vocab, _unpack_vocab


def copy_model(tmp_path):
    for name in ("id_ner.pt", "manifest.json"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    return tmp_path


def test_shipped_tagger_tags_a_sentence():
    spans = Tagger().tag([["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya", "."], []])
    assert [(s.first, s.end, s.label) for s in spans[0]] == [(1, 3, "PER"), (5, 6, "LOC")]
    assert spans[1] == [] and all(0.0 < s.score <= 1.0 for s in spans[0])


def test_missing_manifest_or_model_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match="manifest.json is missing"):
        Tagger(tmp_path)
    (copy_model(tmp_path) / "id_ner.pt").unlink()
    with pytest.raises(ModelError, match="id_ner.pt is missing"):
        Tagger(tmp_path)


def test_corrupt_model_fails_its_checksum(tmp_path):
    path = copy_model(tmp_path) / "id_ner.pt"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its sha256"):
        Tagger(tmp_path)


def test_vocab_packing_round_trips():
    words = ["<PAD>", "<UNK>", "jakarta", "joko"]
    state = {"lang": "id", "idx": 0, "_unit2id": {w: i for i, w in enumerate(words)}, "_id2unit": words}
    packed = _pack_vocab(state)
    assert packed["_id2unit"] == "<PAD>\n<UNK>\njakarta\njoko" and "_unit2id" not in packed
    assert _unpack_vocab(packed) == state
    tags = {"_unit2id": {0: {"O": 0}}, "_id2unit": {0: ["O"]}}  # composite vocabs stay as they are
    assert _pack_vocab(tags) is tags and _unpack_vocab(tags) is tags
