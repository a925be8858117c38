"""The ``Pipeline``: tokenise -> tag -> gazetteer -> merge -> consolidate -> topics, for one text or a stream."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ner_id.config import PipelineConfig
from ner_id.consolidate import consolidate
from ner_id.gazetteer import ExactMatcher, FuzzyMatcher, default_paths, load_entries
from ner_id.merge import Candidate, merge
from ner_id.rules import apply_rules
from ner_id.tagger import TaggedSpan, Tagger
from ner_id.tokenizer import Tokenizer
from ner_id.topics import TopicClassifier, default_classifier, keyphrases, top_topics
from ner_id.types import LABELS, Document, Token
from ner_id.wordfreq import idf_table

logger = logging.getLogger("ner_id")
#: Tokens tagged between two calls of ``pipe``'s progress hook (about half a second on one core).
PROGRESS_TOKENS = 5000


def check_text(text: object, where: str = "text") -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a TypeError that says what to pass."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(f"{where} must be str, got {type(text).__name__}; decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"{where} must be str, got {type(text).__name__}")


@dataclass(frozen=True)
class Pipeline:
    """Built from a ``PipelineConfig``; call it on a text, or ``pipe`` a stream of texts.

    ``dataclasses.replace(nlp, config=...)`` builds a new pipeline from the new settings.
    One pipeline may be shared by threads: components keep no per-call state, ONNX Runtime
    sessions are thread-safe and the Stanza backend serialises its forward pass.
    """

    config: PipelineConfig = field(default_factory=PipelineConfig)
    tokenizer: Tokenizer = field(init=False, repr=False, compare=False)
    tagger: Tagger | None = field(init=False, repr=False, compare=False)
    exact: ExactMatcher = field(init=False, repr=False, compare=False)
    fuzzy: FuzzyMatcher | None = field(init=False, repr=False, compare=False)
    topic_model: TopicClassifier | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        started = time.perf_counter()
        config = self.config
        if not isinstance(config, PipelineConfig):
            raise TypeError(f"config must be a PipelineConfig, got {type(config).__name__}")
        entries = load_entries([*config.gazetteers, *(default_paths() if config.default_gazetteers else [])])
        topic = default_classifier() if config.topic_model == "default" else config.topic_model
        components = {
            "tokenizer": Tokenizer(),
            "tagger": Tagger(config.model, threads=config.threads, backend=config.backend) if config.model else None,
            "exact": ExactMatcher(entries),
            "fuzzy": FuzzyMatcher(entries, idf_table()[1].keys()) if config.fuzzy else None,
            "topic_model": topic,
        }
        for name, value in components.items():
            object.__setattr__(self, name, value)
        logger.info("pipeline built in %.2f s: model %s (%s), %d gazetteer names, rules %s",
                    time.perf_counter() - started, config.model, config.backend, len(self.exact), ", ".join(config.rules) or "none")

    @classmethod
    def from_config(cls, config: PipelineConfig) -> Pipeline:
        """Build every component from ``config``."""
        return cls(config)

    @property
    def meta(self) -> dict[str, Any]:
        """What this pipeline runs: its settings, the tagger model's files, training data and scores, and
        ``files``: the sha256 of every shipped file it reads (from ``manifest.json``)."""
        from ner_id import __version__
        from ner_id.shipped import manifest

        shipped = manifest()
        config = self.config
        model = shipped["models"][config.model] if config.model else None
        used = [model["tagger"], model["vectors"], *(model["charlm"] or [])] if model else []
        used += ["idf.json.gz"] if config.fuzzy or config.keyphrases else []
        used += ["topics.npz"] if config.topic_model == "default" else []
        return {"ner_id": __version__, "config": config.to_dict(), "model": config.model, "tagger": model,
                "files": {name: shipped["files"][name]["sha256"] for name in used}}

    def __call__(self, text: str) -> Document:
        return self._process([self._check(text, "text")])[0]

    def pipe(self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1,
             progress: Callable[[int, int], object] | None = None) -> Iterator[Document]:
        """Documents for ``texts``, in the same order; ``n_process > 1`` uses worker processes.

        A text that is not a ``str`` raises TypeError naming its index, after the documents before it.
        ``progress`` (``n_process=1`` only) is called while a batch is tagged, every
        ``PROGRESS_TOKENS`` tokens and at its end, with the characters of the batch tagged so far
        and in all: a 5 MB document shows how far it is.
        """
        for name, value in (("batch_size", batch_size), ("n_process", n_process)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive int, got {value!r}")
        if isinstance(texts, (str, bytes)):
            raise TypeError(f"texts must be an iterable of str, got one {type(texts).__name__}; use nlp(text)")
        if progress is not None and n_process > 1:
            raise ValueError("progress is reported with n_process=1 only")
        checked = (self._check(t, f"texts[{i}]") for i, t in enumerate(texts))
        batches = _batches(checked, batch_size)
        if n_process == 1:
            for batch in batches:
                yield from self._process(batch, progress)
            return
        from ner_id.workers import pool_map

        yield from pool_map(self.config, batches, n_process)

    def _check(self, text: object, where: str) -> str:
        text = check_text(text, where)
        if len(text) > self.config.max_length:
            raise ValueError(f"{where} has {len(text):,} characters, more than max_length={self.config.max_length:,}; "
                             "raise it with ner_id.load(max_length=...) (memory grows about 3 kB per character)")
        return text

    def _process(self, texts: Sequence[str], progress: Callable[[int, int], object] | None = None
                 ) -> list[Document]:
        """The steps, for a batch of texts."""
        tokenized = [self.tokenizer(t) for t in texts]
        sentences = [(d, s) for d, tok in enumerate(tokenized) for s in tok.sentence_tokens()]
        model: list[list[Candidate]] = [[] for _ in texts]
        gazetteer: list[list[Candidate]] = [[] for _ in texts]
        if self.tagger is not None:
            tagged = self._tag([s for _, s in sentences], progress)
            for (d, tokens), spans in zip(sentences, tagged):
                model[d] += [Candidate(tokens[s.first].start, tokens[s.end - 1].end, s.label, s.score) for s in spans]
        for d, tokens in sentences:
            gazetteer[d] += self.match_gazetteers(tokens)
        add = self.config.add_labels if self.tagger else LABELS  # without a tagger, the gazetteer is all there is
        topics = top_topics(self.topic_model, texts, named=self.config.topic_model == "default")
        documents = []
        for d, text in enumerate(texts):
            merged = merge(text, model[d], gazetteer[d], add, self.config.override_labels)
            repaired = apply_rules(self.config.rules, text, merged, gazetteer[d])
            entities = tuple(self.exact.link(e) for e in repaired)
            groups: tuple = ()
            if self.config.group:
                entities, groups = consolidate(text, entities, gazetteer[d])
            phrases = keyphrases(text, tokenized[d], entities) if self.config.keyphrases else ()
            words = tokenized[d].tokens
            bounds = tuple((words[a].start, words[b - 1].end) for a, b in tokenized[d].sentences)
            documents.append(Document(text, entities, groups, phrases, topics[d], words, bounds))
        return documents

    def _tag(self, sentences: list[list[Token]], progress: Callable[[int, int], object] | None
             ) -> list[list[TaggedSpan]]:
        """The tagger's spans per sentence; with ``progress``, in slices of ``PROGRESS_TOKENS`` tokens,
        reporting the characters tagged after each."""
        assert self.tagger is not None
        words = [[t.text for t in s] for s in sentences]
        if progress is None:
            return self.tagger.tag(words)
        sizes = [s[-1].end - s[0].start if s else 0 for s in sentences]
        total, done, start, tokens = sum(sizes), 0, 0, 0
        tagged: list[list[TaggedSpan]] = []
        for end, sentence in enumerate(words, 1):
            tokens += len(sentence)
            if tokens >= PROGRESS_TOKENS or end == len(words):
                tagged += self.tagger.tag(words[start:end])
                done += sum(sizes[start:end])
                progress(done, total)
                start, tokens = end, 0
        return tagged

    def match_gazetteers(self, tokens: Sequence[Token]) -> list[Candidate]:
        """Exact, then fuzzy, gazetteer matches in one sentence's tokens, as merge candidates."""
        matches = self.exact.find(tokens)
        if self.fuzzy is not None:
            covered = {i for m in matches for i in range(m.token_start, m.token_end)}
            matches += self.fuzzy.find(tokens, covered)
        return [Candidate(m.start, m.end, m.entry.label, m.score, m.entry.canonical, m.entry.kb_id)
                for m in matches]


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
