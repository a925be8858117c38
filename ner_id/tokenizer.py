"""Tokenise Indonesian text with spaCy and split it into sentences, offsets into the caller's string.

The text handed to spaCy differs from the caller's only by same-length replacements (lone
surrogates become U+FFFD), so every token offset is an offset into the original string.
Long texts are cut into chunks at paragraph, sentence or space boundaries before spaCy sees
them, which keeps memory bounded; chunk offsets are added back.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.lang.id import Indonesian

from ner_id.lexicon import ABBREVIATIONS
from ner_id.types import Token, safe_text

#: Built-in emoticon exceptions that glue digits to brackets, as in ``(18/8),``.
_EMOTICONS_TO_SPLIT = {"8)": ["8", ")"], "(-8": ["(", "-8"], "8-)": ["8-", ")"]}

MAX_CHUNK_CHARS = 20_000
MAX_SENTENCE_TOKENS = 150
#: spaCy's affix splitting is quadratic in the length of a whitespace-free run: cut longer runs.
MAX_RUN_CHARS = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s"), re.compile(r"\s"))
_SENTENCE_END = {".", "!", "?", "…", "!?", "?!", "...", "?\"", ".\"", "!\""}
_CLOSERS = set("\"'”’)]»")


@dataclass(frozen=True, slots=True)
class Tokenized:
    """Tokens of a text (whitespace dropped) and sentences as ``[first, end)`` token index ranges."""

    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]

    def sentence_tokens(self) -> list[list[Token]]:
        """Tokens grouped by sentence."""
        return [list(self.tokens[a:b]) for a, b in self.sentences]


_HYPHENATED = re.compile(r"^([^\W\d_]+)((?:-[^\W\d_]+)+)$")
#: Words glued in careless copy: a preposition or reporting verb before a name ("dariAFP",
#: "dikutipdetikNews", "diRawas"), and a list number after one ("Jawa Barat6.").
_GLUED_BEFORE = re.compile(r"^(?:dikutip|diterima|dilansir|melalui|bersama|kepada|lewat|dari|pada|oleh|dan|di|ke)"
                           r"(?=[A-Z][a-z]|[A-Z]{2}|[a-z]+[A-Z][a-z])")
_GLUED_AFTER = re.compile(r"^[^\W\d_]*[a-z](?=\d)")


def split_glued(word: str) -> list[str]:
    """A spaCy token cut where a name is glued to a word before it or to a number after it."""
    before = _GLUED_BEFORE.match(word)
    if before is not None:
        return [before.group(), *split_glued(word[before.end():])]
    after = _GLUED_AFTER.match(word)
    if after is not None and len(after.group()) >= 3 and after.group()[0].isupper():
        return [after.group(), word[after.end():]]
    return [word]


def _reduplication(text: str) -> re.Match | None:
    """Keep "anak-anak", "Undang-Undang", "satu-satunya", "utara-selatan" whole; split "Indonesia-Malaysia"."""
    match = _HYPHENATED.match(text)
    if match is None:
        return None
    first, rest = match.group(1), match.group(2)[1:]
    if rest.islower() and first.islower():
        return match
    a, b = first.lower(), rest.lower()
    return match if "-" not in b and (a in b or b in a) else None


class _Defaults(Indonesian.Defaults):  # type: ignore[misc,valid-type]
    # spaCy lists ~15,600 hyphenated reduplications one by one, which costs 1.5 s at every load;
    # one rule (``_reduplication``) keeps the same words whole.
    tokenizer_exceptions = {k: v for k, v in Indonesian.Defaults.tokenizer_exceptions.items() if "-" not in k}
    token_match = _reduplication


class _Indonesian(Indonesian):
    Defaults = _Defaults


def make_tokenizer() -> spacy.language.Language:
    """spaCy's Indonesian tokenizer with the Indonesian abbreviations and splits it misses."""
    nlp = _Indonesian()
    tokenizer: Any = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    for letter in string.ascii_uppercase:  # initials: "M. Irfan"
        tokenizer.add_special_case(f"{letter}.", [{ORTH: f"{letter}."}])
    for glued, parts in _EMOTICONS_TO_SPLIT.items():
        tokenizer.add_special_case(glued, [{ORTH: p} for p in parts])
    return nlp


def chunk_spans(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``[start, end)`` pieces of at most ``limit`` characters at natural breaks."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        else:
            cut = limit  # one giant token: cut it hard
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


class Tokenizer:
    """Tokenise text and find sentences; thread-safe (spaCy's tokenizer keeps no per-call state)."""

    def __init__(self) -> None:
        self._nlp = make_tokenizer()

    @property
    def vocab(self) -> spacy.vocab.Vocab:
        """The spaCy vocabulary, for building ``Doc`` objects over these tokens."""
        return self._nlp.vocab

    def __call__(self, text: str) -> Tokenized:
        safe = safe_text(text)
        tokens: list[Token] = []
        for start, end in _pieces(safe):
            for tok in self._nlp.tokenizer(safe[start:end]):
                if tok.text.strip():  # not one of spaCy's whitespace tokens
                    begin = start + tok.idx
                    for part in split_glued(tok.text):
                        tokens.append(Token(text[begin:begin + len(part)], begin, begin + len(part)))
                        begin += len(part)
        return Tokenized(tuple(tokens), tuple(_sentences(tokens, text)))


def _pieces(text: str) -> list[tuple[int, int]]:
    """Chunks of ``text`` with whitespace-free runs longer than ``MAX_RUN_CHARS`` cut into slices."""
    pieces: list[tuple[int, int]] = []
    for start, end in chunk_spans(text):
        position = start
        for run in _LONG_RUN.finditer(text, start, end):
            pieces.append((position, run.start()))
            pieces += [(a, min(a + MAX_RUN_CHARS, run.end())) for a in range(run.start(), run.end(), MAX_RUN_CHARS)]
            position = run.end()
        pieces.append((position, end))
    return [(a, b) for a, b in pieces if b > a]


def _sentences(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Sentence ranges: break after end punctuation (and quotes or brackets attached to it), at
    line breaks, and after ``MAX_SENTENCE_TOKENS`` tokens."""
    ranges: list[tuple[int, int]] = []
    first = 0
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        attached = nxt is not None and nxt.start == token.end and nxt.text in _CLOSERS | _SENTENCE_END
        closes = token.text in _SENTENCE_END or (
            token.text in _CLOSERS and i > first and tokens[i - 1].end == token.start
            and tokens[i - 1].text in _SENTENCE_END | _CLOSERS and _ends_sentence(tokens, i - 1))
        end_here = (closes and not attached) or nxt is None or i + 1 - first >= MAX_SENTENCE_TOKENS
        if nxt is not None and "\n" in text[token.end:nxt.start]:
            end_here = True
        if end_here:
            ranges.append((first, i + 1))
            first = i + 1
    return ranges


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is end punctuation, or a closer attached to end punctuation."""
    while i > 0 and tokens[i].text in _CLOSERS:
        if tokens[i - 1].end != tokens[i].start:
            return False
        i -= 1
    return tokens[i].text in _SENTENCE_END
