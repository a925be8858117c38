"""The public result types: small frozen dataclasses, JSON-serialisable through ``to_dict``."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd
    import spacy.tokens

Label = Literal["PER", "LOC", "ORG"]
Source = Literal["model", "gazetteer", "model+gazetteer"]
LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text and ``[start, end)`` offsets into the original string."""

    text: str
    start: int
    end: int


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
    tokens: tuple[Token, ...] = field(default_factory=tuple)
    #: sentences as ``(start, end)`` character spans
    sentences: tuple[tuple[int, int], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable dict: text, entities, groups, keyphrases, topics, tokens, sentences."""
        return {"text": self.text, "entities": [e.to_dict() for e in self.entities],
                "groups": [g.to_dict() for g in self.groups],
                "keyphrases": [k.to_dict() for k in self.keyphrases], "topics": [t.to_dict() for t in self.topics],
                "tokens": [[t.start, t.end] for t in self.tokens], "sentences": [list(s) for s in self.sentences]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The ``Document`` that ``to_dict`` described (``Document.from_dict(doc.to_dict()) == doc``)."""
        text = data["text"]
        entities = tuple(Entity(**e) for e in data.get("entities", ()))
        by_span = {(e.start, e.end): e for e in entities}
        groups = tuple(EntityGroup(g["canonical"], g["label"], g["kb_id"], tuple(by_span[(a, b)] for a, b in g["mentions"]))
                       for g in data.get("groups", ()))
        return cls(text, entities, groups, tuple(Keyphrase(**k) for k in data.get("keyphrases", ())),
                   tuple(Topic(**t) for t in data.get("topics", ())),
                   tuple(Token(text[a:b], a, b) for a, b in data.get("tokens", ())),
                   tuple((a, b) for a, b in data.get("sentences", ())))

    def to_frame(self) -> "pd.DataFrame":
        """One row per entity, with its group's canonical name in ``group_canonical``."""
        import pandas as pd

        from ner_id.schema import ENTITY_COLUMNS, pandas_dtypes

        rows = [{**e.to_dict(), "group_canonical": self.groups[e.group].canonical if e.group is not None else None}
                for e in self.entities]
        frame = pd.DataFrame(rows, columns=[*ENTITY_COLUMNS, "group_canonical"])
        return frame.astype({**pandas_dtypes(), "group_canonical": "string"})

    def to_spacy(self) -> "spacy.tokens.Doc":
        """A spaCy ``Doc`` over the same text, tokens and sentences, with ``doc.ents`` set.

        Lone surrogates, which spaCy cannot store, appear as U+FFFD; offsets are unchanged.
        """
        from spacy.tokens import Doc as SpacyDoc

        text = safe_text(self.text)
        sentence_starts = {start for start, _ in self.sentences}
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        position = 0
        for token in [*self.tokens, Token("", len(text), len(text))]:
            gap = text[position:token.start]
            if gap == " " and words:
                spaces[-1] = True
            elif gap:
                words.append(gap)
                spaces.append(False)
                starts.append(False)
            if token.text:
                words.append(text[token.start:token.end])
                spaces.append(False)
                starts.append(token.start in sentence_starts)
            position = token.end
        if starts:
            if len(starts) > 1 and not text[:1].strip() and self.tokens and starts[1]:
                starts[1] = False  # leading whitespace belongs to the first sentence, not one of its own
            starts[0] = True
        doc = SpacyDoc(_vocab(), words=words, spaces=spaces, sent_starts=starts if self.sentences else None)
        spans: list[Any] = []
        for e in self.entities:
            span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
            if span is not None and all(span.start >= s.end or span.end <= s.start for s in spans):
                spans.append(span)
        doc.ents = spans
        return doc


_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_text(text: str) -> str:
    """``text`` with lone surrogates (which spaCy and UTF-8 cannot store) replaced by U+FFFD; same length."""
    return _SURROGATE.sub("\ufffd", text)


@lru_cache(maxsize=1)
def _vocab() -> Any:
    from spacy.lang.lex_attrs import LEX_ATTRS
    from spacy.vocab import Vocab

    return Vocab(lex_attr_getters=LEX_ATTRS)
