"""Pack a trained Stanza tagger into ``ner_id/models``, export it to ONNX, and record it in the manifest.

    python -m ner_id.training.ship build/ner/model --name default --charlm build/charlm --note "..."
    python -m ner_id.training.ship --export-onnx     # (re-)export every shipped tagger to ONNX

Each model is one packed file (config, vocabularies, weights); the word vectors are stored once
in ``id_vectors.pt`` and shared by the models trained on them (``--vectors-from`` in
``ner_id.training.ner``); charlms are Stanza's own files. Each tagger is also exported to ONNX
(``ner_id.training.onnx_export``: character and word graphs at a pinned opset, plus a tables file
of delta embeddings, vocabularies and CRF transitions); the ``fast`` model's word graph is
int8-quantised. ``manifest.json`` records the sha256 of every shipped file, and per model its
files, training data and scores.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import stanza
import torch

from ner_id.shipped import MODEL_DIR, ModelError
from ner_id.stanza_tagger import load_model
from ner_id.training import onnx_export
from ner_id.training.ner import DEV_FILES, TRAIN_FILES

VECTORS = "id_vectors.pt"
TAGGER_FILES = {"default": "id_ner.pt", "fast": "id_ner_fast.pt"}
DATA_FILES = ("topics.npz", "idf.json.gz")
#: Models whose ONNX word graph is int8-quantised (speed first).
QUANTIZED = frozenset({"fast"})


def pack(model_path: Path, pretrain_path: Path) -> tuple[dict, dict]:
    """A Stanza NER checkpoint and its word vectors as two dicts quick to load with ``weights_only``.

    Stanza's files pickle every vocabulary as a word list plus a word -> id dict, which the
    weights-only unpickler reads at about 0.1 M objects a second. Here each word list is one
    newline-joined string and the dict is rebuilt on loading.
    """
    checkpoint = torch.load(model_path, map_location="cpu", weights_only=True)
    pretrain = torch.load(pretrain_path, map_location="cpu", weights_only=True)
    if pretrain["vocab"]["_id2unit"] != checkpoint["vocab"]["word"]["_id2unit"]:
        raise ModelError(f"{pretrain_path} is not the pretrain {model_path} was trained with")
    vocab = {name: _pack_vocab(state) if isinstance(state, dict) and "_id2unit" in state else state
             for name, state in checkpoint["vocab"].items()}
    config = {k: v for k, v in checkpoint["config"].items() if k not in {"charlm_forward_file", "charlm_backward_file"}}
    tagger = {"config": config, "vocab": vocab, "model": checkpoint["model"]}
    return tagger, {"words": vocab["word"]["_id2unit"], "emb": pretrain["emb"]}


def _pack_vocab(state: dict) -> dict:
    units = state["_id2unit"]
    if not (isinstance(units, list) and all(isinstance(u, str) and "\n" not in u for u in units)
            and state["_unit2id"] == {u: i for i, u in enumerate(units)}):
        return state
    packed = {k: v for k, v in state.items() if k != "_unit2id"}
    packed["_id2unit"] = "\n".join(units)
    return packed


def ship(source: Path, name: str, note: str, charlm: Path | None = None, scores: dict[str, Any] | None = None,
         target: Path = MODEL_DIR) -> dict:
    """Pack ``source``'s ``id_ner.pt`` + ``id_vectors.pt`` as model ``name``; update ``manifest.json``."""
    tagger, vectors = pack(source / "id_ner.pt", source / "id_vectors.pt")
    vectors_path = target / VECTORS
    if vectors_path.exists():
        shipped = torch.load(vectors_path, map_location="cpu", weights_only=True)
        if shipped["words"] != vectors["words"] or not torch.equal(shipped["emb"], vectors["emb"]):
            raise ModelError(f"{source} was trained on other word vectors than {vectors_path}; "
                             "train with --vectors-from to share them")
    else:
        torch.save(vectors, vectors_path)
    torch.save(tagger, target / TAGGER_FILES[name])
    entry: dict[str, Any] = {"tagger": TAGGER_FILES[name], "vectors": VECTORS, "charlm": None}
    if tagger["config"].get("charlm"):
        if charlm is None:
            raise ModelError(f"{source} uses charlms: name their folder with --charlm")
        entry["charlm"] = [f"id_{d}_charlm.pt" for d in ("forward", "backward")]
        for file in entry["charlm"]:
            shutil.copy(charlm / file, target / file)
    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    models = manifest.get("models", {})
    models[name] = {**entry, "built": datetime.date.today().isoformat(), "stanza": stanza.__version__,
                    "torch": torch.__version__, "train_data": TRAIN_FILES, "dev_data": DEV_FILES,
                    "rebuild": "python -m ner_id.training.ner --data ../shared/data --out build/ner"
                               + (" --charlm build/charlm" if entry["charlm"] else ""),
                    "note": note, "scores": scores or models.get(name, {}).get("scores", {})}
    manifest = {"name": "ner-id Indonesian NER (PER, LOC, ORG) and topic models", "models": models,
                "files": _file_hashes(target, models)}
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return export_onnx(target, [name])


