"""The shipped tagger's network on Stanza + torch: the reference backend (``backend="stanza"``).

Loads the model and its word vectors from the package directory only (``torch.load`` with
``weights_only=True`` inside Stanza) and decodes with Stanza's own Viterbi and singleton repair.
Needs the ``stanza`` extra: ``pip install "ner-id[stanza]"``.
"""
from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ner_id.shipped import ModelError, manifest, read_verified, verified_path

MAX_BATCH_TOKENS = 3000
#: Stanza keeps the charlms out of the tagger's weights and loads them from their own files.
_UNSAVED = ("charmodel_forward.", "charmodel_backward.")


class StanzaNetwork:
    """Emissions and CRF decoding of shipped tagger ``name`` with Stanza; one forward pass at a time."""

    def __init__(self, name: str, model_dir: Path, threads: int | None, batch_size: int = 64) -> None:
        try:
            import stanza  # noqa: F401
            import torch  # noqa: F401
        except ImportError as error:
            raise ImportError(f"backend='stanza' needs Stanza and torch ({error}); install them with "
                              "pip install \"ner-id[stanza]\", or use the default backend='onnx'") from error
        self.threads = threads
        self._args, self._vocab, self._model = load_model(name, model_dir)
        self._batch_size = batch_size
        self._lock = threading.Lock()

    def decode(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], np.ndarray]]:
        """BIOES tags and the softmax probability of each tag, for each non-empty sentence."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        results: list[tuple[list[str], np.ndarray]] = [([], np.zeros(0))] * len(sentences)
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
        with self._lock, torch.no_grad(), _threads(self.threads):
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
                    results[batch[offset + position]] = decoded[k]
                offset += len(lens)


def _unpack_vocab(state: dict) -> dict:
    if not isinstance(state.get("_id2unit"), str):
        return state
    units = state["_id2unit"].split("\n")
    return {**state, "_id2unit": units, "_unit2id": {u: i for i, u in enumerate(units)}}


@contextmanager
def _threads(threads: int | None) -> Iterator[None]:
    """Run with ``threads`` torch intra-op threads, then restore the caller's setting."""
    import torch

    previous = torch.get_num_threads()
    if threads is None or threads == previous:
        yield
        return
    torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def load_model(name: str, model_dir: Path):
    """Stanza's NER network in eval mode, with its config and vocab, from the shipped files of ``name``.

    Does what Stanza's ``ner.trainer.Trainer.load`` does for a model without a transformer,
    but builds no optimizer: creating one imports ``torch._dynamo``, about 1.4 s of load time.
    Every file is checked against its sha256 in the manifest first.
    """
    import torch
    from stanza.models.ner.model import NERTagger
    from stanza.models.ner.vocab import MultiVocab

    info = manifest(model_dir)["models"].get(name)
    if info is None:
        raise ModelError(f"model {name!r} is not in {model_dir / 'manifest.json'}")
    path = model_dir / info["tagger"]
    packed = torch.load(io.BytesIO(read_verified(info["tagger"], model_dir)), map_location="cpu", weights_only=True)
    vectors = torch.load(io.BytesIO(read_verified(info["vectors"], model_dir)), map_location="cpu", weights_only=True)
    args = dict(packed["config"])
    if args.get("bert_model"):
        raise ModelError(f"{path}: models with a transformer are not supported")
    if args.get("charlm"):
        forward, backward = info.get("charlm") or (None, None)
        if not forward or not backward:
            raise ModelError(f"{path} needs charlms, but the manifest names none for model {name!r}")
        args["charlm_forward_file"] = str(verified_path(forward, model_dir))
        args["charlm_backward_file"] = str(verified_path(backward, model_dir))
    args["predict_tagset"] = args.get("predict_tagset") or 0
    vocab = MultiVocab.load_state_dict({name: _unpack_vocab(state) if isinstance(state, dict) else state
                                        for name, state in packed["vocab"].items()})
    if vectors["words"] != packed["vocab"]["word"]["_id2unit"]:
        raise ModelError(f"{path}: its word vocabulary is not the one of {info['vectors']}")
    model = NERTagger(args, vocab, emb_matrix=vectors["emb"])
    loaded = model.load_state_dict(packed["model"], strict=False)
    missing = [k for k in loaded.missing_keys if k != "word_emb.weight" and not k.startswith(_UNSAVED)]
    if loaded.unexpected_keys or missing:
        raise ModelError(f"{path}: weights do not fit the network "
                         f"(unexpected {loaded.unexpected_keys[:3]}, missing {missing[:3]})")
    model.eval()
    return args, vocab, model


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
