"""The shipped Stanza BiLSTM-CRF NER tagger: one ``Tagger`` face over two backends.

``backend="onnx"`` (the default) runs the network exported to ONNX on ONNX Runtime with numpy
decoding, without torch; ``backend="stanza"`` runs it on Stanza + torch, the reference the
ONNX backend is checked against. Both tag pre-tokenised sentences and return spans with a
confidence: the mean softmax probability of the Viterbi tags over the span's tokens.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ner_id.config import BACKENDS, TAGGER_MODELS, check_threads
from ner_id.conll import spans
from ner_id.shipped import MODEL_DIR

if TYPE_CHECKING:
    from ner_id.onnx_tagger import OnnxNetwork
    from ner_id.stanza_tagger import StanzaNetwork

#: Longer tokens are never names: the tagger sees their first characters, and spans that contain one are dropped.
MAX_TOKEN_CHARS = 50


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """Tokens ``[first, end)`` of one sentence tagged ``label`` with confidence ``score``."""

    first: int
    end: int
    label: str
    score: float


class Tagger:
    """Tag sentences (lists of token strings) with PER / LOC / ORG spans. Safe to share between threads."""

    def __init__(self, model: str = "default", threads: int | None = 1, model_dir: Path = MODEL_DIR,
                 batch_size: int = 64, backend: str = "onnx") -> None:
        """Load shipped tagger ``model`` ("default" or "fast", see ``manifest.json``) on ``backend``.

        ``threads``: intra-op threads while tagging: ONNX Runtime's for ``backend="onnx"`` (``None``:
        its default), torch's for ``backend="stanza"`` (restored afterwards; ``None`` leaves torch's setting).
        """
        if model not in TAGGER_MODELS:
            raise ValueError(f"model must be one of {list(TAGGER_MODELS)}, got {model!r}")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {list(BACKENDS)}, got {backend!r}")
        check_threads(threads)
        self.name, self.threads, self.backend = model, threads, backend
        if backend == "onnx":
            from ner_id.onnx_tagger import OnnxNetwork

            self._network: OnnxNetwork | StanzaNetwork = OnnxNetwork(model, model_dir, threads, batch_size)
        else:
            from ner_id.stanza_tagger import StanzaNetwork

            self._network = StanzaNetwork(model, model_dir, threads, batch_size)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[TaggedSpan]]:
        """Spans for each sentence, in input order. Empty sentences give no spans.

        Tokens longer than ``MAX_TOKEN_CHARS`` are cut for the network, and spans containing one are dropped.
        """
        filled = [i for i, s in enumerate(sentences) if s]
        decoded = self._network.decode([[t[:MAX_TOKEN_CHARS] for t in sentences[i]] for i in filled])
        results: list[list[TaggedSpan]] = [[] for _ in sentences]
        for index, (labels, probs) in zip(filled, decoded):
            tokens = sentences[index]
            results[index] = [span for span in _spans(labels, probs)
                              if all(len(t) <= MAX_TOKEN_CHARS for t in tokens[span.first:span.end])]
        return results


def _spans(labels: list[str], probs: np.ndarray) -> list[TaggedSpan]:
    """BIOES tags to spans; a span's score is the mean probability of its tags."""
    return [TaggedSpan(a, b, kind, float(np.mean(probs[a:b]))) for a, b, kind in spans(labels)]
