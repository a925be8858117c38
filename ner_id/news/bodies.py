"""Organisations in news: a body named with its place, head words that make a span an organisation,
and building or platform words written before one."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from ner_id.lexicon import TITLES
from ner_id.merge import Candidate
from ner_id.news.text import Coverage
from ner_id.types import Entity

_NAME = r"[A-Z][\w&.-]*"
#: Bodies whose name goes on with the place they serve: "Polres Palopo", "DPRD Kabupaten Demak",
#: "Kejaksaan Negeri (Kejari) Jember", "Dinas Pendidikan dan Kebudayaan Kabupaten Demak".
_HEADS = "|".join([
    r"Pemerintah(?: Provinsi| Kabupaten| Kota)?", r"Pem(?:prov|kab|kot|ko|da)",
    r"DPRD(?: Provinsi| Kabupaten| Kota)?", r"Pol(?:da|res|resta|restabes|sek|sekta)",
    r"Kejati|Kejari|Cabjari|Kejaksaan (?:Tinggi|Negeri)",
    r"Pengadilan (?:Negeri|Tinggi|Agama|Tipikor|Militer|Niaga|Tata Usaha Negara)|PN|PTUN",
    r"Setda(?:prov|kab|kot)?|Sekretariat Daerah(?: Provinsi| Kabupaten| Kota)?",
    r"Bapenda|Bappeda|BPBD|BPKAD|Bawaslu|KPUD?|Satpol PP|Kesbangpol|Inspektorat|Kemenag|Kodim|Korem|Lanal|Lanud|RSUD",
    r"Dinas(?: (?:" + _NAME + r"|dan))+", r"Di(?:sdik|nkes|sperindag|shub|sdukcapil|skominfo|spar|snaker|nsos|spora)",
    r"Kanwil(?: " + _NAME + r")?", r"Kementerian(?: (?:" + _NAME + r"|dan))+",
])
_BODY = re.compile(r"(?<![\w-])(?:" + _HEADS + r")(?:\s*\(\s*[A-Z][\w-]*\s*\))?\s+$")
_BODY_START = re.compile(r"(?:" + _HEADS + r") ")
#: "Kepala Kejaksaan Negeri (Kajari) X": the bracket holds the title, not the body's acronym.
_TITLE_IN_BRACKETS = re.compile(r"\((?:" + "|".join(t for t in TITLES if t.isalpha()) + r")\)")
_PLACE_IDS = re.compile(r"^(?:iso3166:|region:|kemendagri:|geonames:)")
#: First words (or two) of organisation names, and last words of English ones.
ORG_HEADS = frozenset("""
SMA SMAN SMAS SMK SMKN SMKS SMP SMPN SMPS SD SDN SDS MI MIN MTs MTS MTsN MTSN MAN Universitas University Institut
Institute Politeknik Sekolah Akademi STIE STIKES Madrasah Pesantren Ponpes RS RSUD RSUP RSIA Pengadilan Kejaksaan
Kementerian Kemenko Badan Komisi Dinas Partai PT CV Yayasan Lembaga Polda Polres Polresta Polsek Kodam Korem Kodim
Bank Fakultas Departemen Direktorat Ditjen Biro Satgas Pemerintah Pemprov Pemkab Pemkot DPRD Kejari Kejati
""".split()) | {"Rumah Sakit", "Pondok Pesantren"}
#: Head words that start an organisation's name when its acronym follows in brackets ("Ikatan Dokter
#: Indonesia (IDI)"); wider than ORG_HEADS, which relabels spans without that evidence.
DEFINITION_HEADS = ORG_HEADS | frozenset("""
Ikatan Asosiasi Perhimpunan Persatuan Himpunan Gabungan Forum Dewan Majelis Pusat Serikat Konfederasi Federasi Kamar
Otoritas Tim Komite Korps Organisasi Perserikatan Mahkamah Kepolisian Tentara Gerakan Aliansi Koalisi Kantor Sekretariat
Perusahaan Kelompok Jaringan Persekutuan Perkumpulan Paguyuban Koperasi Balai Kejaksaan Unit Satuan Direktorat
""".split())
ORG_TAILS = frozenset("""
University College Institute Bank Group Corporation Corp Company Inc Ltd Airlines Airways Foundation Association Agency
Council Committee Commission Ministry Party Tbk Studies Center Centre Fund Forum Organization Organisation Office
""".split())
#: Heads whose next words are a place or a company name, never a parent body ("PT Bank Mandiri").
ORG_HEADS_OF_PLACES = frozenset("PT CV Bank Universitas University Institut Yayasan".split())
#: Words for a building, an office or a channel written before the organisation that owns it:
#: "Mabes Polri", "Auditorium Menara Bank Mega", "Youtube Kemendagri" name the organisation only.
_OWNED_BY = frozenset("Gedung Menara Auditorium Kantor Mabes Markas Aula Youtube YouTube Instagram TikTok Twitter Area".split())


def join_body_place(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """A body written with the place it serves is one organisation: "Polres Palopo", "Pemkot Pekanbaru",
    "Kejaksaan Negeri (Kejari) Jember" (the tagger reads the place as LOC and the body alone, or not at all;
    or glues the place to the name of the person after it: "Ketua DPRD Jatim Sumarno")."""
    places = [(e.start, e.end) for e in entities if e.label == "LOC"]
    places += [(g.start, g.end) for g in gazetteer if g.label == "LOC" and _PLACE_IDS.match(g.kb_id or "")]
    # a body the gazetteer names whole ("DPRD Jatim"), also where a person span swallowed its place
    joined = [(g.start, g.end) for g in gazetteer if g.label == "ORG" and g.score >= 1.0
              and (head := _BODY_START.match(text, g.start)) is not None and head.end() < g.end]
    for start, end in sorted(set(places)):
        head = _BODY.search(text, max(0, start - 80), start)
        if head is not None and "\n" not in text[head.start():start] and not _TITLE_IN_BRACKETS.search(head.group()):
            joined.append((head.start(), end))
    existing = {(e.start, e.end) for e in entities if e.label == "ORG"}
    spans: list[tuple[int, int]] = []  # the outermost bodies, left to right
    for start, end in sorted(set(joined), key=lambda span: (span[0], -span[1])):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    spans = [span for span in spans if span not in existing]
    if not spans:
        return entities
    starts = [start for start, _ in spans]
    scores = [0.0] * len(spans)
    out = []
    for e in entities:
        i = bisect_left(starts, e.end) - 1  # the last body starting before the entity ends
        if i < 0 or spans[i][1] <= e.start:
            out.append(e)
            continue
        start, end = spans[i]
        tail = text[end:e.end]
        if tail.strip():  # "Jatim Kusnadi", "Ketua DPRD Jatim Sumarno": keep the person
            rest = e.end - len(tail.lstrip())
            out.append(replace(e, text=text[rest:e.end], start=rest))
        else:
            scores[i] = max(scores[i], e.score)
    out += [Entity(text[a:b], "ORG", a, b, round(scores[i] or 0.9, 4), "model") for i, (a, b) in enumerate(spans)]
    return sorted(out, key=lambda e: (e.start, e.end))


#: Offices and task forces named by what they do: "Dinas Perdagangan", "Disperindag", "Satgas Pangan".
_UNIT = re.compile(r"(?<![\w-])(?:(?:Dinas|Satgas)(?: (?:dan )?(?!Dinas |Satgas )[A-Z][a-z]+)+"
                   r"|Di(?:sperindag|sdik|nkes|shub|sdukcapil|skominfo|spar|snaker|nsos|spora|sbudpar|sperkim|stan"
                   r"|sporapar)|Satpol PP)(?![\w-])")


def named_units(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """A government office or task force named by its field is an organisation, also without its place:
    "Dinas Perdagangan", "Disperindag", "Satgas Pangan" (a bare "Dinas" or "Satgas" is not)."""
    taken = Coverage(len(text), ((e.start, e.end) for e in entities))
    added = [Entity(m.group(), "ORG", m.start(), m.end(), 0.9, "model") for m in _UNIT.finditer(text)
             if taken.free(m.start(), m.end())]
    return sorted([*entities, *added], key=lambda e: (e.start, e.end)) if added else entities


def org_head_label(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """A span that starts with an organisation's head word ("SMAN 10", "Pengadilan Tipikor Semarang",
    "Rumah Sakit ...") or ends with an English one ("Arizona State University") is an organisation."""
    out = []
    for e in entities:
        words = e.text.split()
        if len(words) > 1 and e.kb_id is None and (
                words[0] in ORG_HEADS or " ".join(words[:2]) in ORG_HEADS or words[-1] in ORG_TAILS):
            e = replace(e, label="ORG")
        out.append(e)
    return out


def split_unit_parent(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """A unit written before its parent body is two organisations: "Kortas Tipikor Polri" -> "Kortas
    Tipikor" + "Polri", when a gazetteer names the parent at the end of the span and nothing names the whole."""
    orgs = {g.end: g for g in gazetteer if g.label == "ORG" and g.score >= 1.0}
    whole = {(g.start, g.end) for g in gazetteer}
    out = []
    for e in entities:
        g = orgs.get(e.end)
        if e.label == "ORG" and e.source == "model" and g is not None and (e.start, e.end) not in whole:
            unit = text[e.start:g.start].rstrip()
            words = unit.split()
            if words and all(w[:1].isupper() and w not in _OWNED_BY and w not in TITLES for w in words) \
                    and words[0] not in ORG_HEADS_OF_PLACES and text[e.start + len(unit):g.start] == " ":
                out.append(replace(e, text=unit, end=e.start + len(unit)))
                e = replace(e, text=text[g.start:g.end], start=g.start, source="model+gazetteer", canonical=g.canonical,
                            kb_id=g.kb_id)
        out.append(e)
    return out


def owner_not_building(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """"Mabes Polri", "Gedung KPK", "Youtube Kemendagri": the organisation, without the building or
    channel word before it, when a gazetteer names the organisation."""
    orgs = {g.end: g for g in gazetteer if g.label == "ORG" and g.score >= 1.0}
    out = []
    for e in entities:
        g = orgs.get(e.end)
        if g is not None:
            before = text[e.start:g.start].split()
            if before and all(w in _OWNED_BY or w in TITLES for w in before):
                e = replace(e, text=text[g.start:g.end], start=g.start, label="ORG", canonical=g.canonical, kb_id=g.kb_id)
        out.append(e)
    return out
