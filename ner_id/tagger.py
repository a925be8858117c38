"""The Stanza BiLSTM-CRF NER tagger shipped in ``ner_id/models``.

Loads the model and its word vectors from the package directory only (``torch.load`` with
``weights_only=True`` inside Stanza), tags pre-tokenised sentences in length-sorted batches,
and returns spans with a confidence: the mean softmax probability of the Viterbi tags over
the span's tokens.
"""
from __future__ import annotations

import hashlib
import io
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


def _read_checked(model_dir: Path) -> tuple[Path, bytes]:
    """The packed model's path and bytes, verified against ``manifest.json`` (read once)."""
    manifest_path = model_dir / "manifest.json"
    if not manifest_path.is_file():
        raise ModelError(f"{manifest_path} is missing; reinstall ner-id")
    info = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]["tagger"]
    path = model_dir / info["path"]
    if not path.is_file():
        raise ModelError(f"{path} is missing; reinstall ner-id")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != info["sha256"]:
        raise ModelError(f"{path} does not match its sha256 in {manifest_path}")
    return path, data


class Tagger:
    """Tag sentences (lists of token strings) with PER / LOC / ORG spans."""

    def __init__(self, model_dir: Path = MODEL_DIR, batch_size: int = 64) -> None:
        self._args, self._vocab, self._model = _load_model(*_read_checked(model_dir))
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

        doc = StanzaDocument([[{"text": t} for t in sentences[i]] for i in batch])
        loader = DataLoader(doc, len(batch), self._args, vocab=self._vocab, evaluation=True,
                            preprocess_tags=False)
        offset = 0
        with self._lock, torch.no_grad():
            for raw in loader:
                inputs, orig_idx, word_orig_idx, char_orig_idx, lens, wordlens, charlens, charoffsets = \
                    unpack_batch(raw, "cpu")
                word, wordchars, wordchars_mask, chars, tags = inputs
                _, logits, trans = self._model(word, wordchars, wordchars_mask, tags, word_orig_idx, lens,
                                                 wordlens, chars, charoffsets, charlens, char_orig_idx)
                scores = logits[0].numpy()
                transitions = trans[0].numpy()
                decoded = []
                for k, length in enumerate(lens):
                    path = viterbi_decode(scores[k, :length], transitions)[0]
                    path = [max(p, VOCAB_PREFIX_SIZE) for p in path]
                    probs = _softmax(scores[k, :length])[np.arange(length), path]
                    labels = fix_singleton_tags([t[0] for t in self._vocab["tag"].unmap([(p,) for p in path])])
                    decoded.append((labels, probs))
                for k, position in enumerate(orig_idx):
                    labels, probs = decoded[k]
                    results[batch[offset + position]] = _spans(labels, probs)
                offset += len(lens)


def pack(model_path: Path, pretrain_path: Path) -> dict:
    """One dict of a Stanza NER checkpoint and its word vectors, quick to load with ``weights_only``.

    Stanza's files pickle every vocabulary as a word list plus a word -> id dict, which the
    weights-only unpickler reads at about 0.1 M objects a second. Here each word list is one
    newline-joined string and the dict is rebuilt on loading; the pretrain's own copy of the
    word list is dropped (the checkpoint's ``word`` vocab is the same list).
    """
    import torch

    checkpoint = torch.load(model_path, map_location="cpu", weights_only=True)
    pretrain = torch.load(pretrain_path, map_location="cpu", weights_only=True)
    if pretrain["vocab"]["_id2unit"] != checkpoint["vocab"]["word"]["_id2unit"]:
        raise ModelError(f"{pretrain_path} is not the pretrain {model_path} was trained with")
    vocab = {name: _pack_vocab(state) if isinstance(state, dict) and "_id2unit" in state else state
             for name, state in checkpoint["vocab"].items()}
    return {"config": checkpoint["config"], "vocab": vocab, "model": checkpoint["model"], "word_emb": pretrain["emb"]}


def _pack_vocab(state: dict) -> dict:
    units = state["_id2unit"]
    if not (isinstance(units, list) and all(isinstance(u, str) and "\n" not in u for u in units)
            and state["_unit2id"] == {u: i for i, u in enumerate(units)}):
        return state
    packed = {k: v for k, v in state.items() if k != "_unit2id"}
    packed["_id2unit"] = "\n".join(units)
    return packed


def _unpack_vocab(state: dict) -> dict:
    if not isinstance(state.get("_id2unit"), str):
        return state
    units = state["_id2unit"].split("\n")
    return {**state, "_id2unit": units, "_unit2id": {u: i for i, u in enumerate(units)}}


def _load_model(path: Path, data: bytes):
    """Stanza's NER network in eval mode, with its config and vocab, from a ``pack``ed file's bytes.

    Does what Stanza's ``ner.trainer.Trainer.load`` does for a model without a transformer,
    but builds no optimizer: creating one imports ``torch._dynamo``, about 1.4 s of load time.
    """
    import torch
    from stanza.models.ner.model import NERTagger
    from stanza.models.ner.vocab import MultiVocab

    packed = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    args = packed["config"]
    if args.get("bert_model") or args.get("charlm"):
        raise ModelError(f"{path}: models with a transformer or charlm are not supported")
    args["predict_tagset"] = args.get("predict_tagset") or 0
    vocab = MultiVocab.load_state_dict({name: _unpack_vocab(state) if isinstance(state, dict) else state
                                        for name, state in packed["vocab"].items()})
    model = NERTagger(args, vocab, emb_matrix=packed["word_emb"])
    loaded = model.load_state_dict(packed["model"], strict=False)
    if loaded.unexpected_keys or set(loaded.missing_keys) - {"word_emb.weight"}:
        raise ModelError(f"{path}: weights do not fit the network "
                         f"(unexpected {loaded.unexpected_keys[:3]}, missing {loaded.missing_keys[:3]})")
    model.eval()
    return args, vocab, model


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
