"""The Stanza BiLSTM-CRF NER tagger shipped in ``ner_id/models``.

Loads the model and its word vectors from the package directory only (``torch.load`` with
``weights_only=True`` inside Stanza), tags pre-tokenised sentences in length-sorted batches,
and returns spans with a confidence: the mean softmax probability of the Viterbi tags over
the span's tokens.
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_DIR = Path(str(resources.files("ner_id.models")))
MAX_BATCH_TOKENS = 3000


class ModelError(RuntimeError):
    """The shipped model files are missing, corrupt or do not belong together."""


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """Tokens ``[first, end)`` of one sentence tagged ``label`` with confidence ``score``."""

    first: int
    end: int
    label: str
    score: float


def _check_files(model_dir: Path) -> tuple[Path, Path]:
    """The model and pretrain paths, verified against ``manifest.json`` (both are required)."""
    manifest_path = model_dir / "manifest.json"
    if not manifest_path.is_file():
        raise ModelError(f"{manifest_path} is missing; reinstall ner-id")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    paths = []
    for key in ("tagger", "vectors"):
        info = manifest["files"][key]
        path = model_dir / info["path"]
        if not path.is_file():
            raise ModelError(f"{path} is missing: the tagger needs its word vectors; reinstall ner-id")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != info["sha256"]:
            raise ModelError(f"{path} does not match its sha256 in {manifest_path}")
        paths.append(path)
    return paths[0], paths[1]


class Tagger:
    """Tag sentences (lists of token strings) with PER / LOC / ORG spans."""

    def __init__(self, model_dir: Path = MODEL_DIR, batch_size: int = 64) -> None:
        from stanza.models.common.pretrain import Pretrain
        from stanza.models.ner.trainer import Trainer

        model_path, pretrain_path = _check_files(model_dir)
        pretrain = Pretrain(str(pretrain_path))
        self._trainer = Trainer(model_file=str(model_path), pretrain=pretrain, device="cpu")
        self._trainer.model.eval()
        self._batch_size = batch_size
        self._lock = threading.Lock()

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[TaggedSpan]]:
        """Spans for each sentence, in input order. Empty sentences give no spans."""
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        results: list[list[TaggedSpan]] = [[] for _ in sentences]
        batch: list[int] = []
        tokens = 0
        for index in order:
            if batch and (len(batch) >= self._batch_size or tokens + len(sentences[index]) > MAX_BATCH_TOKENS):
                self._run(batch, sentences, results)
                batch, tokens = [], 0
            batch.append(index)
            tokens += len(sentences[index])
        if batch:
            self._run(batch, sentences, results)
        return results

    def _run(self, batch: list[int], sentences: Sequence[Sequence[str]], results: list) -> None:
        import torch
        from stanza.models.common.crf import viterbi_decode
        from stanza.models.common.doc import Document as StanzaDocument
        from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
        from stanza.models.ner.data import DataLoader
        from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

        trainer = self._trainer
        doc = StanzaDocument([[{"text": t} for t in sentences[i]] for i in batch])
        loader = DataLoader(doc, len(batch), trainer.args, vocab=trainer.vocab, evaluation=True,
                            preprocess_tags=False)
        offset = 0
        with self._lock, torch.no_grad():
            for raw in loader:
                inputs, orig_idx, word_orig_idx, char_orig_idx, lens, wordlens, charlens, charoffsets = \
                    unpack_batch(raw, "cpu")
                word, wordchars, wordchars_mask, chars, tags = inputs
                _, logits, trans = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, lens,
                                                 wordlens, chars, charoffsets, charlens, char_orig_idx)
                scores = logits[0].numpy()
                transitions = trans[0].numpy()
                decoded = []
                for k, length in enumerate(lens):
                    path = viterbi_decode(scores[k, :length], transitions)[0]
                    path = [max(p, VOCAB_PREFIX_SIZE) for p in path]
                    probs = _softmax(scores[k, :length])[np.arange(length), path]
                    labels = fix_singleton_tags([t[0] for t in trainer.vocab["tag"].unmap([(p,) for p in path])])
                    decoded.append((labels, probs))
                for k, position in enumerate(orig_idx):
                    labels, probs = decoded[k]
                    results[batch[offset + position]] = _spans(labels, probs)
                offset += len(lens)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _spans(labels: list[str], probs: np.ndarray) -> list[TaggedSpan]:
    """BIOES tags to spans; a span's score is the mean probability of its tags."""
    spans: list[TaggedSpan] = []
    start = -1
    for i, tag in enumerate(labels):
        prefix, _, kind = tag.partition("-")
        if prefix in {"B", "S"} or (prefix in {"I", "E"} and start < 0):
            start = i
        if prefix in {"S", "E"} and start >= 0:
            spans.append(TaggedSpan(start, i + 1, kind, float(np.mean(probs[start:i + 1]))))
            start = -1
        elif prefix == "O":
            start = -1
    return spans
