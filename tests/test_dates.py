"""ner_id.dates at its edges: each form, its bounds, the order of day and month, what counts as missing."""
import datetime
import math
import re
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from ner_id.dates import FORMS, ORDER_HINT, DateReader, DateWarning, _formatted, _text, missing

D = datetime.date


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test reads its texts afresh, not from what an earlier test left in the parsers' caches."""
    _text.cache_clear()
    _formatted.cache_clear()


def reader(*values, **options) -> DateReader:
    dates = DateReader("date", **options)
    for i, value in enumerate(values):
        dates.learn(f"n{i}", value)
    return dates


def read_all(*values, **options) -> list:
    dates = reader(*values, **options)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dates.settle()
    return [dates.read(v) for v in values]


@pytest.mark.parametrize(("value", "date"), [
    ("2025-10-20", D(2025, 10, 20)),
    ("2025/1/2", D(2025, 1, 2)),
    ("2025.12.31", D(2025, 12, 31)),
    ("  2025-10-20  ", D(2025, 10, 20)),
    ("2025-10-20T17:00:00+07:00", D(2025, 10, 20)),  # the date written, whatever the zone
    ("2025-10-20 23.59", D(2025, 10, 20)),
    ("2025-10-20, 7:05 WIB", D(2025, 10, 20)),
    ("20/10/2025", D(2025, 10, 20)),
    ("20-10-2025 17:00", D(2025, 10, 20)),
    ("20.10.2025", D(2025, 10, 20)),
    ("10/20/2025", D(2025, 10, 20)),  # month first: 20 cannot be a month
    ("7/7/2025", D(2025, 7, 7)),      # the same number twice: no order to choose
    ("Senin, 20 Oktober 2025 17:00 WIB", D(2025, 10, 20)),
    ("1 Januari 2024", D(2024, 1, 1)),
    ("29 Peb 2024", D(2024, 2, 29)),
    ("3 Agt 2025", D(2025, 8, 3)),
    ("3 Agustus 2025", D(2025, 8, 3)),
    ("3 Aug. 2025", D(2025, 8, 3)),
    ("9 Mei 2025", D(2025, 5, 9)),
    ("9 May 2025", D(2025, 5, 9)),
    ("30 Nop 2025", D(2025, 11, 30)),
    ("31 Des 2025", D(2025, 12, 31)),
    ("31 dec 2025", D(2025, 12, 31)),
    ("Kamis,1 Okt 2026", D(2026, 10, 1)),
    ("100000000", D(1973, 3, 3)),        # nine digits: Unix seconds
    ("99999999999", D(5138, 11, 16)),   # eleven
    ("1760979600.75", D(2025, 10, 20)),
    (1760979599, D(2025, 10, 20)),       # 2025-10-20 16:59:59 UTC: the UTC date, not Jakarta's
    (1760979600.0, D(2025, 10, 20)),
    (np.int64(1767225600), D(2026, 1, 1)),
    (datetime.datetime(2025, 12, 31, 23, 59), D(2025, 12, 31)),
    (D(2024, 2, 29), D(2024, 2, 29)),
    (pd.Timestamp("2025-01-01 00:30"), D(2025, 1, 1)),
])
def test_each_form_reads_its_date(value, date):
    assert read_all(value) == [date]


@pytest.mark.parametrize(("value", "reason"), [
    ("2025-02-29", "not a date: day is out of range for month"),
    ("2025-13-01", "not a date: month must be in 1..12"),
    ("31/02/2025", "not a date: day is out of range for month"),
    ("12345678", f"not a date; dates are read as {FORMS}"),      # eight digits is no Unix time
    ("123456789012", f"not a date; dates are read as {FORMS}"),  # nor twelve
    ("2025-10-20 besok", f"not a date; dates are read as {FORMS}"),
    ("2025-10-2017:00", f"not a date; dates are read as {FORMS}"),
    ("20/10-2025", f"not a date; dates are read as {FORMS}"),   # mixed separators
    ("20 Okx 2025", f"not a date; dates are read as {FORMS}"),
    ("20 Ok 2025", f"not a date; dates are read as {FORMS}"),   # a month name has three letters at least
    ("Oktober 2025", f"not a date; dates are read as {FORMS}"),
    (1e300, "out of range for Unix seconds (milliseconds?)"),
    ("1760979600000", f"not a date; dates are read as {FORMS}"),
    (True, "a bool, not a date"),
    (["2025-10-20"], "a list, not a date"),
])
def test_what_cannot_be_read_says_why(value, reason):
    dates = reader("2025-01-01", value)
    with pytest.warns(DateWarning) as caught:
        dates.settle()
    assert str(caught[0].message) == (
        f"1 of 2 dates in field 'date' cannot be read, e.g. document 'n1': {value!r} ({reason}): "
        "left out of the timeline and first/last seen")
    assert dates.read(value) is None and dates.read("2025-01-01") == D(2025, 1, 1)


def test_the_order_of_day_and_month_comes_from_the_dump_or_the_options():
    assert read_all("05/06/2025", "20/10/2025") == [D(2025, 6, 5), D(2025, 10, 20)]
    assert read_all("05/06/2025", "10/20/2025") == [D(2025, 5, 6), D(2025, 10, 20)]
    assert read_all("05/06/2025", dayfirst=True) == [D(2025, 6, 5)]
    assert read_all("05/06/2025", dayfirst=False) == [D(2025, 5, 6)]
    assert read_all("05/06/2025", "10/20/2025", dayfirst=True) == [D(2025, 6, 5), D(2025, 10, 20)]
    assert read_all("12/12/2025", "12/11/2025", "13/12/2025") == [D(2025, 12, 12), D(2025, 11, 12), D(2025, 12, 13)]
    # dates that show no order, and ISO dates, decide nothing
    assert reader("7/7/2025", "2025-10-20", "05/06/2025")._orders == set()


