"""Keyphrases of one document: ranked phrases with the offsets of their first occurrence.

Candidates are runs of up to four content words (no stop word, number or punctuation at either
end, split at stop words) and the document's entities, taken whole. A word weighs
``tf * idf`` (document frequencies counted on Indonesian news, shipped in
``models/idf.json.gz``); a phrase weighs the sum of its words, grows with its frequency and
with how early it first appears. Verb forms are not content words. An entity, taken whole,
weighs the idf of its words and its number of mentions.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.lang.id.stop_words import STOP_WORDS

from ner_id.lexicon import TITLES
from ner_id.tokenizer import Tokenized
from ner_id.types import Entity, Keyphrase, Token
from ner_id.wordfreq import idf_table

MAX_WORDS = 4
EXTRA_STOP = {"kata", "ujar", "ucap", "tutur", "jelas", "menurut", "mengatakan", "menyebut", "menambahkan",
              "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "wib", "rp", "persen", "pukul",
              "tahun", "hari", "bulan", "pekan", "lalu", "kemarin", "tersebut", "pihak", "sementara", "antara"}
STOP = frozenset(STOP_WORDS) | EXTRA_STOP | {t.lower() for t in TITLES}
#: Verb forms (meN-, -kan, di-...-i) make poor keyphrase words: "membahas", "mengatakan", "dilakukan".
_WORDS = re.compile(r"[^\W\d_]+")
_VERB = re.compile(r"^(?:mem|meng|meny|men(?!teri)|me[lrwy])\w{3,}$|^\w{3,}kan$|^(?:di|ber|ter)\w{3,}i$")


def _content(token: Token) -> bool:
    word = token.text.lower()
    return word.isalpha() and len(word) > 1 and word not in STOP and not _VERB.match(word)


def keyphrases(text: str, tokenized: Tokenized, entities: Sequence[Entity], top: int = 10
               ) -> tuple[Keyphrase, ...]:
    """The ``top`` keyphrases of ``text``, best first; scores are relative (the best is 1.0)."""
    tokens = tokenized.tokens
    if not tokens:
        return ()
    documents, df = idf_table()

    def idf(word: str) -> float:
        return math.log((documents + 1) / (df.get(word, 0) + 1))

    tf = Counter(t.text.lower() for t in tokens if _content(t))
    weight = {w: (1 + math.log(c)) * idf(w) for w, c in tf.items()}
    starts = [t.start for t in tokens]
    inside = _entity_tokens(tokens, starts, entities)
    phrases: dict[str, list[int]] = defaultdict(list)  # phrase -> first token index of each occurrence
    spans: dict[str, tuple[int, int]] = {}
    run: list[int] = []
    for i in range(len(tokens) + 1):
        usable = i < len(tokens) and i not in inside and _content(tokens[i])
        if usable and len(run) < MAX_WORDS:
            run.append(i)
            continue
        for a in range(len(run)):
            for b in range(a + 1, len(run) + 1):
                key = " ".join(tokens[k].text.lower() for k in run[a:b])
                phrases[key].append(run[a])
                spans.setdefault(key, (tokens[run[a]].start, tokens[run[b - 1]].end))
        run = [i] if usable else []
    n = len(tokens)
    scored: list[tuple[float, str, int, int]] = []
    for key, firsts in phrases.items():
        words = key.split()
        total = sum(weight.get(w, 0.0) for w in words)
        rare_long = 0.6 if len(words) > 2 and len(firsts) == 1 else 1.0
        scored.append((total * math.sqrt(len(firsts)) * rare_long * _early(firsts[0], n), key, *spans[key]))
    by_surface: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_surface[e.text.lower()].append(e)
    for key, mentions in by_surface.items():
        shown = min(mentions, key=lambda e: (e.text.isupper() and len(e.text) > 4, e.start))
        total = (1 + math.log(len(mentions))) * sum(idf(w) for w in _WORDS.findall(key))
        position = _early(bisect_left(starts, min(e.start for e in mentions)), n)
        scored.append((total * position, key, shown.start, shown.end))
    return _select(text, scored, top)


def _early(index: int, n: int) -> float:
    """1.5 for the first token of a document, falling to 1.0 at its end."""
    return 1.0 + 0.5 * (1 - index / n)


def _entity_tokens(tokens: Sequence[Token], starts: list[int], entities: Sequence[Entity]) -> set[int]:
    """Indexes of the tokens inside entities (entities are candidates only as whole units)."""
    covered = set()
    for e in entities:
        k = bisect_left(starts, e.start)
        while k < len(tokens) and tokens[k].start < e.end:
            covered.add(k)
            k += 1
    return covered


def _balanced(surface: str) -> bool:
    """No bracket left open or closed inside the phrase ("Persero) Tbk" is not a keyphrase)."""
    depth = 0
    for char in surface:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _select(text: str, scored: list[tuple[float, str, int, int]], top: int) -> tuple[Keyphrase, ...]:
    """Best first, dropping phrases that contain or are contained in a better one."""
    chosen: list[tuple[float, str, int, int]] = []
    for item in sorted(scored, key=lambda x: (-x[0], x[2])):
        key = f" {item[1]} "
        surface = text[item[2]:item[3]]
        if any(key in f" {c[1]} " or f" {c[1]} " in key for c in chosen) or not _balanced(surface):
            continue
        chosen.append(item)
        if len(chosen) == top:
            break
    best = chosen[0][0] if chosen and chosen[0][0] > 0 else 1.0
    return tuple(Keyphrase(text[s:e], round(max(score, 0.0) / best, 4), s, e) for score, _, s, e in chosen)
