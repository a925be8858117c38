"""``PipelineConfig``: everything a pipeline is built from, so it can be rebuilt anywhere (workers, Dask)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ner_id.merge import DEFAULT_ADD_LABELS, DEFAULT_OVERRIDE_LABELS
from ner_id.rules import DEFAULT_RULES, RULES
from ner_id.types import LABELS

if TYPE_CHECKING:
    from ner_id.topics import TopicClassifier

#: Like spaCy's ``nlp.max_length``: longer texts raise a ValueError that says how to allow them.
DEFAULT_MAX_LENGTH = 10_000_000
TAGGER_MODELS = ("default", "fast")
#: How the tagger runs: ONNX Runtime (no torch), or Stanza + torch (the reference; ``pip install "ner-id[stanza]"``).
BACKENDS = ("onnx", "stanza")


@dataclass(frozen=True)
class PipelineConfig:
    """The settings of a ``Pipeline``; ``Pipeline.from_config(config)`` builds it.

    Attributes:
        model: shipped tagger by its name in ``ner_id/models/manifest.json`` (``"default"``; ``"fast"``
            stays the speed-first model as the default grows), or ``None`` for gazetteers only.
        gazetteers: extra gazetteer files (``.jsonl`` / ``.tsv``); their entries win over the shipped ones.
        default_gazetteers: include the shipped gazetteers.
        fuzzy: also find near-misses of gazetteer names ("Asfghanistan").
        add_labels: labels of gazetteer matches added where the tagger found nothing.
        override_labels: gazetteer labels that replace the tagger's label on the same span.
        group: trim titles, split swallowed neighbours and group mentions of one thing.
        topic_model: ``"default"``, a fitted ``TopicClassifier``, or ``None`` for no topics.
        keyphrases: compute ``doc.keyphrases``.
        rules: the news-structure repairs to run (``ner_id.rules.RULES``; ``()`` for none).
        backend: how the tagger runs: ``"onnx"`` (ONNX Runtime, no torch) or ``"stanza"`` (Stanza +
            torch, the reference; needs ``pip install "ner-id[stanza]"``).
        threads: intra-op threads while tagging: ONNX Runtime's (``None``: its default, all cores),
            or torch's with ``backend="stanza"`` (the caller's setting is restored after each call;
            ``None`` leaves it). One per process is the safe default on a shared machine: more
            throughput comes from processes.
        max_length: the longest text accepted, in characters.
    """

    model: str | None = "default"
    gazetteers: tuple[str, ...] = ()
    default_gazetteers: bool = True
    fuzzy: bool = True
    add_labels: frozenset[str] = DEFAULT_ADD_LABELS
    override_labels: frozenset[str] = DEFAULT_OVERRIDE_LABELS
    group: bool = True
    topic_model: "str | TopicClassifier | None" = "default"
    keyphrases: bool = True
    rules: tuple[str, ...] = DEFAULT_RULES
    backend: str = "onnx"
    threads: int | None = 1
    max_length: int = DEFAULT_MAX_LENGTH

    def __post_init__(self) -> None:
        model = ("default" if self.model else None) if isinstance(self.model, bool) else self.model
        if model is not None and model not in TAGGER_MODELS:
            raise ValueError(f"model must be one of {list(TAGGER_MODELS)} or None, got {self.model!r}")
        object.__setattr__(self, "model", model)
        paths = [self.gazetteers] if isinstance(self.gazetteers, (str, Path)) else self.gazetteers
        object.__setattr__(self, "gazetteers", tuple(str(p) for p in paths))
        for name in ("add_labels", "override_labels"):
            value = getattr(self, name)
            labels = frozenset([value] if isinstance(value, str) else _iterable(name, value))
            if not labels <= set(LABELS):
                raise ValueError(f"{name} must be a subset of {list(LABELS)}, got {sorted(labels)}")
            object.__setattr__(self, name, labels)
        rules = (self.rules,) if isinstance(self.rules, str) else tuple(_iterable("rules", self.rules))
        unknown = [r for r in rules if r not in RULES]
        if unknown:
            raise ValueError(f"unknown rules {unknown}; known: {list(RULES)}")
        object.__setattr__(self, "rules", rules)
        if self.backend not in BACKENDS:
            raise ValueError(f"backend must be one of {list(BACKENDS)}, got {self.backend!r}")
        check_threads(self.threads)
        if isinstance(self.max_length, bool) or not isinstance(self.max_length, int) or self.max_length < 1:
            raise ValueError(f"max_length must be a positive int, got {self.max_length!r}")
        if isinstance(self.topic_model, str) and self.topic_model != "default":
            raise ValueError(f"topic_model must be 'default', a TopicClassifier or None, got {self.topic_model!r}")
        if not (self.topic_model is None or isinstance(self.topic_model, str) or _is_classifier(self.topic_model)):
            raise TypeError("topic_model must be 'default', a TopicClassifier or None, "
                            f"got {type(self.topic_model).__name__}")

    def to_dict(self) -> dict[str, Any]:
        """Plain values (a custom topic model shows as its class name)."""
        topic = self.topic_model if self.topic_model is None or isinstance(self.topic_model, str) else "custom"
        return {"model": self.model, "gazetteers": list(self.gazetteers), "default_gazetteers": self.default_gazetteers,
                "fuzzy": self.fuzzy, "add_labels": sorted(self.add_labels),
                "override_labels": sorted(self.override_labels), "group": self.group, "topic_model": topic,
                "keyphrases": self.keyphrases, "rules": list(self.rules), "backend": self.backend,
                "threads": self.threads, "max_length": self.max_length}


def check_threads(threads: Any) -> None:
    """ValueError unless ``threads`` is a positive int or None."""
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads must be a positive int or None, got {threads!r}")


def _iterable(name: str, value: Any) -> Iterable[str]:
    if not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a collection of labels, got {type(value).__name__}")
    return value


def _is_classifier(value: Any) -> bool:
    from ner_id.topics.classifier import TopicClassifier

    return isinstance(value, TopicClassifier)
