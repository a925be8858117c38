"""Read two-column CoNLL files (token TAB BIO-label) and map corpus labels to PER / LOC / ORG."""
from __future__ import annotations

from pathlib import Path

#: Source label -> ner-id label. Labels not listed here (EVT, FNB, MISC, ...) become ``O``.
LABEL_MAP: dict[str, str] = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
}

Sentence = list[tuple[str, str]]


def map_tag(tag: str) -> str:
    """Map one BIO tag such as ``B-PERSON`` to ``B-PER``; unknown types map to ``O``."""
    if "-" not in tag:  # "O", or no BIO tag
        return "O"
    prefix, _, kind = tag.partition("-")
    label = LABEL_MAP.get(kind.upper())
    if label is None or prefix.upper() not in {"B", "I", "E", "S"}:
        return "O"
    return f"{prefix.upper()}-{label}"


def read_conll(path: str | Path) -> list[Sentence]:
    """Read sentences of (token, mapped BIO tag); raises ValueError naming the bad line."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip()  # a trailing space or tab must not hide the tag
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            if len(parts) < 2:
                raise ValueError(f"{path}:{number}: expected 'token<TAB>tag', got {line!r}")
            current.append((parts[0], map_tag(parts[-1])))
    if current:
        sentences.append(current)
    return [_repair_bio(s) for s in sentences]


def _repair_bio(sentence: Sentence) -> Sentence:
    """Turn an ``I-X`` that does not continue an ``X`` into ``B-X`` (IOB1 and mapping leftovers)."""
    fixed: Sentence = []
    previous = "O"
    for token, tag in sentence:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append((token, tag))
        previous = tag
    return fixed


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first_token, end_token, label)`` from BIO or BIOES tags (the tagger's and the corpora's)."""
    found: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if start >= 0 and not (prefix in {"I", "E"} and kind == label):
            found.append((start, i, label))
            start = -1
        if start < 0 and prefix in {"B", "I", "E", "S"}:
            start, label = i, kind
        if start >= 0 and prefix in {"E", "S"}:
            found.append((start, i + 1, label))
            start = -1
    return found
