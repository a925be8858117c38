import json

import pytest

from conftest import FIXTURES
from ner_id.gazetteer import Entry, ExactMatcher, FuzzyMatcher, GazetteerError, default_paths, load_entries
from ner_id.tokenizer import Tokenizer

TOK = Tokenizer()


@pytest.fixture(scope="module")
def shipped():
    return load_entries(default_paths())


def find(matcher, text):
    return [(text[m.start:m.end], m.entry.canonical, m.entry.kb_id) for m in matcher.find(TOK(text).tokens)]


def test_shipped_gazetteers_cover_each_kind(shipped):
    kb = {e.kb_id for e in shipped}
    assert {"iso3166:AF", "iso3166:US", "kemendagri:32", "org:sco", "org:id-kpk"} <= kb
    assert any(k.startswith("kemendagri:") and k.count(".") == 2 for k in kb)  # kecamatan
    assert any(k.startswith("geonames:") for k in kb)
    assert {e.label for e in shipped} == {"LOC", "ORG"}  # people are the tagger's; no shipped PER entries


def test_exact_matching_is_case_aware_and_resolves_aliases(shipped):
    matcher = ExactMatcher(shipped)
    text = "Delegasi AS dan RI tiba di Bali, lalu ke Jabar; bali bukan nama."
    found = find(matcher, text)
    assert ("AS", "Amerika Serikat", "iso3166:US") in found
    assert ("RI", "Indonesia", "iso3166:ID") in found
    assert ("Jabar", "Jawa Barat", "kemendagri:32") in found
    assert [f[0] for f in found].count("Bali") == 1
    assert "bali" not in [f[0] for f in found]


def test_longest_match_wins(shipped):
    found = find(ExactMatcher(shipped), "Anggota Organisasi Kerja Sama Shanghai bertemu.")
    assert found == [("Organisasi Kerja Sama Shanghai", "Organisasi Kerja Sama Shanghai", "org:sco")]


def test_all_caps_headlines_match_long_names(shipped):
    found = find(ExactMatcher(shipped), "BANJIR LANDA JAWA BARAT")
    assert ("JAWA BARAT", "Jawa Barat", "kemendagri:32") in found


def test_fuzzy_finds_typos_but_never_short_words(shipped):
    fuzzy = FuzzyMatcher(shipped)
    tokens = TOK("Pasukan dari Asfghanistan dan Uzbekistann serta as yang Ass Selasa").tokens
    hits = fuzzy.find(tokens, covered=set())
    assert [(m.entry.canonical, m.entry.kb_id) for m in hits] == [("Afghanistan", "iso3166:AF"),
                                                                  ("Uzbekistan", "iso3166:UZ")]
    # rapidfuzz's ratio: one letter added to 11 ("Afghanistan") or to 10 ("Uzbekistan") letters
    assert [m.score for m in hits] == pytest.approx([2 * 11 / 23, 2 * 10 / 21])


def test_fuzzy_skips_tokens_already_matched(shipped):
    tokens = TOK("Asfghanistan").tokens
    assert FuzzyMatcher(shipped).find(tokens, covered={0}) == []


def test_user_gazetteer_tsv_and_jsonl(tmp_path):
    entries = load_entries([FIXTURES / "gazetteer.tsv", FIXTURES / "gazetteer.jsonl"])
    by_name = {e.name: e for e in entries}
    assert by_name["Kezhi Institute"].aliases == ("KI", "Institut Kezhi")
    assert by_name["Zhao Kezhi"].label == "PER" and by_name["Zhao Kezhi"].fuzzy is False
    matcher = ExactMatcher(entries)
    assert matcher.lookup("Institut  Kezhi").canonical == "Kezhi Institute"


@pytest.mark.parametrize("content,message", [
    ('{"name": "X", "label": "PLACE"}', "'label' must be one of"),
    ('{"label": "LOC"}', "'name' must be a non-empty string"),
    ('{"name": "X", "label": "LOC", "colour": 1}', "unknown fields"),
    ('{"name": "X", "label": "LOC", "aliases": "Y"}', "'aliases' must be a list"),
    ('not json', "invalid JSON"),
    ('[1, 2]', "expected a JSON object"),
])
def test_invalid_jsonl_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"name": "Ok", "label": "ORG"}\n' + content + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=message) as info:
        load_entries([path])
    assert f"{path}:2" in str(info.value)


