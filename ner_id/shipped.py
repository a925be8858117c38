"""The files shipped in ``ner_id/models``: where they are, what the manifest says, sha256-checked reads."""
from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

MODEL_DIR = Path(str(resources.files("ner_id.models")))


class ModelError(RuntimeError):
    """The shipped model files are missing, corrupt or do not belong together."""


def manifest(model_dir: Path = MODEL_DIR) -> dict[str, Any]:
    """``manifest.json``: every shipped file's sha256, and per tagger model its files and scores."""
    path = model_dir / "manifest.json"
    if not path.is_file():
        raise ModelError(f"{path} is missing; reinstall ner-id")
    return json.loads(path.read_text(encoding="utf-8"))


def read_verified(name: str, model_dir: Path = MODEL_DIR) -> bytes:
    """The bytes of shipped file ``name``, checked against the sha256 in the manifest."""
    info = manifest(model_dir)["files"].get(name)
    path = model_dir / name
    if info is None:
        raise ModelError(f"{name} is not listed in {model_dir / 'manifest.json'}")
    if not path.is_file():
        raise ModelError(f"{path} is missing; reinstall ner-id")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != info["sha256"]:
        raise ModelError(f"{path} does not match its sha256 in {model_dir / 'manifest.json'}")
    return data


def verified_path(name: str, model_dir: Path = MODEL_DIR) -> Path:
    """The path of shipped file ``name`` after checking its sha256 (for readers that take a path)."""
    read_verified(name, model_dir)
    return model_dir / name
