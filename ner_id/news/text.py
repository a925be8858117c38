"""Facts about a text that several rules read: whether it is normally cased, its lines, what is covered."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable


def cased(text: str) -> bool:
    """Normally cased text: it has lower-case letters and capitalised words (not all lower, not all caps)."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and 0.02 <= upper / len(letters) <= 0.5


class Lines:
    """The lines of a text, found once: where each starts, and whether it is written in capitals."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._caps: dict[int, bool] = {}

    def start_of(self, position: int) -> int:
        return self._starts[bisect_right(self._starts, position) - 1]

    def in_capitals(self, position: int) -> bool:
        """Whether the line holding ``position`` is a headline in capitals (80% of its letters)."""
        line = bisect_right(self._starts, position) - 1
        if line not in self._caps:
            end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
            letters = [c for c in self._text[self._starts[line]:end] if c.isalpha()]
            self._caps[line] = sum(c.isupper() for c in letters) >= 0.8 * len(letters)
        return self._caps[line]


class Coverage:
    """Which characters of a text some spans cover, so that a rule tests a span for overlap in time
    proportional to its length, not to the number of entities (a long text has thousands)."""

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._taken = bytearray(length)
        for start, end in spans:
            self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        """No covered character in ``[start, end)``."""
        return self._taken.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)
