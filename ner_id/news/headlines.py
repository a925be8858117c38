"""Title-case headlines: "Polri Sita Rumah Tersangka", "Prabowo Puji Jokowi". Every word is capitalised,
so the tagger glues verbs and nouns to names; the body of the same article writes them in lower case."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ner_id.lexicon import is_common_word
from ner_id.merge import Candidate
from ner_id.types import Entity

_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\S+")


def _headline(text: str) -> int | None:
    """Where the headline ends: the first line of a text of several lines, when its words of three or more
    letters are nearly all capitalised (at least three of them, not all in capitals). Later lines in title
    case are mostly lists of names, not headlines."""
    match = re.match(r"\s*([^\n]+)\n", text)
    if match is None:
        return None
    words = [w for w in _WORD.findall(match.group(1)) if len(w) >= 3]
    capitalised = sum(w[0].isupper() for w in words)
    if len(words) >= 3 and capitalised >= 0.85 * len(words) and not all(w.isupper() for w in words):
        return match.end(1)
    return None


def headline_words(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """In a title-case line, words that the rest of the text writes in lower case, or that news text
    mostly does, are no part of a name: a model span holding them is cut around them ("Polri Sita Rumah"
    -> "Polri"; "Prabowo Puji Jokowi" -> "Prabowo", "Jokowi"), unless a gazetteer confirms the span or
    the whole span is written the same way elsewhere in the text."""
    cut = _headline(text)
    if cut is None:
        return entities
    rest = text[cut:]  # the text without its headline (before it, only white space)
    lower = {w for w in _WORD.findall(rest) if w.islower()}
    out: list[Entity] = []
    for e in entities:
        if e.source != "model" or e.end > cut or e.text in rest:
            out.append(e)
            continue
        pieces: list[list[re.Match]] = [[]]
        for word in _TOKEN.finditer(e.text):
            if word.group().lower() in lower or is_common_word(word.group()):
                pieces.append([])
            else:
                pieces[-1].append(word)
        for piece in (p for p in pieces if p):
            start, end = e.start + piece[0].start(), e.start + piece[-1].end()
            out.append(replace(e, text=text[start:end], start=start, end=end))
    return out
