"""The dates of a dump's documents, in the forms dumps write them, and a count of what cannot be read.

Read: ``date`` / ``datetime`` values; ISO text with or without a time (``2025-10-20``,
``2025-10-20T17:00:00+07:00``, ``2025/10/20 17:00``); day-first or month-first numbers with or
without a time (``20/10/2025``, ``10/20/2025 17:00``, ``20-10-2025``, ``20.10.2025``); a day, an
Indonesian or English month name and a year (``Senin, 20 Oktober 2025 17:00 WIB``, ``20 Okt
2025``, ``20 October 2025``); Unix seconds (numbers, or texts of 9 to 11 digits; UTC). A date is
the one written, whatever its time zone. Where day and month can be swapped (``05/06/2025``) the
order is ``dayfirst``, or else the one the dump's unambiguous dates show (``10/20/2025`` is
month-first); ``date_format`` (a ``strptime`` format) reads every text with that format instead.
"""
from __future__ import annotations

import datetime
import numbers
import re
import warnings
from collections import Counter
from functools import lru_cache
from typing import Any, NamedTuple

_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_YEAR_LAST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_TIME = re.compile(r"(?:[T ,]\s*\d{1,2}[:.]\d{2}\b.*)?")  # what may follow the date: a time, a zone, "WIB"
_NAMED = re.compile(r"(?:[^\W\d_]+,\s*)?(\d{1,2})\s+([^\W\d_]{3,})\.?\s+(\d{4})")  # "Senin, 20 Oktober 2025"
#: Months by the first three letters of their Indonesian or English names (and common abbreviations).
_MONTHS = {name: n for n, names in enumerate(("jan", "feb peb", "mar", "apr", "mei may", "jun", "jul", "agu agt aug",
                                             "sep", "okt oct", "nov nop", "des dec"), 1) for name in names.split()}
_UNIX = re.compile(r"\d{9,11}(?:\.\d*)?")
ORDER_HINT = "give the order with dayfirst (--dayfirst / --monthfirst) or date_format (--date-format)"
FORMS = ("ISO (2025-10-20, 2025-10-20T17:00:00+07:00), day/month/year or month/day/year "
         "(20/10/2025 17:00), 20 Oktober 2025, Unix seconds")


class DateWarning(UserWarning):
    """Some documents' dates could not be read and are left out of the timeline."""


class _Parsed(NamedTuple):
    """A value read as far as it can be alone: a date, or two numbers either of which may be the day, or why not."""

    date: datetime.date | None = None
    pair: tuple[int, int, int] | None = None  # first, second, year of "first/second/year"
    reason: str | None = None


def missing(value: Any) -> bool:
    """None, NaN, NA, NaT or blank text."""
    if isinstance(value, str):
        return not value.strip()
    try:
        return value is None or bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):  # pd.NA (its comparisons are NA), arrays
        return type(value).__name__ == "NAType"