def export_onnx(target: Path = MODEL_DIR, names: list[str] | None = None) -> dict:
    """Export shipped models ``names`` (all by default) to ONNX in ``target``; update ``manifest.json``."""
    import onnxruntime

    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    models = manifest["models"]
    for name in names or list(models):
        args, vocab, model = load_model(name, target)
        onnx_export.check_exportable(args)
        stem = Path(models[name]["tagger"]).stem
        files = {"char": f"{stem}.char.onnx", "word": f"{stem}.word.onnx", "tables": f"{stem}.tables.npz"}
        char_graph, word_graph = onnx_export.export_graphs(model)
        (target / files["char"]).write_bytes(char_graph)
        with open(target / files["tables"], "wb") as handle:
            np.savez(handle, **onnx_export.tables(model, vocab))
        if name in QUANTIZED:
            files["word"] = f"{stem}.word.int8.onnx"
            onnx_export.quantize(word_graph, target / files["word"])
        else:
            (target / files["word"]).write_bytes(word_graph)
        models[name]["onnx"] = {**files, "opset": onnx_export.OPSET, "torch": torch.__version__,
                                "onnxruntime": onnxruntime.__version__,
                                "word_weights": "int8 (dynamic quantisation)" if name in QUANTIZED else "float32"}
    manifest["files"] = _file_hashes(target, models)
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def refresh_hashes(target: Path = MODEL_DIR) -> None:
    """Record the sha256 of every shipped file again (after retraining the topic model or the idf table)."""
    path = target / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["files"] = _file_hashes(target, manifest["models"])
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _file_hashes(target: Path, models: dict[str, Any]) -> dict[str, Any]:
    names = {*DATA_FILES, *(f for m in models.values() for f in (m["tagger"], m["vectors"], *(m["charlm"] or []))),
             *(m["onnx"][k] for m in models.values() if m.get("onnx") for k in ("char", "word", "tables"))}
    hashes = {}
    for name in sorted(names):
        data = (target / name).read_bytes()
        hashes[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    return hashes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, nargs="?", help="folder with Stanza's id_ner.pt and id_vectors.pt")
    parser.add_argument("--export-onnx", action="store_true",
                        help="only export the shipped taggers to ONNX again (no SOURCE)")
    parser.add_argument("--name", choices=sorted(TAGGER_FILES), default="default")
    parser.add_argument("--charlm", type=Path, default=None, help="folder of the charlms the tagger was trained with")
    parser.add_argument("--scores", type=Path, default=None, help="JSON file of measured F1 scores to record")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    if args.export_onnx == (args.source is not None):
        parser.error("give either SOURCE or --export-onnx")
    if args.export_onnx:
        print(json.dumps(export_onnx()["models"], indent=2, ensure_ascii=False))
        return
    scores = json.loads(args.scores.read_text(encoding="utf-8")) if args.scores else None
    print(json.dumps(ship(args.source, args.name, args.note, args.charlm, scores), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
