"""News-structure rules: repairs of merged entities that the tagger and gazetteers get wrong in news.

Each rule takes the text, the merged entities (sorted, non-overlapping) and the gazetteer
candidates, and returns the repaired entities. ``PipelineConfig.rules`` names the rules to run,
in ``RULES`` order; each was measured on the dev splits (``python -m ner_id.training.merge_policy``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace

from ner_id.lexicon import DEGREES, TITLES, is_acronym
from ner_id.merge import Candidate
from ner_id.news.acronyms import acronym_definition
from ner_id.news.bodies import join_body_place, named_units, org_head_label, owner_not_building, split_unit_parent
from ner_id.news.headlines import headline_words
from ner_id.news.persons import alias_person, initials, sentence_start_words, titled_person
from ner_id.news.terms import drop_languages, drop_terms
from ner_id.news.text import Lines, cased
from ner_id.types import Entity

Rule = Callable[[str, list[Entity], Sequence[Candidate]], list[Entity]]

_COMPANY_SUFFIX = re.compile(r"\s*(?:\(Persero\)\s*)?(?:Tbk(?:\.(?=\s+[a-z]))?|\(Persero\))")
_DATELINE = re.compile(r"\s*(?:\(\s*[A-Z][\w.]*\s*\)|,\s*[A-Z][\w.]*)\s*[-–—]")
_COMPANY_WORDS = frozenset({"Persero", "Tbk"})
_ORG_QUALIFIERS = frozenset({"RI", "Indonesia"})


def drop_non_names(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """Model spans that are no names: a title or academic degree alone ("Presiden", "M.Si."), or an
    all-lower-case span in normally cased text."""
    normal = cased(text)
    kept = []
    for e in entities:
        words = e.text.split()
        title_only = e.label == "PER" and all(w.strip(",") in TITLES or w.strip(",") in DEGREES for w in words)
        lower = normal and not any(c.isupper() for c in e.text) and not e.text.endswith("com")  # detikcom
        if e.source == "model" and (title_only or lower):
            continue
        kept.append(e)
    return kept


def trim_lower_tail(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """Lower-case words at the end of a model span in cased text are not part of the name
    ("Sungai Martapura waspada" -> "Sungai Martapura")."""
    if not cased(text):
        return entities
    out = []
    for e in entities:
        words = list(re.finditer(r"\S+", e.text))
        k = len(words)
        while k > 1 and e.source == "model" and words[k - 1].group().isalpha() and words[k - 1].group().islower() \
                and words[k - 2].group() != "-":  # "Song Hye - kyo" is a name
            k -= 1
        if k < len(words):
            e = replace(e, text=e.text[:words[k - 1].end()], end=e.start + words[k - 1].end())
        out.append(e)
    return out


#: Lower-case words that start names: "de Gaulle", "van Gaal", "bin Salman".
_NAME_PARTICLES = frozenset("de van von der den da di du la le al el bin binti dos del della ibn".split())


def trim_lower_head(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """Lower-case words at the start of a model span in cased text are not part of the name
    ("kota Davao" -> "Davao", "gedung KPK" -> "KPK"); name particles ("de Gaulle") stay."""
    if not cased(text):
        return entities
    out = []
    for e in entities:
        words = list(re.finditer(r"\S+", e.text))
        k = 0
        while k < len(words) - 1 and e.source == "model" and words[k].group().isalpha() and words[k].group().islower() \
                and words[k].group() not in _NAME_PARTICLES:
            k += 1
        if k:
            e = replace(e, text=e.text[words[k].start():], start=e.start + words[k].start())
        out.append(e)
    return out


def acronym_label(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """A single all-caps token, or an organisation's name of several words, that an exact gazetteer match
    names takes the gazetteer's label and id ("Delegasi SCO tiba": SCO is an organisation, whatever the
    tagger guessed; "di PN Semarang": the court, not a place)."""
    exact = {(g.start, g.end): g for g in gazetteer if g.score >= 1.0}
    out = []
    for e in entities:
        g = exact.get((e.start, e.end))
        if g is not None and g.label != e.label and (is_acronym(e.text) or (g.label == "ORG" and " " in e.text)):
            e = replace(e, label=g.label, canonical=g.canonical, kb_id=g.kb_id)  # type: ignore[arg-type]
        out.append(e)
    return out


def caps_to_gazetteer(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """In ALL-CAPS text the tagger glues words to names ("GEMPA GUNCANG CIANJUR" -> "GUNCANG CIANJUR"):
    an all-caps model span that holds one exact gazetteer match and more words becomes that match."""
    out = []
    lines = Lines(text)
    exact = sorted((g for g in gazetteer if g.score >= 1.0), key=lambda g: g.start)
    starts = [g.start for g in exact]
    for e in entities:
        if e.source == "model" and e.text.isupper() and " " in e.text and lines.in_capitals(e.start):
            first = bisect_left(starts, e.start)
            inside = [g for g in exact[first:bisect_left(starts, e.end)] if g.end <= e.end]
            if len(inside) == 1 and (inside[0].start, inside[0].end) != (e.start, e.end):
                g = inside[0]
                e = replace(e, text=text[g.start:g.end], start=g.start, end=g.end, label=g.label,  # type: ignore[arg-type]
                            source="model+gazetteer", canonical=g.canonical, kb_id=g.kb_id)
        out.append(e)
    return out


def split_acronym_person(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """"Direktur Utama BRI Sunarso": an office, an organisation's acronym, and the name of its holder.
    An ORG model span right after a title that starts with an acronym the gazetteer knows as an
    organisation, followed by one to three capitalised words that no gazetteer names, is that ORG and
    a person ("BRI Syariah" alone stays one organisation)."""
    starts = {g.start: g for g in gazetteer if g.label == "ORG" and g.score >= 1.0}
    candidate_starts = sorted(g.start for g in gazetteer)
    out: list[Entity] = []
    for e in entities:
        g = starts.get(e.start)
        if g is None or e.label != "ORG" or e.source != "model" or g.end >= e.end:
            out.append(e)
            continue
        rest = text[g.end:e.end]
        words = rest.split()
        before = text[max(0, e.start - 40):e.start].split()[-1:]
        named_inside = bisect_left(candidate_starts, g.end) < bisect_left(candidate_starts, e.end)
        if (is_acronym(text[g.start:g.end]) and before and (before[0] in TITLES or before[0] == "Utama")
                and 1 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)
                and not named_inside):
            begin = g.end + len(rest) - len(rest.lstrip())
            out.append(replace(e, text=text[g.start:g.end], end=g.end, source="model+gazetteer",
                               canonical=g.canonical, kb_id=g.kb_id))
            out.append(replace(e, text=text[begin:e.end], start=begin, label="PER"))
            continue
        out.append(e)
    return out


def join_company_suffix(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """"PT Bank Rakyat Indonesia (Persero) Tbk" is one organisation: "(Persero)" and "Tbk" join the
    ORG before them, and are never entities alone."""
    out: list[Entity] = []
    for e in entities:
        if e.text.strip("().") in _COMPANY_WORDS:
            continue
        if e.label == "ORG":
            suffix = _COMPANY_SUFFIX.match(text, e.end)
            if suffix:
                e = replace(e, text=text[e.start:suffix.end()], end=suffix.end())
        if out and out[-1].end > e.start:  # inside the suffix just joined
            continue
        out.append(e)
    return out


def join_org_qualifier(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """An organisation followed by "RI" or "Indonesia" is one ORG ("DPR RI", "Kemenkes RI"); it keeps
    the organisation's id. (Joining any place after an organisation's head word, "Universitas" +
    "Indonesia", was measured too: -0.5 points on NER-UI dev, so it is not done.)"""
    out: list[Entity] = []
    for e in entities:
        if out and out[-1].label == "ORG" and e.text in _ORG_QUALIFIERS and text[out[-1].end:e.start] == " ":
            org = out.pop()
            e = replace(org, text=text[org.start:e.end], end=e.end, score=max(org.score, e.score))
        out.append(e)
    return out


def dateline(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """"Beijing (ANTARA) -", "JAKARTA, KOMPAS.com -": the first word of a line is a place when a
    gazetteer names it as one, followed by the agency."""
    places = {(g.start, g.end): g for g in gazetteer if g.label == "LOC"}
    lines = Lines(text)
    out = []
    for e in entities:
        at_line_start = not text[lines.start_of(e.start):e.start].strip()
        g = places.get((e.start, e.end))
        if e.label != "LOC" and g is not None and at_line_start and _DATELINE.match(text, e.end):
            e = replace(e, label="LOC", canonical=g.canonical, kb_id=g.kb_id)
        out.append(e)
    return out


RULES: dict[str, Rule] = {
    "drop_non_names": drop_non_names,
    "trim_lower_tail": trim_lower_tail,
    "trim_lower_head": trim_lower_head,
    "headline_words": headline_words,
    "acronym_label": acronym_label,
    "caps_to_gazetteer": caps_to_gazetteer,
    "split_acronym_person": split_acronym_person,
    "join_company_suffix": join_company_suffix,
    "acronym_definition": acronym_definition,
    "owner_not_building": owner_not_building,
    "split_unit_parent": split_unit_parent,
    "join_body_place": join_body_place,
    "named_units": named_units,
    "join_org_qualifier": join_org_qualifier,
    "org_head_label": org_head_label,
    "initials": initials,
    "titled_person": titled_person,
    "sentence_start_words": sentence_start_words,
    "alias_person": alias_person,
    "drop_terms": drop_terms,
    "drop_languages": drop_languages,
    "dateline": dateline,
}
DEFAULT_RULES: tuple[str, ...] = tuple(RULES)
#: Rules that apply ner-id's news convention where the older corpora (NER-UI, NERGrit, NERP) annotate
#: otherwise: lower-case prefixes outside place names, schools and courts as organisations, a body with
#: its place as one organisation, a unit and its parent as two, languages untagged.
NEWS_CONVENTION: tuple[str, ...] = ("trim_lower_head", "org_head_label", "join_body_place", "split_unit_parent",
                                    "drop_languages")
CORPUS_RULES: tuple[str, ...] = tuple(r for r in DEFAULT_RULES if r not in NEWS_CONVENTION)
#: Shipped gazetteer files that apply the news convention the same way ("Polres Palopo" as one name).
NEWS_CONVENTION_GAZETTEERS: tuple[str, ...] = ("35_regional_bodies.jsonl",)


def apply_rules(names: Sequence[str], text: str, entities: Sequence[Entity],
                gazetteer: Sequence[Candidate]) -> tuple[Entity, ...]:
    """Run the named rules in ``RULES`` order."""
    current = list(entities)
    for name, rule in RULES.items():
        if name in names:
            current = rule(text, current, gazetteer)
    return tuple(current)
