"""People in news: initials of suspects and pupils, names after an honorific or a rank, first names
the tagger drops after a title, and "X alias Y"."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ner_id.lexicon import HONORIFICS, NON_NAMES, TITLES, is_common_word, lower_share, name_word
from ner_id.merge import Candidate
from ner_id.news.text import Coverage
from ner_id.types import Entity

_INITIALS = r"[A-Z]{1,4}"
#: "berinisial DDS, YQ, A, RAR, dan SR"; "inisial AM (12)".
_INTRODUCED = re.compile(r"(?<!\w)(?:[Bb]erinisial|[Ii]nisial|[Nn]asabah)\s+(" + _INITIALS + r"(?:\s*\(\d{1,3}\))?"
                         r"(?:(?:\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)" + _INITIALS + r"(?:\s*\(\d{1,3}\))?)*)(?!\w)")
_AGED = re.compile(r"(?<![\w.-])(" + _INITIALS + r")\s*\(\d{1,2}\)")
_ONE = re.compile(_INITIALS)
_NOT_INITIALS = NON_NAMES | {t for t in TITLES if t.isupper()}
_WORD_BEFORE = re.compile(r"(\S+)\s$")
_AFTER_HONORIFIC = re.compile(r"(?<!\S)(" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
                              + r") ((?:[A-Z][a-z'’-]+)(?: [A-Z][a-z'’-]+){0,2})(?!\w)")
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+")
#: Nouns derived with pe-/per-/ke-/ber- ... -an ("Perhubungan", "Keuangan") are never given names.
_DERIVED_NOUN = re.compile(r"(?:Per|Pen|Pem|Peng|Peny|Pe|Ke|Ber)[a-z]+an")


def _name_like(word: str) -> bool:
    """A capitalised word that running text (almost) never writes in lower case."""
    return bool(_NAME_WORD.fullmatch(word)) and not _DERIVED_NOUN.fullmatch(word) and name_word(word)


def _title_or_word(word: str) -> bool:
    return word in TITLES or word.isupper() or is_common_word(word)


def initials(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """Initials that stand for a person are PER: after "berinisial" / "inisial" / "nasabah" (also a list:
    "berinisial DDS, YQ, dan SR"), followed by an age ("MA (13)"), or in brackets after a person's full
    name whose initials they are ("Halim Kalla (HK)"); and then every other mention of them in the text."""
    found: set[str] = set()
    for match in _INTRODUCED.finditer(text):
        found.update(m.group() for m in _ONE.finditer(match.group(1)))
    found.update(m.group(1) for m in _AGED.finditer(text))
    for e in entities:
        if e.label == "PER" and " " in e.text and text.startswith(" (", e.end):
            close = text.find(")", e.end + 2)
            inside = text[e.end + 2:close] if 0 < close - e.end - 2 <= 4 else ""
            if inside.isupper() and inside == "".join(w[0] for w in e.text.split() if w[:1].isupper()):
                found.add(inside)
    found -= _NOT_INITIALS
    if not found:
        return entities
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?<![\w.-])(?:" + "|".join(sorted(found, key=len, reverse=True))
                                                       + r")(?![\w-])", text)]
    initial = Coverage(len(text), spans)
    out = [e for e in entities if initial.free(e.start, e.end) or (e.label == "PER" and " " in e.text)]
    taken = Coverage(len(text), ((e.start, e.end) for e in out))
    out += [Entity(text[a:b], "PER", a, b, 0.9, "model") for a, b in spans if taken.free(a, b)]
    return sorted(out, key=lambda e: (e.start, e.end))


def titled_person(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """A name after an honorific or a rank ("Mas Verrell", "AKP Supriadi") is a person, also where the
    tagger found nothing; and a person span right after a title gets back the first name the tagger
    dropped ("Menteri Keuangan Purbaya Yudhi Sadewa", where the tagger gives "Yudhi Sadewa")."""
    taken = Coverage(len(text), ((e.start, e.end) for e in entities))
    known = Coverage(len(text), ((g.start, g.end) for g in gazetteer))  # places and bodies are no first names
    out = []
    for e in entities:
        if e.label == "PER":
            start = e.start
            for _ in range(2):  # at most two dropped words
                word = _WORD_BEFORE.search(text, max(0, start - 40), start)
                if word is None or not _name_like(word.group(1)) or not taken.free(word.start(1), start) \
                        or not known.free(word.start(1), word.end(1)):
                    break
                if lower_share(word.group(1)) is None:  # a word never seen: only right after a title
                    title = _WORD_BEFORE.search(text, max(0, word.start(1) - 40), word.start(1))
                    if title is None or title.group(1) not in TITLES:
                        break
                start = word.start(1)
            before = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if start != e.start and before is not None and _title_or_word(before.group(1)):
                e = replace(e, text=text[start:e.end], start=start)
        out.append(e)
    for match in _AFTER_HONORIFIC.finditer(text):
        if all(_name_like(w) for w in match.group(2).split()):
            a, b = match.start(2), match.end(2)
            if taken.free(a, b):
                out.append(Entity(text[a:b], "PER", a, b, 0.8, "model"))
    return sorted(out, key=lambda e: (e.start, e.end))


#: The text start, a sentence end or an opening quote, then only white space (any run of it: scraped text
#: has "kemarin.   Janji", ". \xa0 " and the like).
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n\"“])\s*$")


def sentence_start_words(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """At the start of a sentence every word is capitalised, and the tagger reads an ordinary word as the
    start of a name ("Janji Burhanuddin diucapkan", "Sosok Affan"; "Mahkota itu jatuh"): a person span
    loses its leading words that news text mostly writes in lower case, and goes when none is left."""
    out = []
    for e in entities:
        if e.label == "PER" and e.source == "model" and _SENTENCE_START.search(text, max(0, e.start - 40), e.start):
            words = list(re.finditer(r"[^\s-]+", e.text))
            k = 0
            while k < len(words) and is_common_word(words[k].group()) and words[k].group() not in TITLES:
                k += 1
            if k == len(words):
                continue
            if k:
                e = replace(e, text=e.text[words[k].start():], start=e.start + words[k].start())
        out.append(e)
    return out


def alias_person(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """"SF alias Berangus": the name after "alias" is the same person."""
    persons = {e.end for e in entities if e.label == "PER"}
    taken = Coverage(len(text), ((e.start, e.end) for e in entities))
    out = list(entities)
    for match in re.finditer(r" alias ([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})(?!\w)", text):
        a, b = match.start(1), match.end(1)
        if match.start() in persons and taken.free(a, b) and not is_common_word(match.group(1)):
            out.append(Entity(text[a:b], "PER", a, b, 0.9, "model"))
    return sorted(out, key=lambda e: (e.start, e.end))
