"""What ``pip install ner-id`` brings: no torch, every shipped model file, at most 60 MB of them."""
import fnmatch
from pathlib import Path

import pytest

from ner_id.shipped import MODEL_DIR, manifest

tomllib = pytest.importorskip("tomllib")
PROJECT = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
WHEEL_MODEL_LIMIT = 60 * 1024 * 1024


def names(requirements):
    return {r.split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip() for r in requirements}


def test_the_base_install_has_onnx_runtime_and_no_torch_or_stanza():
    base = names(PROJECT["dependencies"])
    assert {"onnxruntime", "spacy", "numpy", "pandas", "rapidfuzz"} <= base and not {"torch", "stanza"} & base
    extras = PROJECT["optional-dependencies"]
    assert names(extras["stanza"]) == {"stanza", "torch"}
    assert "ner-id[stanza]" in extras["dev"] and "ner-id[stanza]" in extras["train"]


def test_every_shipped_file_is_package_data_and_all_fit_in_60_mb():
    tomlfile = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = tomlfile["tool"]["setuptools"]["package-data"]["ner_id.models"]
    files = manifest()["files"]
    assert {f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)} == set()
    assert sum((MODEL_DIR / f).stat().st_size for f in files) <= WHEEL_MODEL_LIMIT
    onnx = {f for m in manifest()["models"].values() for f in (m["onnx"]["char"], m["onnx"]["word"], m["onnx"]["tables"])}
    assert onnx <= set(files)
