"""ner-id as a spaCy pipeline component: ``nlp.add_pipe("ner_id")`` (registered by entry point).

    import spacy
    nlp = spacy.blank("id")
    nlp.add_pipe("ner_id")                      # options: config={"model": "fast", "fuzzy": False, ...}
    doc = nlp("Presiden Joko Widodo tiba di Jakarta.")
    [(e.text, e.label_, e._.kb_id) for e in doc.ents]

The component runs the ner-id pipeline on ``doc.text`` and sets ``doc.ents`` (PER, LOC, ORG) on
the tokens of whatever tokenizer the spaCy pipeline has: an entity that does not fall on token
boundaries is widened to the tokens it touches. Each entity span gets ``span._.canonical``,
``span._.kb_id``, ``span._.group`` (index into ``doc._.ner_id_groups``) and ``span._.score``;
``doc._.ner_id_groups`` lists the groups (canonical, label, kb_id, mention count).
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ner_id.config import DEFAULT_MAX_LENGTH

_SPAN_EXTENSIONS = ("canonical", "kb_id", "group", "score")


def _register_extensions() -> None:
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("ner_id_groups"):
        Doc.set_extension("ner_id_groups", default=())


class NerIdComponent:
    """Sets ``doc.ents`` from a ner-id pipeline built with ``ner_id.load(**options)``."""

    def __init__(self, options: dict[str, Any]) -> None:
        import ner_id

        _register_extensions()
        self.pipeline = ner_id.load(**options)

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(doc, self.pipeline(doc.text))

    def pipe(self, docs, batch_size: int = 32):
        docs = list(docs)
        for doc, result in zip(docs, self.pipeline.pipe([d.text for d in docs], batch_size=batch_size)):
            yield self._annotate(doc, result)

    @staticmethod
    def _annotate(doc: Doc, result: Any) -> Doc:
        spans = []
        taken: set[int] = set()
        for e in result.entities:
            span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            canonical = result.groups[e.group].canonical if e.group is not None else e.canonical
            span._.canonical, span._.kb_id, span._.group, span._.score = canonical, e.kb_id, e.group, e.score
            spans.append(span)
        doc.ents = spans
        doc._.ner_id_groups = tuple(g.to_dict() for g in result.groups)
        return doc


@Language.factory(
    "ner_id",
    default_config={"model": "default", "fuzzy": True, "group": True, "gazetteers": [], "threads": 1,
                    "max_length": DEFAULT_MAX_LENGTH, "backend": "onnx"},
    assigns=["doc.ents", "span._.canonical", "span._.kb_id", "span._.group", "doc._.ner_id_groups"],
)
def make_component(nlp: Language, name: str, model: str, fuzzy: bool, group: bool, gazetteers: list[str],
                   threads: int, max_length: int, backend: str) -> NerIdComponent:
    """The spaCy factory behind ``nlp.add_pipe("ner_id")``."""
    return NerIdComponent({"model": model, "fuzzy": fuzzy, "group": group, "gazetteers": gazetteers,
                           "threads": threads, "max_length": max_length, "backend": backend, "topic_model": None,
                           "keyphrases": False})
