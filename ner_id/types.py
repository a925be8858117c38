"""The public result types: small frozen dataclasses, JSON-serialisable through ``to_dict``."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd
    import spacy.tokens

Label = Literal["PER", "LOC", "ORG"]
Source = Literal["model", "gazetteer", "model+gazetteer"]
LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")


@dataclass(frozen=True, slots=True)
class Entity:
    """A typed mention; ``text == document_text[start:end]`` always holds."""

    text: str
    label: Label
    start: int
    end: int
    score: float
    source: Source
    canonical: str | None = None
    kb_id: str | None = None
    group: int | None = None  #: index into ``Document.groups``

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """The mentions of one document that refer to the same thing, by first mention."""

    canonical: str
    label: Label
    kb_id: str | None
    mentions: tuple[Entity, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"canonical": self.canonical, "label": self.label, "kb_id": self.kb_id, "count": len(self.mentions),
                "first": self.mentions[0].start, "mentions": [[m.start, m.end] for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class Keyphrase:
    """A key phrase of a document; ``start``/``end`` locate its first occurrence."""

    text: str
    score: float
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic label with its probability: ``id`` (English, stable), ``label`` (Indonesian)."""

    id: str
    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Document:
    """A processed text and its entities, sorted by start offset."""

    text: str
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    groups: tuple[EntityGroup, ...] = field(default_factory=tuple)
    keyphrases: tuple[Keyphrase, ...] = field(default_factory=tuple)
    topics: tuple[Topic, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable dict: text, entities, groups, keyphrases, topics."""
        return {"text": self.text, "entities": [e.to_dict() for e in self.entities],
                "groups": [g.to_dict() for g in self.groups],
                "keyphrases": [k.to_dict() for k in self.keyphrases], "topics": [t.to_dict() for t in self.topics]}

    def to_frame(self) -> "pd.DataFrame":
        """One row per entity, with its group's canonical name in ``group_canonical``."""
        import pandas as pd

        from ner_id.schema import ENTITY_COLUMNS, pandas_dtypes

        rows = [{**e.to_dict(), "group_canonical": self.groups[e.group].canonical if e.group is not None else None}
                for e in self.entities]
        frame = pd.DataFrame(rows, columns=[*ENTITY_COLUMNS, "group_canonical"])
        return frame.astype({**pandas_dtypes(), "group_canonical": "string"})

    def to_spacy(self) -> "spacy.tokens.Doc":
        """A spaCy ``Doc`` over the same text with ``doc.ents`` set (for ``displacy.render``).

        Lone surrogates, which spaCy cannot store, appear as U+FFFD; offsets are unchanged.
        """
        from ner_id.tokenizer import safe_text, shared_spacy

        doc = shared_spacy()(safe_text(self.text))
        spans: list[Any] = []
        for e in self.entities:
            span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
            if span is not None and all(span.start >= s.end or span.end <= s.start for s in spans):
                spans.append(span)
        doc.ents = spans
        return doc

