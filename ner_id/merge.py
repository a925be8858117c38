"""Combine tagger spans and gazetteer matches into one non-overlapping list of entities.

Policy (measured on the dev splits, see the README):
- a gazetteer match with the same boundaries as a model span confirms it: source
  ``model+gazetteer``; the canonical name and kb_id are kept when the labels agree, and when
  they disagree the gazetteer's label wins if it is in ``override_labels``, or if the match is
  fuzzy (a misspelt known name: "Asfghanistan" is a place whatever the tagger guessed);
- an exact gazetteer match that contains model spans and crosses none replaces them ("Partai Golkar"
  over "Golkar", "Tentara Nasional Indonesia" over the place "Indonesia");
- where they overlap otherwise, the model's span wins;
- a gazetteer match the model missed is added when its label is in ``add_labels``
  (by default LOC and ORG: countries, regions and acronyms are reliable; one-word person
  names are not).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ner_id.types import Entity

DEFAULT_ADD_LABELS = frozenset({"LOC", "ORG"})
DEFAULT_OVERRIDE_LABELS: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A character span proposed by one source."""

    start: int
    end: int
    label: str
    score: float
    canonical: str | None = None
    kb_id: str | None = None


def merge(
    text: str, model: Sequence[Candidate], gazetteer: Sequence[Candidate],
    add_labels: Iterable[str] = DEFAULT_ADD_LABELS, override_labels: Iterable[str] = DEFAULT_OVERRIDE_LABELS,
) -> tuple[Entity, ...]:
    """Entities sorted by start; ``text[e.start:e.end] == e.text`` for each."""
    add, override = frozenset(add_labels), frozenset(override_labels)
    exact = {(g.start, g.end): g for g in gazetteer}
    model = _contained_in_longer_names(text, model, gazetteer)
    entities = []
    for m in model:
        g = exact.get((m.start, m.end))
        if g is None:
            entities.append(_entity(text, m, "model"))
        elif g.label == m.label or g.label in override or g.score < 1.0:
            entities.append(_entity(text, g, "model+gazetteer", max(m.score, g.score), g))
        else:
            entities.append(_entity(text, m, "model+gazetteer"))
    ordered = sorted(model, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for g in gazetteer:
        i = bisect_left(starts, g.end) - 1  # the last model span starting before g ends
        overlaps = i >= 0 and ordered[i].end > g.start
        if g.label in add and not overlaps:
            entities.append(_entity(text, g, "gazetteer", linked=g))
    return tuple(sorted(entities, key=lambda e: (e.start, e.end)))


def _contained_in_longer_names(text: str, model: Sequence[Candidate], gazetteer: Sequence[Candidate]
                               ) -> list[Candidate]:
    """Model spans, where an exact gazetteer match holds some of them whole and crosses none, the match
    instead (as a model span of the gazetteer's label, so that merging confirms it)."""
    ordered = sorted(model, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    replaced: dict[int, Candidate] = {}  # index of the first model span held -> the longer name
    dropped: set[int] = set()
    for g in gazetteer:
        if g.score < 1.0:
            continue
        first, last = bisect_left(starts, g.start), bisect_left(starts, g.end)
        crossing = (first > 0 and ordered[first - 1].end > g.start) or any(m.end > g.end for m in ordered[first:last])
        held = range(first, last)
        if not held or crossing or (ordered[first].start, ordered[first].end) == (g.start, g.end) \
                or any(i in dropped for i in held) or text.endswith("Wali ", 0, g.start):  # "Wali Kota X": X
            continue
        replaced[first] = Candidate(g.start, g.end, g.label, max(ordered[i].score for i in held))
        dropped.update(held)
    return [replaced[i] if i in replaced else m for i, m in enumerate(ordered) if i in replaced or i not in dropped]


def _entity(text: str, span: Candidate, source: str, score: float | None = None,
            linked: Candidate | None = None) -> Entity:
    return Entity(
        text=text[span.start:span.end], label=span.label, start=span.start, end=span.end,  # type: ignore[arg-type]
        score=round(span.score if score is None else score, 4), source=source,  # type: ignore[arg-type]
        canonical=linked.canonical if linked else None, kb_id=linked.kb_id if linked else None,
    )
