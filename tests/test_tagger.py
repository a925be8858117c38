"""The shipped tagger files: checked before loading, packed without losing anything, on both backends."""
import json
import shutil

import pytest

from ner_id.shipped import MODEL_DIR, ModelError
from ner_id.stanza_tagger import _unpack_vocab
from ner_id.tagger import Tagger
from ner_id.training.ship import _pack_vocab


def copy_model(tmp_path, name="fast"):
    """The manifest and the files of shipped model ``name`` (both backends) in ``tmp_path``."""
    info = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))["models"][name]
    onnx = [info["onnx"][k] for k in ("char", "word", "tables")]
    for file in ("manifest.json", info["tagger"], info["vectors"], *(info["charlm"] or []), *onnx):
        shutil.copy(MODEL_DIR / file, tmp_path / file)


#: The scores of "Joko Widodo" and "Surabaya" in the sentence below, per shipped model.
SCORES = {"default": [0.819, 0.9825], "fast": [0.8154, 0.9828]}


@pytest.mark.parametrize("model,backend", [("default", "onnx"), ("fast", "onnx"), ("default", "stanza")])
def test_shipped_tagger_tags_a_sentence(model, backend):
    spans = Tagger(model, backend=backend).tag([["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya", "."], []])
    assert [(s.first, s.end, s.label) for s in spans[0]] == [(1, 3, "PER"), (5, 6, "LOC")]
    assert spans[1] == []
    # a span's score is the mean of its tokens' tag probabilities; "fast" is int8, a little off "default"
    assert [s.score for s in spans[0]] == pytest.approx(SCORES[model], abs=1e-3)
    # a sentence's scores do not depend on the sentences batched with it (padding)
    longer = ["Ia", "tiba", "di", "Bandung", "bersama", "Menteri", "Keuangan", "Sri", "Mulyani", "dan", "rombongan", "."]
    batched = Tagger(model, backend=backend).tag([longer, ["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya", "."]])[1]
    assert [(s.first, s.end, s.label) for s in batched] == [(1, 3, "PER"), (5, 6, "LOC")]
    # int8 "fast": activations are quantised per batch, so its scores move a little with the batch
    assert [s.score for s in batched] == pytest.approx([s.score for s in spans[0]], abs=1e-5 if model == "default" else 5e-3)


@pytest.mark.parametrize("backend,name", [("onnx", "id_ner_fast.word.int8.onnx"), ("stanza", "id_ner_fast.pt")])
def test_missing_manifest_or_model_raises_model_error(tmp_path, backend, name):
    with pytest.raises(ModelError, match="manifest.json is missing"):
        Tagger("fast", model_dir=tmp_path, backend=backend)
    copy_model(tmp_path)
    (tmp_path / name).unlink()
    with pytest.raises(ModelError, match=f"{name} is missing"):
        Tagger("fast", model_dir=tmp_path, backend=backend)


@pytest.mark.parametrize("backend,names", [
    ("onnx", ("id_ner_fast.char.onnx", "id_ner_fast.word.int8.onnx", "id_ner_fast.tables.npz", "id_vectors.pt")),
    ("stanza", ("id_ner_fast.pt", "id_vectors.pt")),
])
def test_corrupt_model_fails_its_checksum(tmp_path, backend, names):
    copy_model(tmp_path)
    for name in names:
        path = tmp_path / name
        original = path.read_bytes()
        data = bytearray(original)
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
        with pytest.raises(ModelError, match=f"{name} does not match its sha256"):
            Tagger("fast", model_dir=tmp_path, backend=backend)
        path.write_bytes(original)
    assert Tagger("fast", model_dir=tmp_path, backend=backend).tag([["Jakarta"]])[0][0].label == "LOC"


def test_a_model_without_onnx_files_says_how_to_export_them(tmp_path):
    copy_model(tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    del manifest["models"]["fast"]["onnx"]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="--export-onnx"):
        Tagger("fast", model_dir=tmp_path)


def test_unknown_model_name_backend_and_bad_threads_are_value_errors():
    with pytest.raises(ValueError, match="model must be one of"):
        Tagger("large")
    with pytest.raises(ValueError, match="backend must be one of"):
        Tagger("fast", backend="torch")
    with pytest.raises(ValueError, match="threads must be a positive int"):
        Tagger("fast", threads=0)


@pytest.mark.parametrize("threads,expected", [(1, 1), (2, 2), (None, 0)])
def test_threads_set_onnx_runtimes_intra_op_threads(threads, expected):
    network = Tagger("fast", threads=threads)._network
    for session in (network._char, network._word):
        assert session.get_session_options().intra_op_num_threads == expected


def test_stanza_backend_restores_the_callers_torch_threads():
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        Tagger("fast", threads=1, backend="stanza").tag([["Presiden", "Joko", "Widodo", "."]])
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


def test_tables_exported_for_other_word_vectors_are_refused(tmp_path):
    import hashlib

    import numpy as np

    copy_model(tmp_path)
    tables_path = tmp_path / "id_ner_fast.tables.npz"
    with np.load(tables_path) as tables:
        changed = {**tables, "words_sha256": np.array("0" * 64)}
    np.savez(tables_path, **changed)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][tables_path.name]["sha256"] = hashlib.sha256(tables_path.read_bytes()).hexdigest()
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="exported for other word vectors than id_vectors.pt"):
        Tagger("fast", model_dir=tmp_path)
