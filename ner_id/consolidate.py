"""Group the mentions of one document that refer to the same thing.

Steps, in order, each on spans of the original string:
1. trim titles and honorifics off person mentions ("Presiden Joko Widodo" -> "Joko Widodo");
2. split a country, region or acronym that a person span swallowed at its start
   ("Tajikistan Rahimzoda Ramazon" -> LOC "Tajikistan" + PER "Rahimzoda Ramazon");
3. group: same gazetteer id; "Long Name (ACR)" / "ACR (Long Name)" and "Joko Widodo (Jokowi)"
   pairs; the same surface; a partial person name that fits exactly one full name;
4. give each group one label and a canonical name: a vote of the mentions' scores, where a mention
   with a person's context (an honorific or a reporting verb right before it, an age after it) also
   votes PER, so one wrong label is not copied to every mention;
5. add mentions the tagger missed whose exact surface is a confident member elsewhere, or the first
   or last word of a confident person's full name ("Bhima" for "Bhima Yudhistira").
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from ner_id.lexicon import HONORIFICS, TITLES, is_acronym, name_word
from ner_id.merge import Candidate
from ner_id.news.text import Coverage
from ner_id.types import Entity, EntityGroup, Label

#: Gazetteer ids that may be split off the start of a person span: countries, regions, provinces,
#: kabupaten/kota, and organisations written as acronyms ("SCO Vladimir Norov").
_SPLITTABLE = re.compile(r"^(?:iso3166:|region:|kemendagri:\d+(?:\.\d+)?$)")
_WORD = re.compile(r"\S+")
_HEAD = re.compile(r"\w+")
_DASH = re.compile(r"\s*[-–—]")
CONFIDENT = 0.75
#: A full name of several words is found more reliably: its first and last words are added from here.
NAME_PART_CONFIDENT = 0.5
#: Words right before a mention that say it is a person: reporting verbs ("kata Boston").
_SAID = frozenset("""
kata ujar tutur ungkap jelas imbuh tegas sebut tambah lanjut terang pungkas papar tulis katanya ujarnya tuturnya
ungkapnya jelasnya imbuhnya tegasnya sebutnya tambahnya lanjutnya terangnya pungkasnya tutup
""".split())
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_AGE_AFTER = re.compile(r"\s*\(\d{1,3}\)")
PERSON_CONTEXT_VOTE = 1.0


def consolidate(text: str, entities: Sequence[Entity], gazetteer: Sequence[Candidate] = ()
                ) -> tuple[tuple[Entity, ...], tuple[EntityGroup, ...]]:
    """Entities (possibly trimmed, split or added) each with ``group`` set, and the groups."""
    mentions = [_trim_titles(text, e) if e.label == "PER" else e for e in entities]
    starts: dict[int, list[Candidate]] = defaultdict(list)
    for g in gazetteer:
        starts[g.start].append(g)
    mentions = [m for e in mentions for m in _split_swallowed(text, e, starts)]
    mentions = sorted(mentions, key=lambda e: e.start)
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        for key in (("kb", m.kb_id or ""), ("surface", m.text)):
            if key[1]:
                if key in by_key:
                    union(by_key[key], i)
                by_key.setdefault(key, i)
    for i, j in _parenthetical_pairs(text, mentions):
        union(i, j)
    _join_partial_names(mentions, union, find)

    groups = _build_groups(text, mentions, find)
    mentions = _add_missed(text, mentions, groups)
    groups = _build_groups(text, mentions, lambda i: mentions[i].group)  # type: ignore[arg-type,return-value]
    return tuple(mentions), groups


def _trim_titles(text: str, e: Entity) -> Entity:
    words = list(_WORD.finditer(e.text))
    k = 0
    while k < len(words) - 1 and words[k].group() in TITLES:
        k += 1
    if k == 0:
        return e
    start = e.start + words[k].start()
    return replace(e, text=text[start:e.end], start=start)


def _split_swallowed(text: str, e: Entity, starts: dict[int, list[Candidate]]) -> list[Entity]:
    """Split a country or region (also a misspelt one: "Asfghanistan Ashraf Ghani") or an organisation
    (an acronym, a party: "Gerindra Sugiono") that a person span swallowed at its start; a place name
    at the end is usually a surname, and stays. A place splits off only before two or more words."""
    if e.label != "PER":
        return [e]
    for g in starts.get(e.start, []):
        rest = text[g.end:e.end]
        org = g.label == "ORG" and g.score >= 1.0 and (
            is_acronym(text[g.start:g.end]) or (g.kb_id or "").startswith("org:party-"))
        place = g.label == "LOC" and bool(_SPLITTABLE.match(g.kb_id or ""))
        if not (org or place) or len(rest.split()) < (1 if org else 2):  # rest is empty when g reaches e's end
            continue
        start = g.end + len(rest) - len(rest.lstrip())
        split = replace(e, text=text[g.start:g.end], end=g.end, label=cast(Label, g.label), source="model+gazetteer",
                        canonical=g.canonical, kb_id=g.kb_id)
        return [split, replace(e, text=text[start:e.end], start=start)]
    return [e]


def _parenthetical_pairs(text: str, mentions: Sequence[Entity]) -> list[tuple[int, int]]:
    """Pairs written "X (Y)": an acronym and its expansion, or a person and their short name."""
    pairs = []
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if text[a.end:b.start].strip() != "(" or text[b.end:b.end + 1] != ")" or _DASH.match(text, b.end + 1):
            continue  # not "X (Y)", or a dateline "Beijing (ANTARA) -"
        if a.label == "PER" and b.label == "PER" and " " not in b.text:
            pairs.append((i, i + 1))
        elif a.label != "PER" and (is_acronym(b.text) != is_acronym(a.text)):
            pairs.append((i, i + 1))
    return pairs


def _join_partial_names(mentions: Sequence[Entity], union, find) -> None:
    """A person mention whose words all belong to exactly one longer name joins that name's group.

    Names are indexed by their distinct word sets and surfaces, so the cost grows with the number
    of mentions, not its square (a long text repeats the same names many times).
    """
    holders: dict[str, set[frozenset[str]]] = defaultdict(set)
    surfaces: dict[frozenset[str], dict[str, int]] = defaultdict(dict)
    for i, m in enumerate(mentions):
        if m.label == "PER" and " " in m.text:
            words = frozenset(m.text.split())
            surfaces[words].setdefault(m.text, i)
            for word in words:
                holders[word].add(words)
    for i, m in enumerate(mentions):
        if m.label != "PER":
            continue
        words = frozenset(m.text.split())
        candidates = set.intersection(*(holders.get(w, set()) for w in words))
        owners = {find(j) for name in candidates if words < name for j in surfaces[name].values()}
        if len(owners) == 1:
            union(owners.pop(), i)


def _person_context(text: str, e: Entity) -> bool:
    """An honorific, a rank or a reporting verb right before the mention, or an age right after it."""
    before = _WORD_BEFORE.search(text, max(0, e.start - 30), e.start)
    word = before.group(1).strip(",\"'") if before else ""
    return word in _SAID or word in HONORIFICS or bool(_AGE_AFTER.match(text, e.end))


def _build_groups(text: str, mentions: list[Entity], root) -> tuple[EntityGroup, ...]:
    """Assign ``group`` indexes by first mention, vote labels, choose canonical names (in place)."""
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[root(i)].append(i)
    groups = []
    for index, (_, ids) in enumerate(sorted(members.items(), key=lambda kv: min(kv[1]))):
        votes: dict[str, float] = defaultdict(float)
        for i in ids:
            m = mentions[i]
            votes[m.label] += m.score
            if m.label != "PER" and " " not in m.text and not m.text.isupper() and _person_context(text, m):
                votes["PER"] += PERSON_CONTEXT_VOTE
        label = cast(Label, max(votes, key=lambda k: (votes[k], k)))
        linked = [mentions[i] for i in ids if mentions[i].kb_id]
        if linked:
            canonical, kb_id = linked[0].canonical or linked[0].text, linked[0].kb_id
        else:
            expansions = [mentions[i].text for i in ids if not is_acronym(mentions[i].text)]
            canonical, kb_id = max(expansions or [mentions[i].text for i in ids], key=len), None
        for i in ids:
            mentions[i] = replace(mentions[i], label=label, group=index)
        groups.append(EntityGroup(canonical, label, kb_id, tuple(mentions[i] for i in ids)))
    return tuple(groups)


def _name_part(word: str) -> bool:
    """A word of a full name that can stand alone for the person: capitalised, never an ordinary word."""
    return len(word) >= 3 and word[0].isupper() and word[1:].islower() and word.isalpha() and name_word(word)


def _add_missed(text: str, mentions: list[Entity], groups: Sequence[EntityGroup]) -> list[Entity]:
    """Mentions the tagger missed: exact surfaces of confident, capitalised members, at word boundaries
    (in lower-case text a repeated word is too often not a name), never a title alone. One pass over the words of the
    text; where several surfaces start at a word, the longest wins."""
    taken = Coverage(len(text), ((m.start, m.end) for m in mentions))
    by_head: dict[str, dict[str, Entity]] = defaultdict(dict)
    parts: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for m in group.mentions:
            if m.score >= CONFIDENT and len(m.text) >= 3 and m.text[0].isupper() and m.text not in TITLES:
                head = _HEAD.match(m.text)
                if head is not None:
                    by_head[head.group()].setdefault(m.text, m)
            words = m.text.split()
            if group.label == "PER" and m.label == "PER" and m.score >= NAME_PART_CONFIDENT and len(words) > 1:
                for part in {words[0], words[-1]}:
                    if _name_part(part):
                        parts[part].add(index)
    for part, owners in parts.items():  # a word of one person's name only
        if len(owners) == 1:
            model = groups[owners.pop()].mentions[0]
            by_head[part].setdefault(part, replace(model, text=part))
    for surfaces in by_head.values():
        for surface in sorted(surfaces, key=len, reverse=True):
            surfaces[surface] = surfaces.pop(surface)  # longest first
    added = []
    for word in _HEAD.finditer(text):
        start = word.start()
        if not taken.free(start, start + 1):
            continue
        for surface, model in by_head.get(word.group(), {}).items():
            end = start + len(surface)
            if text.startswith(surface, start) and not _HEAD.match(text, end) and taken.free(start, end):
                taken.take(start, end)
                added.append(replace(model, start=start, end=end))  # its text is the surface
                break
    return sorted(mentions + added, key=lambda e: (e.start, e.end))
