"""Exact, case-aware matching of gazetteer names against token sequences.

A name matches a run of tokens when the tokens, joined as they are spaced in the text, spell
the name exactly ("Bali" matches the island, "bali" does not). In an ALL-CAPS run, names of
five or more letters also match their upper-case form, so headlines still find "JAWA BARAT".
Matches are chosen left to right, longest first, and never overlap.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ner_id.gazetteer.load import Entry
from ner_id.types import Entity, Token

MAX_TOKENS = 10
#: "PT X (Persero) Tbk." names company X.
_COMPANY = re.compile(r"^PT\.?\s+|\s*\(Persero\)|\s+Tbk\.?$")


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit over characters ``[start, end)``, which are tokens ``[token_start, token_end)``."""

    start: int
    end: int
    token_start: int
    token_end: int
    entry: Entry
    score: float


def scan(tokens: Sequence[Token], best_at: Callable[[int], Match | None]) -> list[Match]:
    """Non-overlapping matches, left to right: ``best_at(i)`` is the match starting at token ``i``."""
    matches: list[Match] = []
    i = 0
    while i < len(tokens):
        found = best_at(i)
        if found is None:
            i += 1
        else:
            matches.append(found)
            i = found.token_end
    return matches


class ExactMatcher:
    """Look up token runs in a dictionary of names; earlier entries win on equal surfaces."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._names: dict[str, Entry] = {}
        self._upper: dict[str, Entry] = {}
        for entry in entries:
            for surface in entry.surfaces:
                self._names.setdefault(surface, entry)
                if len(surface) >= 5 and not surface.isupper():
                    self._upper.setdefault(surface.upper(), entry)
        # the first token's first three characters ("PT Timah" is found from the token "PT")
        self._prefixes = {s[:3].split(" ")[0] for s in (*self._names, *self._upper)}
        self._longest = max((len(s) for s in self._names), default=0)

    def __len__(self) -> int:
        return len(self._names)

    def lookup(self, surface: str) -> Entry | None:
        """The entry whose name or alias is exactly ``surface``, if any."""
        return self._names.get(" ".join(surface.split()))

    def link(self, entity: Entity) -> Entity:
        """``entity`` with the canonical name and id of the entry its whole text names (same label), if any;
        a company written "PT X" links to X."""
        if entity.kb_id is not None:
            return entity
        entry = self.lookup(entity.text)
        if entry is None and entity.label == "ORG":
            entry = self.lookup(_COMPANY.sub("", entity.text))
        if entry is None or entry.label != entity.label:
            return entity
        return replace(entity, canonical=entry.canonical, kb_id=entry.kb_id)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Non-overlapping matches in a token sequence (one sentence or a whole text)."""
        return scan(tokens, lambda i: self._longest_at(tokens, i))

    def _longest_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        head = tokens[i].text
        if head[:3] not in self._prefixes:
            return None
        best = None
        surface = head
        for j in range(i, min(len(tokens), i + MAX_TOKENS)):
            if j > i:
                gap = " " if tokens[j].start > tokens[j - 1].end else ""
                surface = f"{surface}{gap}{tokens[j].text}"
            if len(surface) > self._longest:
                break
            entry = self._names.get(surface)
            if entry is None and surface.isupper():
                entry = self._upper.get(surface)
            if entry is not None:
                best = Match(tokens[i].start, tokens[j].end, i, j + 1, entry, 1.0)
        return best