def test_swappable_dates_without_an_order_are_unreadable():
    dates = reader("2025-10-20", "05/06/2025", "07/08/2025")
    with pytest.warns(DateWarning, match="^2 of 3 dates in field 'date' cannot be read, e.g. document 'n1': "
                      rf"'05/06/2025' \(day and month can be swapped: {re.escape(ORDER_HINT)}\): left out"):
        dates.settle()
    assert [dates.read(v) for v in ("05/06/2025", "2025-10-20")] == [None, D(2025, 10, 20)]
    mixed = reader("20/10/2025", "10/21/2025", "05/06/2025")
    with pytest.warns(DateWarning, match=r"^1 of 3 dates .* 'n2': '05/06/2025' \(both day-first and month-first "
                      "dates in this dump: give the order"):
        mixed.settle()
    # an unreadable date is the example before an ambiguous one
    first = reader("2025-10-20", "05/06/2025", "kemarin")
    with pytest.warns(DateWarning, match=r"^2 of 3 .* 'n2': 'kemarin' \(not a date;"):
        first.settle()


def test_date_format_reads_every_text_with_it():
    assert read_all("20-10-25", "01-01-26", date_format="%d-%m-%y") == [D(2025, 10, 20), D(2026, 1, 1)]
    assert read_all(" 20|10|2025 ", date_format="%d|%m|%Y") == [D(2025, 10, 20)]
    dates = reader("20-10-25", "2025-10-20", date_format="%d-%m-%y")
    with pytest.warns(DateWarning, match=r"'n1': '2025-10-20' \(does not match date_format '%d-%m-%y'\)"):
        dates.settle()
    # values that are dates already, and numbers, do not need the format
    assert read_all(D(2025, 1, 2), 1760979600, date_format="%d-%m-%y") == [D(2025, 1, 2), D(2025, 10, 20)]


@pytest.mark.parametrize(("value", "is_missing"), [
    (None, True), (float("nan"), True), (np.nan, True), (pd.NaT, True), (pd.NA, True), ("", True), (" \t\n", True),
    (0, False), (0.0, False), ("0", False), ("x", False), (False, False), (D(2025, 1, 1), False),
    (math.inf, False), (np.array([1, 2]), False),
])
def test_missing_values(value, is_missing):
    assert missing(value) is is_missing


def test_missing_dates_are_counted_apart_and_a_dump_without_any_fails():
    dates = reader("2025-10-20", None, "", pd.NaT)
    with pytest.warns(DateWarning, match="^3 documents have no 'date': left out of the timeline and first/last seen$"):
        dates.settle()
    with pytest.raises(ValueError, match=r"^no document has a value in the date field 'date' \(did ner-id extract "
                       r"keep it with --keep-field\?\)$"):
        reader(None, " ").settle()
    with pytest.raises(ValueError, match=rf"^none of the 1 dates in field 'date' can be read, e.g. document 'n0': "
                       rf"'x' \(not a date; dates are read as {re.escape(FORMS)}\); "
                       rf"dates are read as {re.escape(FORMS)}, or with date_format \(--date-format\)$"):
        reader("x").settle()


def test_bad_options_are_type_errors():
    with pytest.raises(TypeError, match="^date_format must be a strptime format str, got int$"):
        DateReader("date", date_format=5)
    with pytest.raises(TypeError, match="^dayfirst must be True, False or None, got 'yes'$"):
        DateReader("date", dayfirst="yes")
    with pytest.raises(TypeError, match="^dayfirst must be True, False or None, got 1$"):
        DateReader("date", dayfirst=1)


def test_a_month_of_twelve_or_a_day_of_thirteen_shows_the_order():
    assert read_all("12/13/2025", "05/06/2025") == [D(2025, 12, 13), D(2025, 5, 6)]  # 13 is no month: month first
    assert read_all("13/12/2025", "05/06/2025") == [D(2025, 12, 13), D(2025, 6, 5)]  # day first
    assert reader("12/11/2025", "11/12/2025")._orders == set()  # 12 can be a month: no order shown


def test_every_unreadable_date_is_counted_and_order_options_count_swappable_dates_as_read():
    with pytest.warns(DateWarning, match=r"^2 of 3 dates in field 'date' cannot be read, e.g. document 'n0': 'x' "):
        reader("x", "y", "2025-01-01").settle()
    with pytest.warns(DateWarning, match=r"^1 of 3 dates in field 'date' cannot be read, e.g. document 'n2': 'x' "):
        reader("05/06/2025", "07/08/2025", "x", dayfirst=True).settle()


def test_unix_seconds_are_read_in_utc_whatever_the_local_zone(monkeypatch):
    time = pytest.importorskip("time")
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    try:
        # 2025-10-20 17:00 UTC is already 2025-10-21 in Jakarta
        assert read_all(1760979600, 1760979600.0) == [D(2025, 10, 20), D(2025, 10, 20)]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_warning_points_at_the_callers_line():
    import ner_id.index

    if "mutmut" in sys.modules:
        pytest.skip("mutmut's trampolines add stack frames between the caller and the warning")

    records = [{"id": "a", "date": "x", "entities": []}, {"id": "b", "date": "2025-01-01", "entities": []}]
    with pytest.warns(DateWarning) as caught:
        ner_id.index.build(records, date_field="date")
    assert caught[0].filename == __file__
