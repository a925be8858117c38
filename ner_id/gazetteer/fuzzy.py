"""Fuzzy matching of capitalised spans against gazetteer names, with rapidfuzz.

Only capitalised runs of one to three tokens that no exact match covers are candidates. The
match must keep the first letter, differ in length by at most two characters, and reach a
similarity that rises for shorter names; names under ``min_length`` characters never
fuzzy-match (so "as" never becomes AS), and neither do spans made of common words (a typo is
rare: "Pertama" is a word, not a misspelt "Pertamina").
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from rapidfuzz import fuzz, process

from ner_id.gazetteer.load import Entry
from ner_id.gazetteer.match import Match, scan
from ner_id.types import Token

MAX_TOKENS = 3


class FuzzyMatcher:
    """Find near-misses ("Asfghanistan" -> Afghanistan) among entries that allow fuzzy matching."""

    def __init__(self, entries: Sequence[Entry], common_words: Collection[str] = frozenset(),
                 min_length: int = 6, cutoff: float = 84.0) -> None:
        self.min_length = min_length
        self.cutoff = cutoff
        self._common = common_words
        self._buckets: dict[tuple[str, int], dict[str, Entry]] = defaultdict(dict)
        for entry in entries:
            if entry.fuzzy:
                for surface in entry.surfaces:
                    if len(surface) >= min_length and not surface.isupper():
                        self._buckets[surface[0], len(surface)].setdefault(surface, entry)

    def threshold(self, length: int) -> float:
        """Required similarity (0-100) for a candidate of ``length`` characters."""
        return max(self.cutoff, 100.0 - 110.0 / length)

    def find(self, tokens: Sequence[Token], covered: set[int]) -> list[Match]:
        """Matches over capitalised token runs that are not in ``covered`` token indexes."""
        return scan(tokens, lambda i: self._best_at(tokens, i, covered))

    def _best_at(self, tokens: Sequence[Token], i: int, covered: set[int]) -> Match | None:
        """The best match over the capitalised, uncovered run of one to three tokens from ``i``."""
        best: Match | None = None
        words: list[str] = []
        for j in range(i, min(len(tokens), i + MAX_TOKENS)):
            if j in covered or not _capitalised(tokens[j].text):
                break
            words.append(tokens[j].text)
            surface = " ".join(words)
            if len(surface) < self.min_length or all(w.lower() in self._common for w in words):
                continue
            hit = self._closest(surface)
            if hit is not None and (best is None or hit[1] > best.score):
                best = Match(tokens[i].start, tokens[j].end, i, j + 1, hit[0], hit[1])
        return best

    def _closest(self, surface: str) -> tuple[Entry, float] | None:
        """The most similar entry with the same initial and a length within two characters (for
        surfaces of five or more characters the threshold, at least 100 - 110/n, rules out larger
        differences anyway: the window only narrows the search)."""
        cutoff = self.threshold(len(surface))
        best: tuple[Entry, float] | None = None
        for length in range(len(surface) - 2, len(surface) + 3):
            choices = self._buckets.get((surface[0], length))
            if not choices:
                continue
            hit = process.extractOne(surface, choices.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
            if hit is not None and (best is None or hit[1] / 100.0 > best[1]):
                best = (choices[hit[0]], hit[1] / 100.0)
        return best


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and text[1:2].islower()
