"""The ``Pipeline``: tokenise -> tag -> gazetteer -> merge, for one text or a stream of texts."""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from ner_id.consolidate import consolidate
from ner_id.gazetteer import ExactMatcher, FuzzyMatcher
from ner_id.merge import DEFAULT_ADD_LABELS, DEFAULT_OVERRIDE_LABELS, Candidate, merge
from ner_id.tagger import Tagger
from ner_id.tokenize import Token, Tokenizer
from ner_id.topics import TAXONOMY, TopicClassifier, keyphrases
from ner_id.types import LABELS, Document, Entity, Topic


MAX_TAGGER_CHARS = 50  # longer tokens are never names: the tagger sees their first characters, and spans
                       # that contain one are dropped


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a TypeError that says what to pass."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(f"text must be str, got {type(text).__name__}; decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"text must be str, got {type(text).__name__}")


@dataclass
class Pipeline:
    """Owns the components; call it on a text, or ``pipe`` a stream of texts.

    One pipeline may be shared by threads: components keep no per-call state and the tagger
    serialises its forward pass. Do not swap components while calls are running.
    """

    tokenizer: Tokenizer
    tagger: Tagger | None
    exact: ExactMatcher
    fuzzy: FuzzyMatcher | None
    add_labels: frozenset[str] = DEFAULT_ADD_LABELS
    override_labels: frozenset[str] = DEFAULT_OVERRIDE_LABELS
    group: bool = True
    topic_model: TopicClassifier | None = None
    keyphrases: bool = True
    config: dict[str, Any] = field(default_factory=dict)

    def __call__(self, text: str) -> Document:
        return self._process([check_text(text)])[0]

    def pipe(self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Document]:
        """Documents for ``texts``, in the same order; ``n_process > 1`` uses worker processes."""
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
        if not isinstance(n_process, int) or n_process < 1:
            raise ValueError(f"n_process must be a positive int, got {n_process!r}")
        batches = _batches((check_text(t) for t in texts), batch_size)
        if n_process == 1:
            for batch in batches:
                yield from self._process(batch)
            return
        context = multiprocessing.get_context("spawn")
        threads = max(1, (os.cpu_count() or 1) // n_process)  # n_process x threads never oversubscribes the cores
        with context.Pool(n_process, initializer=_init_worker, initargs=(self.config, threads)) as pool:
            for documents in pool.imap(_work, batches):
                yield from documents

    def _process(self, texts: Sequence[str]) -> list[Document]:
        tokenized = [self.tokenizer(t) for t in texts]
        sentences = [(d, s) for d, tok in enumerate(tokenized) for s in tok.sentence_tokens()]
        tagged = self.tagger.tag([[t.text[:MAX_TAGGER_CHARS] for t in s] for _, s in sentences]) if self.tagger else None
        model: list[list[Candidate]] = [[] for _ in texts]
        gazetteer: list[list[Candidate]] = [[] for _ in texts]
        for k, (d, tokens) in enumerate(sentences):
            if tagged is not None:
                model[d] += [Candidate(tokens[s.first].start, tokens[s.end - 1].end, s.label, s.score)
                             for s in tagged[k]
                             if all(len(t.text) <= MAX_TAGGER_CHARS for t in tokens[s.first:s.end])]
            gazetteer[d] += self._gazetteer(tokens)
        add = self.add_labels if self.tagger else LABELS  # without a tagger, the gazetteer is all there is
        topics = self._topics(texts)
        documents = []
        for d, text in enumerate(texts):
            entities = tuple(self._link(e) for e in merge(text, model[d], gazetteer[d], add, self.override_labels))
            groups: tuple = ()
            if self.group:
                entities, groups = consolidate(text, entities, gazetteer[d])
            phrases = keyphrases(text, tokenized[d], entities) if self.keyphrases else ()
            documents.append(Document(text, entities, groups, phrases, topics[d]))
        return documents

    def _topics(self, texts: Sequence[str], top: int = 3) -> list[tuple[Topic, ...]]:
        """The ``top`` most likely topics of each non-blank text."""
        found: list[tuple[Topic, ...]] = [() for _ in texts]
        used = [i for i, t in enumerate(texts) if t.strip()]
        if self.topic_model is None or not used:
            return found
        proba = self.topic_model.probabilities([texts[i] for i in used])
        classes = self.topic_model.classes_
        for row, i in zip(proba, used):
            ranked = sorted(zip(classes, row), key=lambda kv: -kv[1])[:top]
            found[i] = tuple(Topic(str(c), TAXONOMY.get(str(c), str(c)), round(float(p), 4)) for c, p in ranked)
        return found

    def _gazetteer(self, tokens: list[Token]) -> list[Candidate]:
        matches = self.exact.find(tokens)
        if self.fuzzy is not None:
            covered = {i for m in matches for i in range(m.first, m.end)}
            matches += self.fuzzy.find(tokens, covered)
        return [Candidate(m.start, m.stop, m.entry.label, m.score, m.entry.canonical, m.entry.kb_id)
                for m in matches]

    def _link(self, e: Entity) -> Entity:
        """Give a model span the gazetteer's canonical name and id when its whole text is a known name."""
        if e.kb_id is not None:
            return e
        entry = self.exact.lookup(e.text)
        if entry is None and e.label == "ORG" and e.text.startswith(("PT ", "PT. ")):
            entry = self.exact.lookup(e.text.split(" ", 1)[1])
        if entry is None or entry.label != e.label:
            return e
        return replace(e, canonical=entry.canonical, kb_id=entry.kb_id)


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


_WORKER: Pipeline | None = None


def _init_worker(config: dict[str, Any], threads: int) -> None:
    global _WORKER
    import torch

    from ner_id import load

    torch.set_num_threads(threads)
    _WORKER = load(**config)


def _work(batch: list[str]) -> list[Document]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER._process(batch)
