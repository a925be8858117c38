"""CRF decoding in numpy: Viterbi over a padded batch and Stanza's singleton-tag repair.

Both do what Stanza's ``crf.viterbi_decode`` and ``ner.trainer.fix_singleton_tags`` do, in the
same float32 arithmetic and tie-breaking (the first maximum), without importing torch.
"""
from __future__ import annotations

import numpy as np


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag ids ``[sentences, tokens]`` for emissions ``scores`` ``[sentences, tokens, tags]``.

    Positions at or after a sentence's length are padding; their ids are 0.
    """
    size, steps, _ = scores.shape
    trellis = scores[:, 0].copy()
    back = np.zeros(scores.shape, dtype=np.int64)
    for t in range(1, steps):
        v = trellis[:, :, None] + transitions[None]
        back[:, t] = v.argmax(axis=1)
        live = t < lengths
        trellis[live] = scores[live, t] + v[live].max(axis=1)
    paths = np.zeros((size, steps), dtype=np.int64)
    rows = np.arange(size)
    current = trellis.argmax(axis=1)
    paths[rows, lengths - 1] = current
    for t in range(steps - 1, 0, -1):
        live = t < lengths
        current = np.where(live, back[rows, t, current], current)
        paths[live, t - 1] = current[live]
    return paths


def fix_singleton_tags(tags: list[str]) -> list[str]:
    """BIOES repair: stray I- tags at a span's edge become B- / E-, then lone B- / E- become S-."""
    new = list(tags)
    last = len(new) - 1
    for i, tag in enumerate(new):
        if tag.startswith("I-"):
            kind = tag[2:]
            if i == last or new[i + 1] not in (f"I-{kind}", f"E-{kind}"):
                new[i] = f"E-{kind}"
            if i == 0 or new[i - 1] not in (f"B-{kind}", f"I-{kind}"):
                new[i] = f"B-{kind}"
    for i, tag in enumerate(new):
        kind = tag[2:]
        if tag.startswith("B-") and (i == last or new[i + 1] not in (f"I-{kind}", f"E-{kind}")):
            new[i] = f"S-{kind}"
        if tag.startswith("E-") and (i == 0 or new[i - 1] not in (f"B-{kind}", f"I-{kind}")):
            new[i] = f"S-{kind}"
    return new