def test_invalid_tsv_and_paths(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tlabel\nJakarta\tLOC\textra\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.tsv:2: expected 2 columns"):
        load_entries([bad])
    with pytest.raises(GazetteerError, match="not found"):
        load_entries([tmp_path / "missing.jsonl"])
    with pytest.raises(GazetteerError, match="must end in"):
        load_entries([FIXTURES / "articles.txt"])
    binary = tmp_path / "latin.jsonl"
    binary.write_bytes(json.dumps({"name": "Caf", "label": "ORG"}).encode() + b"\xe9\n")
    with pytest.raises(GazetteerError, match=r"latin.jsonl: not UTF-8 \(invalid continuation byte at byte 31\)$"):
        load_entries([binary])
    row = json.dumps({"name": "Dinas Contoh", "label": "ORG"}).encode() + b"\n"  # 41 bytes
    binary.write_bytes(row * 300 + b'{"name": "Dinas \xe9", "label": "ORG"}\n')  # past a reader's first chunk
    with pytest.raises(GazetteerError, match=r"latin.jsonl: not UTF-8 \(invalid continuation byte at byte 12316\)$"):
        load_entries([binary])


def test_entry_surfaces():
    entry = Entry("Amerika Serikat", "LOC", "Amerika Serikat", "iso3166:US", ("AS",))
    assert entry.surfaces == ("Amerika Serikat", "AS")


@pytest.mark.parametrize("surface,expected", [
    ("Kazakstan", "Kazakhstan"),                      # 9 chars, one letter dropped: 94.7 >= 87.8
    ("Uzbekistam", "Uzbekistan"),                     # 10 chars, one substitution: 90.0 >= 89.0
    ("Kementerian Sosual", "Kementerian Sosial"),     # 18 chars, one substitution: 94.4 >= 93.9
    ("Uzbekestam", None),                             # two substitutions in 10 chars: 80.0 < 89.0
    ("Kementerian Sosuak", None),                     # two substitutions in 18 chars: 88.9 < 93.9
    ("Baly", None),                                   # under the minimum length: never fuzzy
])
def test_fuzzy_threshold_rises_with_name_length(shipped, surface, expected):
    fuzzy = FuzzyMatcher(shipped)
    text = f"Ia tiba di {surface} kemarin."
    hits = fuzzy.find(TOK(text).tokens, covered=set())
    assert [(text[m.start:m.end], m.entry.canonical) for m in hits] == ([(surface, expected)] if expected else [])


def test_fuzzy_threshold_values():
    fuzzy = FuzzyMatcher([])
    assert [round(fuzzy.threshold(n), 1) for n in (6, 9, 10, 18, 30)] == [84.0, 87.8, 89.0, 93.9, 96.3]


def test_all_caps_names_need_five_letters(shipped):
    matcher = ExactMatcher(shipped)
    text = "BENCANA DI BALI DAN ACEH, JAWA BARAT DAN BANTEN SIAGA"
    assert [m[0] for m in find(matcher, text)] == ["JAWA BARAT", "BANTEN"]
    assert [m[0] for m in find(matcher, "Bencana di Bali dan Aceh")] == ["Bali", "Aceh"]


def test_user_entries_win_over_shipped_ones(shipped, tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("name\tlabel\tcanonical\tkb_id\nJakarta\tORG\tPersija Jakarta\tmy:persija\n", encoding="utf-8")
    matcher = ExactMatcher(load_entries([user, *default_paths()]))
    assert find(matcher, "Ia ke Jakarta.") == [("Jakarta", "Persija Jakarta", "my:persija")]
    assert ExactMatcher(shipped).lookup("Jakarta").label == "LOC"


def test_link_gives_model_spans_the_gazetteer_identity(shipped):
    from ner_id.types import Entity

    matcher = ExactMatcher(shipped)

    def link(text, label, kb_id=None):
        e = matcher.link(Entity(text, label, 0, len(text), 0.5, "model", kb_id=kb_id))
        return e.canonical, e.kb_id

    assert link("Amerika Serikat", "LOC") == ("Amerika Serikat", "iso3166:US")
    assert link("Amerika  Serikat", "LOC") == ("Amerika Serikat", "iso3166:US")  # spacing folded
    assert link("PT Bank Rakyat Indonesia (Persero) Tbk", "ORG") == ("Bank Rakyat Indonesia", "org:co-bri")
    assert link("PT. Pertamina", "ORG")[1] == "org:co-pertamina"
    assert link("Amerika Serikat", "PER") == (None, None)  # the labels must agree
    assert link("PT Amerika Serikat", "LOC") == (None, None)  # company forms only for organisations
    assert link("Amerika Serikat", "LOC", kb_id="my:us") == (None, "my:us")  # an existing id stays
    assert link("Negeri Antah Berantah", "LOC") == (None, None)


def test_tsv_rows_fill_defaults_split_aliases_and_read_fuzzy(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("name\tlabel\tcanonical\tkb_id\taliases\tfuzzy\n"
                    "Kota  Baru\tLOC\t\t\tKB||Kotabaru\t No \n"
                    "\t\t\t\t\t\n"
                    "Bank X\tORG\tBank Ex\tx:1\t\tFALSE\n"
                    "Desa Y\tLOC\t\t\t\t0\n"
                    "Desa Z\tLOC\t\t\t\tyes\n", encoding="utf-8")
    assert load_entries([path]) == [
        Entry("Kota Baru", "LOC", "Kota Baru", None, ("KB", "Kotabaru"), False),
        Entry("Bank X", "ORG", "Bank Ex", "x:1", (), False),
        Entry("Desa Y", "LOC", "Desa Y", None, (), False),
        Entry("Desa Z", "LOC", "Desa Z", None, (), True),
    ]


@pytest.mark.parametrize("header, message", [
    ("label\tkb_id", r"g\.tsv:1: the header row must name at least 'name' and 'label'"),
    ("name\tkb_id", r"g\.tsv:1: the header row must name at least 'name' and 'label'"),
    ("name\tlabel\tcolour", r"g\.tsv:1: unknown columns \['colour'\]; allowed: \['name', 'label', 'canonical', "
                            r"'kb_id', 'aliases', 'fuzzy'\]"),
])
def test_tsv_header_errors(tmp_path, header, message):
    path = tmp_path / "g.tsv"
    path.write_text(header + "\nx\ty\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_entries([path])
    path.write_text("", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"g\.tsv:1: the header row"):
        load_entries([path])


@pytest.mark.parametrize("row, message", [
    ({"name": " ", "label": "LOC"}, "'name' must be a non-empty string"),
    ({"name": 5, "label": "LOC"}, "'name' must be a non-empty string"),
    ({"name": "X", "label": "LOC", "kb_id": 5}, "'canonical' and 'kb_id' must be strings"),
    ({"name": "X", "label": "LOC", "canonical": None}, "'canonical' and 'kb_id' must be strings"),
    ({"name": "X", "label": "LOC", "aliases": ["A", " "]}, "'aliases' must be a list of non-empty strings"),
    ({"name": "X", "label": "LOC", "aliases": ["A", 1]}, "'aliases' must be a list of non-empty strings"),
    ({"name": "X", "label": "LOC", "fuzzy": "no"}, "'fuzzy' must be true or false"),
    ({"name": "X", "label": "loc"}, r"'label' must be one of \['PER', 'LOC', 'ORG'\], got 'loc'"),
    ({"name": "X", "label": "LOC", "Name": "Y"}, r"unknown fields \['Name'\]; allowed: \['name', 'label'"),
])
def test_invalid_entries_name_the_field(tmp_path, row, message):
    path = tmp_path / "g.jsonl"
    path.write_text("\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=rf"g\.jsonl:2: {message}"):
        load_entries([path])


def test_jsonl_entry_with_every_field(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"name": " Kota   Baru ", "label": "LOC", "canonical": "Kotabaru", "kb_id": "k:1",
                                "aliases": ["K  B"], "fuzzy": False}) + "\n", encoding="utf-8")
    assert load_entries([path]) == [Entry("Kota Baru", "LOC", "Kotabaru", "k:1", ("K B",), False)]


FUZZY_ENTRIES = [Entry("Afghanistan", "LOC", "Afghanistan"), Entry("Pertamina", "ORG", "Pertamina"),
                 Entry("Badan Pusat Statistik", "ORG", "BPS"), Entry("Badan Riset Inovasi Nasional", "ORG", "BRIN"),
                 Entry("Kalimantan", "LOC", "Kalimantan", fuzzy=False), Entry("BANTENG", "ORG", "Banteng"),
                 Entry("Sumatra", "LOC", "Sumatra", aliases=("SUMATERA",))]


@pytest.mark.parametrize("text, expected", [
    ("Ia dari Afghanistam kemarin.", [("Afghanistam", "Afghanistan")]),
    ("Ia dari Ofghanistan kemarin.", []),                # the first letter must agree
    ("Ia dari AFGHANISTAM kemarin.", []),                # all-caps words are not fuzzy candidates
    ("Ia dari afghanistam kemarin.", []),                # nor lower-case ones
    ("Kata Badan Pusat Statistil kemarin.", [("Badan Pusat Statistil", "BPS")]),  # three tokens
    ("Kata Badan Riset Inovasi Nasionak kemarin.", []),  # four tokens: too long
    ("Ia ke Kalimantam kemarin.", []),                   # the entry is kept out of fuzzy matching
    ("Ia ke Bantenk kemarin.", []),                      # an all-caps name is never a fuzzy target
    ("Ia ke Sumatera kemarin.", [("Sumatera", "Sumatra")]),  # ... but the same entry's other names are
    ("Ia dari Afghanistanistan kemarin.", []),           # lengths differ by more than two
])
def test_fuzzy_candidates_and_targets(text, expected):
    fuzzy = FuzzyMatcher(FUZZY_ENTRIES)
    tokens = TOK(text).tokens
    assert [(text[m.start:m.end], m.entry.canonical) for m in fuzzy.find(tokens, covered=set())] == expected


def test_fuzzy_skips_common_words_and_reports_token_ranges():
    text = "Juara Pertama dari Pertamima."
    tokens = TOK(text).tokens
    plain = FuzzyMatcher(FUZZY_ENTRIES).find(tokens, covered=set())
    assert [(text[m.start:m.end], m.token_start, m.token_end) for m in plain] == [("Pertama", 1, 2), ("Pertamima", 3, 4)]
    common = FuzzyMatcher(FUZZY_ENTRIES, common_words={"pertama"}).find(tokens, covered=set())
    assert [text[m.start:m.end] for m in common] == ["Pertamima"]
    assert FuzzyMatcher(FUZZY_ENTRIES, min_length=10).find(tokens, covered=set()) == []
