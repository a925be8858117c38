"""ner_id.shipped: the manifest, and sha256-checked reads of the model files, with their exact errors (model-free:
each test writes its own small model directory)."""
import hashlib
import json
import re

import pytest

from ner_id.shipped import ModelError, manifest, read_verified, verified_path

DATA = b"\x00weights\x01"


def exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


@pytest.fixture
def model_dir(tmp_path):
    """A model directory with ``good.bin`` (as listed), ``bad.bin`` (corrupt) and ``gone.bin`` (listed, absent)."""
    listed = {name: {"sha256": hashlib.sha256(DATA).hexdigest()} for name in ("good.bin", "bad.bin", "gone.bin")}
    (tmp_path / "manifest.json").write_text(json.dumps({"name": "test", "files": listed}), encoding="utf-8")
    (tmp_path / "good.bin").write_bytes(DATA)
    (tmp_path / "bad.bin").write_bytes(DATA + b"\x00")
    (tmp_path / "stray.bin").write_bytes(DATA)
    return tmp_path


def test_manifest_is_read_from_the_directory(model_dir):
    assert manifest(model_dir)["name"] == "test"
    assert sorted(manifest(model_dir)["files"]) == ["bad.bin", "gone.bin", "good.bin"]


def test_a_missing_manifest_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match=exactly(f"{tmp_path / 'manifest.json'} is missing; reinstall ner-id")):
        manifest(tmp_path)
    with pytest.raises(ModelError, match=exactly(f"{tmp_path / 'manifest.json'} is missing; reinstall ner-id")):
        verified_path("good.bin", tmp_path)
    assert issubclass(ModelError, RuntimeError)


def test_a_listed_file_is_read_and_its_path_given(model_dir):
    assert read_verified("good.bin", model_dir) == DATA
    assert verified_path("good.bin", model_dir) == model_dir / "good.bin"


@pytest.mark.parametrize("check", [read_verified, verified_path])
def test_every_refusal_names_the_file(model_dir, check):
    listing = model_dir / "manifest.json"
    with pytest.raises(ModelError, match=exactly(f"stray.bin is not listed in {listing}")):
        check("stray.bin", model_dir)
    with pytest.raises(ModelError, match=exactly(f"{model_dir / 'gone.bin'} is missing; reinstall ner-id")):
        check("gone.bin", model_dir)
    with pytest.raises(ModelError, match=exactly(f"{model_dir / 'bad.bin'} does not match its sha256 in {listing}")):
        check("bad.bin", model_dir)
