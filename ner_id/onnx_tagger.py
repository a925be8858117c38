"""The shipped tagger's network on ONNX Runtime: BIOES tags and their probabilities, without torch.

The graphs are exported from the Stanza model by ``ner_id.training.onnx_export``. Each call
reads every distinct token once: its word vector plus delta embedding (numpy), and its character
BiLSTM state (the character graph, over tokens of one length at a time, so no padding enters
the recurrence; the states of the first ``CHAR_CACHE`` distinct tokens are kept across calls);
then the word graph runs on length-sorted batches of sentences and a numpy Viterbi decodes
each batch.
"""
from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ner_id import torchfile
from ner_id.decode import fix_singleton_tags, viterbi
from ner_id.shipped import ModelError, manifest, read_verified

PAD, UNK = 0, 1
#: Tag ids below this are Stanza's special units (pad, unknown, empty, root); they decode as ``O``.
VOCAB_PREFIX_SIZE = 4
MAX_BATCH_TOKENS = 3000
CHAR_CHUNK = 512
#: Distinct tokens whose character states are kept across calls (800 bytes each).
CHAR_CACHE = 16384


class OnnxNetwork:
    """Emissions and CRF decoding of shipped tagger ``name`` on ONNX Runtime; sessions are thread-safe."""

    def __init__(self, name: str, model_dir: Path, threads: int | None, batch_size: int = 64) -> None:
        import onnxruntime as ort

        info = manifest(model_dir)["models"][name]
        files = info.get("onnx")
        if not files:
            raise ModelError(f"model {name!r} has no ONNX files in {model_dir / 'manifest.json'}; "
                             "export them with python -m ner_id.training.ship --export-onnx, or use backend='stanza'")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or 0
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        options.enable_cpu_mem_arena = options.enable_mem_pattern = False  # shapes change with every batch

        def session(file: str) -> ort.InferenceSession:
            return ort.InferenceSession(read_verified(file, model_dir), options, providers=["CPUExecutionProvider"])

        self._char, self._word = session(files["char"]), session(files["word"])
        with np.load(io.BytesIO(read_verified(files["tables"], model_dir)), allow_pickle=False) as tables:
            self._delta = tables["delta"]
            self._delta_index = _index(str(tables["delta_words"]))
            self._char_index = _index(str(tables["chars"]))
            self._tags = str(tables["tags"]).split("\n")
            self._transitions = tables["transitions"]
            self._lowercase, self._delta_lowercase = bool(tables["lowercase"]), bool(tables["delta_lowercase"])
            self._char_lowercase = bool(tables["char_lowercase"])
            words_sha256 = str(tables["words_sha256"])
        vectors = torchfile.load(read_verified(info["vectors"], model_dir))
        if words_hash(vectors["words"]) != words_sha256:
            raise ModelError(f"{files['tables']} was exported for other word vectors than {info['vectors']}; "
                             "export again with python -m ner_id.training.ship --export-onnx")
        self._vectors = vectors["emb"]
        self._word_index = _index(vectors["words"])
        self._batch_size = batch_size
        self._cache: dict[str, int] = {}
        self._cache_rows = np.zeros((CHAR_CACHE, self._char.get_outputs()[0].shape[1]), dtype=np.float32)
        self._cache_lock = threading.Lock()

    def decode(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], np.ndarray]]:
        """BIOES tags and the softmax probability of each tag, for each non-empty sentence."""
        distinct: dict[str, int] = {}
        ids = [np.array([distinct.setdefault(t, len(distinct) + 1) for t in s], dtype=np.int64) for s in sentences]
        features = self._features(list(distinct))
        results: list[tuple[list[str], np.ndarray]] = [([], np.zeros(0))] * len(sentences)
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        start = 0
        while start < len(order):
            longest, end = len(sentences[order[start]]), start + 1
            while end < len(order) and end - start < self._batch_size and (end - start + 1) * longest <= MAX_BATCH_TOKENS:
                end += 1
            batch = order[start:end]
            for index, decoded in zip(batch, self._decode_batch([ids[i] for i in batch], features)):
                results[index] = decoded
            start = end
        return results

    def _decode_batch(self, ids: list[np.ndarray], features: np.ndarray) -> list[tuple[list[str], np.ndarray]]:
        lengths = np.array([len(s) for s in ids], dtype=np.int64)
        padded = np.zeros((len(ids), int(lengths[0])), dtype=np.int64)
        for row, sentence in enumerate(ids):
            padded[row, :len(sentence)] = sentence
        scores = self._word.run(None, {"features": features[padded], "lengths": lengths})[0]
        paths = np.maximum(viterbi(scores, lengths, self._transitions), VOCAB_PREFIX_SIZE)
        decoded = []
        for row, length in enumerate(lengths):
            path, emissions = paths[row, :length], scores[row, :length]
            probs = _softmax(emissions)[np.arange(length), path]
            decoded.append((fix_singleton_tags([self._tags[p] for p in path]), probs))
        return decoded

    def _features(self, tokens: list[str]) -> np.ndarray:
        """Row ``i + 1``: word vector + delta embedding, then character state, of ``tokens[i]``; row 0 is padding."""
        words = [t.lower() if self._lowercase else t for t in tokens]
        word_ids = np.array([self._word_index.get(w.replace(" ", "\xa0"), UNK) for w in words], dtype=np.int64)
        delta_ids = np.array([self._delta_index.get(w.lower() if self._delta_lowercase else w, UNK)
                              for w in words], dtype=np.int64)
        delta_ids[(delta_ids == UNK) & (word_ids != UNK)] = PAD
        width = self._vectors.shape[1]
        features = np.zeros((len(tokens) + 1, width + self._char.get_outputs()[0].shape[1]), dtype=np.float32)
        np.add(self._vectors[word_ids], self._delta[delta_ids], out=features[1:, :width])
        self._char_reps(tokens, features[1:, width:])
        return features

    def _char_reps(self, tokens: list[str], out: np.ndarray) -> None:
        """The character BiLSTM's final states of ``tokens`` into ``out``: from the cache, else computed
        for tokens of one length at a time (and the first ``CHAR_CACHE`` distinct tokens cached)."""
        with self._cache_lock:
            rows = [self._cache.get(t, -1) for t in tokens]
        known = [i for i, row in enumerate(rows) if row >= 0]
        out[known] = self._cache_rows[[rows[i] for i in known]]
        by_length: dict[int, list[int]] = {}
        for i, token in enumerate(tokens):
            if rows[i] < 0:
                by_length.setdefault(max(len(token), 1), []).append(i)
        index, case = self._char_index, self._char_lowercase
        for length, members in by_length.items():
            for start in range(0, len(members), CHAR_CHUNK):
                chunk = members[start:start + CHAR_CHUNK]
                chars = np.array([[index.get(c.lower() if case else c, UNK) for c in tokens[i]] or [UNK] for i in chunk],
                                 dtype=np.int64).reshape(len(chunk), length)
                out[chunk] = self._char.run(None, {"chars": chars})[0]
        with self._cache_lock:
            for members in by_length.values():
                for i in members[:CHAR_CACHE - len(self._cache)]:
                    self._cache_rows[self._cache.setdefault(tokens[i], len(self._cache))] = out[i]


def words_hash(words: str) -> str:
    """The sha256 of the newline-joined word list of the word vectors, which the tables record."""
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def _index(units: str) -> dict[str, int]:
    return {u: i for i, u in enumerate(units.split("\n"))}


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