class DateReader:
    """Reads the dates of one dump's documents in two passes: ``learn`` each value (the order of day
    and month), ``settle`` (warn about what cannot be read, fail when nothing can), then ``read``."""

    def __init__(self, field: str, date_format: str | None = None, dayfirst: bool | None = None) -> None:
        if date_format is not None and not isinstance(date_format, str):
            raise TypeError(f"date_format must be a strptime format str, got {type(date_format).__name__}")
        if dayfirst is not None and not isinstance(dayfirst, bool):
            raise TypeError(f"dayfirst must be True, False or None, got {dayfirst!r}")
        self.field, self.date_format, self.dayfirst = field, date_format, dayfirst
        self._orders: set[bool] = set()  # True: day first, False: month first, as unambiguous dates show
        self._counts: Counter = Counter()  # read, ambiguous, unreadable, missing
        self._example: tuple[Any, Any, str] | None = None  # record id, value, reason
        self._ambiguous: tuple[Any, Any] | None = None

    def learn(self, record_id: Any, value: Any) -> None:
        """Count one document's date value (first pass)."""
        if missing(value):
            self._counts["missing"] += 1
            return
        parsed = self._parse(value)
        if parsed.pair is not None and (parsed.pair[0] > 12) != (parsed.pair[1] > 12):
            self._orders.add(parsed.pair[0] > 12)
        if parsed.reason is not None:
            self._counts["unreadable"] += 1
            self._example = self._example or (record_id, value, parsed.reason)
        elif parsed.date is None:
            self._counts["ambiguous"] += 1
            self._ambiguous = self._ambiguous or (record_id, value)
        else:
            self._counts["read"] += 1

    def settle(self) -> None:
        """Choose the order of day and month; warn with the count and an example of the dates that cannot
        be read; ValueError when there are dates and none can be read, or no document has one."""
        if self.dayfirst is None and len(self._orders) == 1:
            self.dayfirst = next(iter(self._orders))
        counts = self._counts
        if counts["ambiguous"] and self.dayfirst is None:
            counts["unreadable"] += counts["ambiguous"]
            reason = "both day-first and month-first dates in this dump" if self._orders else \
                "day and month can be swapped"
            self._example = self._example or (*self._ambiguous, f"{reason}: {ORDER_HINT}")  # type: ignore[misc]
        else:
            counts["read"] += counts["ambiguous"]
        if not counts["read"] and not counts["unreadable"]:
            raise ValueError(f"no document has a value in the date field {self.field!r} "
                             "(did ner-id extract keep it with --keep-field?)")
        problems = []
        if counts["unreadable"]:
            record_id, value, reason = self._example  # type: ignore[misc]
            where = f"e.g. document {record_id!r}: {value!r} ({reason})"
            if not counts["read"]:
                raise ValueError(f"none of the {counts['unreadable']} dates in field {self.field!r} can be read, "
                                 f"{where}; dates are read as {FORMS}, or with date_format (--date-format)")
            problems.append(f"{counts['unreadable']} of {counts['read'] + counts['unreadable']} dates in field "
                            f"{self.field!r} cannot be read, {where}")
        if counts["missing"]:
            problems.append(f"{counts['missing']} documents have no {self.field!r}")
        if problems:
            warnings.warn("; ".join(problems) + ": left out of the timeline and first/last seen", DateWarning,
                          stacklevel=3)

    def read(self, value: Any) -> datetime.date | None:
        """The date of ``value`` (after ``settle``), or None when it has none or cannot be read."""
        if missing(value):
            return None
        parsed = self._parse(value)
        if parsed.pair is None or parsed.date is not None or parsed.reason is not None or self.dayfirst is None:
            return parsed.date
        first, second, year = parsed.pair
        day, month = (first, second) if self.dayfirst else (second, first)
        return datetime.date(year, month, day)

    def _parse(self, value: Any) -> _Parsed:
        if isinstance(value, datetime.datetime):
            return _Parsed(value.date())
        if isinstance(value, datetime.date):
            return _Parsed(value)
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            return _unix(float(value))
        if not isinstance(value, str):
            return _Parsed(reason=f"a {type(value).__name__}, not a date")
        if self.date_format is not None:
            return _formatted(value.strip(), self.date_format)
        return _text(value.strip())


@lru_cache(maxsize=1 << 14)
def _text(text: str) -> _Parsed:
    """A date text read alone: a date, an ambiguous "first/second/year", or why not."""
    if match := _YEAR_FIRST.match(text):
        if _TIME.fullmatch(text, match.end()):
            return _checked(int(match[1]), int(match[2]), int(match[3]))
    elif match := _YEAR_LAST.match(text):
        if _TIME.fullmatch(text, match.end()):
            first, second, year = int(match[1]), int(match[3]), int(match[4])
            if first > 12 or second > 12 or first == second:
                day, month = (first, second) if first > 12 or first == second else (second, first)
                parsed = _checked(year, month, day)
                return parsed._replace(pair=(first, second, year))
            return _Parsed(pair=(first, second, year))
    elif (match := _NAMED.match(text)) and _TIME.fullmatch(text, match.end()):
        if (named := _MONTHS.get(match[2][:3].lower())) is not None:
            return _checked(int(match[3]), named, int(match[1]))
    elif _UNIX.fullmatch(text):
        return _unix(float(text))
    return _Parsed(reason=f"not a date; dates are read as {FORMS}")


def _checked(year: int, month: int, day: int) -> _Parsed:
    try:
        return _Parsed(datetime.date(year, month, day))
    except ValueError as error:
        return _Parsed(reason=f"not a date: {error}")


@lru_cache(maxsize=1 << 14)
def _formatted(text: str, date_format: str) -> _Parsed:
    try:
        return _Parsed(datetime.datetime.strptime(text, date_format).date())
    except ValueError:
        return _Parsed(reason=f"does not match date_format {date_format!r}")


def _unix(seconds: float) -> _Parsed:
    try:
        return _Parsed(datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).date())
    except (OverflowError, OSError, ValueError):
        return _Parsed(reason="out of range for Unix seconds (milliseconds?)")
