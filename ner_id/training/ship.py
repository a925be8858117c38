"""Pack a trained Stanza tagger and its word vectors into ``ner_id/models`` and write the manifest.

    python -m ner_id.training.ship OUT/model --note "dev F1 0.85, 10000 steps"
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
from pathlib import Path

import stanza
import torch

from ner_id.tagger import MODEL_DIR, pack
from ner_id.training.ner import DEV_FILES, TRAIN_FILES


def ship(source: Path, note: str, target: Path = MODEL_DIR) -> dict:
    """Pack Stanza's ``id_ner.pt`` and ``id_vectors.pt`` from ``source`` into one file; write ``manifest.json``."""
    name = "id_ner.pt"
    torch.save(pack(source / "id_ner.pt", source / "id_vectors.pt"), target / name)
    (target / "id_vectors.pt").unlink(missing_ok=True)
    data = (target / name).read_bytes()
    files = {"tagger": {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}}
    manifest = {
        "name": "ner-id Indonesian NER tagger (PER, LOC, ORG)",
        "built": datetime.date.today().isoformat(),
        "stanza": stanza.__version__, "torch": torch.__version__,
        "train_data": TRAIN_FILES, "dev_data": DEV_FILES,
        "rebuild": "python -m ner_id.training.ner --data ../shared/data --out build/ner",
        "note": note, "files": files,
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    print(json.dumps(ship(args.source, args.note), indent=2))


if __name__ == "__main__":
    main()
