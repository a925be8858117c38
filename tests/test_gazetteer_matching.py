"""Edge tables of the exact and fuzzy gazetteer matchers, on small gazetteers of their own."""
import json

import pytest

from conftest import run_in_ascii_locale
from ner_id.gazetteer import Entry, ExactMatcher, FuzzyMatcher, GazetteerError, load_entries
from ner_id.tokenizer import Tokenizer

TOK = Tokenizer()
PLACES = [Entry("Bali", "LOC", "Bali", "p:bali"), Entry("Jawa", "LOC", "Jawa", "p:jawa"),
          Entry("Depok", "LOC", "Depok", "p:depok"), Entry("Washington, D.C.", "LOC", "Washington", "p:dc")]


def exact(entries, text):
    return [(text[m.start:m.end], m.token_start, m.token_end, m.entry.kb_id, m.score)
            for m in ExactMatcher(entries).find(TOK(text).tokens)]


@pytest.mark.parametrize("text, expected", [
    ("Bali dan Jawa.", [("Bali", 0, 1, "p:bali", 1.0), ("Jawa", 2, 3, "p:jawa", 1.0)]),      # the first token
    ("Dari Bali Jawa.", [("Bali", 1, 2, "p:bali", 1.0), ("Jawa", 2, 3, "p:jawa", 1.0)]),     # side by side
    ("Ke Bali Utara.", [("Bali", 1, 2, "p:bali", 1.0)]),            # a longer run past the longest name
    ("Ke Washington, D.C. kemarin.", [("Washington, D.C.", 1, 4, "p:dc", 1.0)]),  # touching tokens
    ("Ke Washington , D.C. kemarin.", []),                            # spacing that the name lacks
    ("DARI DEPOK DAN BALI", [("DEPOK", 1, 2, "p:depok", 1.0)]),       # capitals: five letters and more
])
def test_exact_matches_with_their_token_ranges(text, expected):
    assert exact(PLACES, text) == expected


def test_the_longest_name_of_a_gazetteer_matches():
    assert exact([Entry("Bali", "LOC", "Bali"), Entry("Bal", "LOC", "Bal")], "Ke Bali.")[0][0] == "Bali"


def test_an_empty_gazetteer_finds_nothing():
    matcher = ExactMatcher([])
    assert (len(matcher), matcher.find(TOK("Ke Bali.").tokens)) == (0, [])


FUZZY = [Entry("Cianjur", "LOC", "Cianjur"), Entry("Banten", "LOC", "Banten"), Entry("Depok", "LOC", "Depok"),
         Entry("Pertamina", "ORG", "Pertamina"), Entry("Badan Pusat Statistik", "ORG", "BPS"),
         Entry("Kalimantan", "LOC", "Kalimantan"), Entry("Kalimantan Barat", "LOC", "Kalbar"),
         Entry("Bandung", "LOC", "Bandung"), Entry("Bandungaa", "LOC", "Bandungaa"),
         Entry("Afghanistan", "LOC", "Afghanistan")]


def fuzzy(text, covered=(), **options):
    hits = FuzzyMatcher(FUZZY, **options).find(TOK(text).tokens, covered=set(covered))
    return [(text[m.start:m.end], m.entry.canonical, m.token_start, m.token_end, round(m.score, 4)) for m in hits]


@pytest.mark.parametrize("text, expected", [
    ("Afghanistam menolak.", [("Afghanistam", "Afghanistan", 0, 1, 0.9091)]),  # the first token; ratio 90.9
    ("Ke Cianju kemarin.", [("Cianju", "Cianjur", 1, 2, 0.9231)]),    # a surface of exactly six characters
    ("Ke Bantten kemarin.", [("Bantten", "Banten", 1, 2, 0.9231)]),   # a target of exactly six characters
    ("Ke Depokk kemarin.", []),                                        # a five-character target: never
    ("Ke Kalimantam Barat.", [("Kalimantam Barat", "Kalbar", 1, 3, 0.9375)]),  # the better of two runs
    ("Ke Bandunga.", [("Bandunga", "Bandungaa", 1, 2, 0.9412)]),      # the better of two length buckets
    ("Dari PeRtamina.", [("PeRtamina", "Pertamina", 1, 2, 0.8889)]),  # capitalised: upper, then lower
    ("Dari PErtamina.", []),                                           # odd capitals are no candidate
    ("Dari Badan Statistik Pusat.", []),                               # letters compared in order
])
def test_fuzzy_near_misses(text, expected):
    assert fuzzy(text) == expected


