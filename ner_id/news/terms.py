"""Spans that look like names and are not: common-noun acronyms and terms, programmes, taxes, bare
kinds of bodies, and products."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ner_id.lexicon import NON_NAMES, is_acronym
from ner_id.merge import Candidate
from ner_id.types import Entity

#: A product's kind written before its brand and model: "mobil Toyota Fortuner", "sepeda motor Honda".
_PRODUCT_BEFORE = re.compile(r"(?<!\w)(?:mobil|motor|truk|ponsel|telepon|laptop|aplikasi|produk|merek|varian|tipe|jenis)\s+$")
_TAX_BEFORE = re.compile(r"(?<!\w)[Pp]ajak\s+$")
_LANGUAGE_BEFORE = re.compile(r"(?<!\w)(?:[Bb]er)?[Bb]ahasa\s+$")


def drop_terms(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """Drop spans that are no names: a common-noun acronym or term alone ("ASN", "UMKM", "BUMN",
    "Badan Usaha Milik Negara"), a kind of body without its place ("DPRD", "Pemprov", "Bank"), an
    acronym after "pajak" ("pajak PKB" is a tax), and a product after its kind ("mobil Toyota Fortuner")."""
    kept = []
    for e in entities:
        before = text[max(0, e.start - 20):e.start]
        if e.text in NON_NAMES or (is_acronym(e.text) and _TAX_BEFORE.search(before)) or _PRODUCT_BEFORE.search(before):
            continue
        kept.append(e)
    return kept


def drop_languages(text: str, entities: list[Entity], gazetteer: Sequence[Candidate]) -> list[Entity]:
    """A language is no place: "bahasa Inggris", "berbahasa Indonesia" (older corpora tag the place)."""
    return [e for e in entities if not (e.label == "LOC" and _LANGUAGE_BEFORE.search(text, max(0, e.start - 12), e.start))]
