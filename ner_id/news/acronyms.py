"""Acronym definitions: "Badan Pangan Nasional (Bapanas)" names an organisation and its acronym."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ner_id.lexicon import NON_NAMES, TITLES, is_common_word
from ner_id.merge import Candidate
from ner_id.news.bodies import DEFINITION_HEADS, ORG_TAILS
from ner_id.news.text import Coverage
from ner_id.types import Entity

_DEFINED = re.compile(r"\(([A-Z][A-Za-z0-9]{1,14})\)")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_CONNECTORS = frozenset("dan untuk atas & of the for and on".split())
MAX_WORDS = 10


def _initials_fit(words: list[str], acronym: str) -> bool:
    """The capitalised words' initials appear in order in the acronym, starting with its first letter."""
    letters = [w[0].lower() for w in words if w[:1].isupper()]
    rest = iter(acronym.lower())  # each letter found after the one before
    return bool(letters) and acronym[0].lower() == letters[0] and all(letter in rest for letter in letters)


def _expansion(text: str, end: int) -> tuple[int, list[str]] | None:
    """The organisation name that ends at ``end``: capitalised words (and connectors) back to its head word."""
    words: list[tuple[int, str]] = []
    position = end
    while len(words) < MAX_WORDS:
        match = _WORD_BEFORE.search(text, max(0, position - 60), position)
        if match is None or "\n" in text[match.end(1):position]:
            break
        word = match.group(1).rstrip(",")
        if not (word[:1].isupper() or word in _CONNECTORS):
            break
        words.insert(0, (match.start(1), word))
        position = match.start(1)
    while words and words[0][1] in _CONNECTORS:
        words.pop(0)
    names = [w for _, w in words]
    for i, word in enumerate(names):
        if word in DEFINITION_HEADS or " ".join(names[i:i + 2]) in DEFINITION_HEADS:
            return words[i][0], names[i:]
    if names and names[-1] in ORG_TAILS:
        i = 0
        while i < len(names) - 1 and (names[i] in TITLES or is_common_word(names[i])):
            i += 1
        return words[i][0], names[i:]
    return None


def acronym_definition(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """"Ikatan Dokter Indonesia (IDI)": an expansion that starts with an organisation's head word (or ends
    with an English one) followed by its acronym in brackets makes both ORG, and every later mention of
    the acronym ORG. (Without the head word, "Bahan Bakar Minyak (BBM)" would be one too.)"""
    spans: list[tuple[int, int]] = []
    acronyms: dict[str, int] = {}
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        if acronym in NON_NAMES or acronym in TITLES or sum(c.isupper() for c in acronym) < 2:
            continue
        found = _expansion(text, match.start())
        if found is None or not _initials_fit(found[1], acronym):
            continue
        end = match.start() - (len(text[:match.start()]) - len(text[:match.start()].rstrip()))
        spans += [(found[0], end), (match.start(1), match.end(1))]
        acronyms.setdefault(acronym, match.start(1))
    if not spans:
        return entities
    for acronym, first in acronyms.items():
        spans += [(m.start(), m.end()) for m in re.finditer(r"(?<![\w-])" + re.escape(acronym) + r"(?![\w-])", text)
                  if m.start() > first]
    spans = sorted(set(spans))
    covered = Coverage(len(text), spans)
    out = [e for e in entities if covered.free(e.start, e.end)]
    out += [Entity(text[a:b], "ORG", a, b, 0.9, "model") for a, b in spans]
    return sorted(out, key=lambda e: (e.start, e.end))