def test_fuzzy_runs_stop_at_covered_tokens():
    assert fuzzy("Ke Kalimantam Barat.", covered={2}) == [("Kalimantam", "Kalimantan", 1, 2, 0.9)]
    assert fuzzy("Ke Kalimantam Barat.", covered={1}) == []


def test_fuzzy_minimum_length_is_a_parameter():
    assert fuzzy("Ke Depokk kemarin.", min_length=5) == [("Depokk", "Depok", 1, 2, 0.9091)]
    assert fuzzy("Ke Bantten kemarin.", min_length=8) == []


def test_jsonl_entries_are_fuzzy_unless_they_say_otherwise(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"name": "Kota Baru", "label": "LOC"}\n', encoding="utf-8")
    assert load_entries([path]) == [Entry("Kota Baru", "LOC", "Kota Baru", None, (), True)]


def test_a_jsonl_row_that_is_no_object_names_its_type(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('["Bali", "LOC"]\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"g\.jsonl:1: expected a JSON object, got list$"):
        load_entries([path])


def test_tsv_quotes_are_part_of_the_name(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text('name\tlabel\n"Kampung" Baru\tLOC\n', encoding="utf-8")
    assert [e.name for e in load_entries([path])] == ['"Kampung" Baru']


@pytest.mark.parametrize("suffix, content", [
    (".tsv", "name\tlabel\nSurabaya Ñusantara\tLOC\n"),
    (".jsonl", json.dumps({"name": "Surabaya Ñusantara", "label": "LOC"}, ensure_ascii=False) + "\n"),
])
def test_gazetteers_are_read_as_utf8_whatever_the_locale(tmp_path, suffix, content):
    path = tmp_path / f"g{suffix}"
    path.write_bytes(content.encode("utf-8"))
    code = ("import locale, sys; from ner_id.gazetteer import load_entries; "
            "print(locale.getpreferredencoding(False), ascii(load_entries([sys.argv[1]])[0].name))")
    out = run_in_ascii_locale("-c", code, str(path)).stdout
    assert out == "ANSI_X3.4-1968 'Surabaya \\xd1usantara'\n"  # an ASCII locale, the name read right


def test_the_better_of_two_length_buckets_wins_in_either_order():
    entries = [Entry("Banyuwangi", "LOC", "Banyuwangi"), Entry("Banyuwang", "LOC", "Banyuwang")]
    text = "Ke Banyuwanga."
    [hit] = FuzzyMatcher(entries).find(TOK(text).tokens, covered=set())
    assert (hit.entry.canonical, round(hit.score, 4)) == ("Banyuwang", 0.9474)  # the shorter bucket, searched first
    [hit] = FuzzyMatcher(entries[:1]).find(TOK(text).tokens, covered=set())
    assert (hit.entry.canonical, round(hit.score, 4)) == ("Banyuwangi", 0.9)


def test_an_organisation_links_without_its_legal_form():
    from ner_id.types import Entity

    matcher = ExactMatcher([Entry("Bank Maju", "ORG", "Bank Maju", "co:maju"), Entry("Maju", "LOC", "Maju", "p:maju")])

    def kb_id(text, label="ORG"):
        return matcher.link(Entity(text, label, 0, len(text), 0.9, "model")).kb_id

    assert [kb_id(t) for t in ("PT Bank Maju Tbk", "PT. Bank Maju", "Bank Maju (Persero)", "Bank Maju Tbk.")] == \
        ["co:maju"] * 4
    assert kb_id("PT Maju", "LOC") is None  # legal forms are stripped for organisations only
    assert kb_id("PTBank Maju") is None and kb_id("PT Bank Maju Jaya") is None
