import pytest

from ner_id.tokenizer import MAX_CHUNK_CHARS, MAX_RUN_CHARS, MAX_SENTENCE_TOKENS, Tokenizer, chunk_spans


@pytest.fixture(scope="module")
def tok():
    return Tokenizer()


def texts(result):
    return [t.text for t in result.tokens]


@pytest.mark.parametrize("abbreviation", ["PT.", "Tbk.", "Jl.", "No.", "H.", "Hj.", "Dr.", "Prof.", "Ir.",
                                          "S.H.", "M.Si.", "dll.", "dsb.", "a.n."])
def test_abbreviations_stay_whole_and_do_not_end_sentences(tok, abbreviation):
    text = f"Ia bertemu {abbreviation} Budi di sana."
    result = tok(text)
    assert abbreviation in texts(result)
    assert len(result.sentences) == 1


def test_initials_stay_with_their_period(tok):
    result = tok("Wartawan M. Irfan melapor dari Jakarta.")
    assert "M." in texts(result)
    assert len(result.sentences) == 1


def test_digit_and_bracket_are_split(tok):
    assert texts(tok("pada Senin (18/8), katanya")) == ["pada", "Senin", "(", "18", "/", "8", ")", ",", "katanya"]


def test_sentences_split_at_end_punctuation_and_closing_quotes(tok):
    result = tok('Ia datang. "Kami siap." Lalu pergi!\n\nParagraf baru')
    sentences = [[t.text for t in s] for s in result.sentence_tokens()]
    assert sentences == [["Ia", "datang", "."], ['"', "Kami", "siap", ".", '"'], ["Lalu", "pergi", "!"],
                         ["Paragraf", "baru"]]


@pytest.mark.parametrize("text, tokens, sentences", [
    ("Jo\u200bko di Ja\u00a0karta", ["Jo\u200bko", "di", "Ja", "karta"], ((0, 4),)),  # zero-width, non-breaking space
    ("Cafe\u0301 😀 🇮🇩 di Bali", ["Cafe\u0301", "😀", "\U0001f1ee", "\U0001f1e9", "di", "Bali"], ((0, 6),)),  # accent, emoji
    ("lone \ud800 surrogate \udfff here", ["lone", "\ud800", "surrogate", "\udfff", "here"], ((0, 5),)),
    ("CRLF\r\nline\tTab \x00 NUL \x07", ["CRLF", "line", "Tab", "\x00", "NUL", "\x07"], ((0, 1), (1, 6))),
    ("مرحبا بالعالم Jakarta", ["مرحبا", "بالعالم", "Jakarta"], ((0, 3),)),  # right-to-left script
    ("<p>Presiden <b>Joko</b> Widodo</p>", ["<", "p", ">", "Presiden", "<", "b", ">", "Joko", "</b>", "Widodo", "</p>"],
     ((0, 11),)),
    ("", [], ()),
    ("   \n\t ", [], ()),
])
def test_offsets_point_into_the_original_string(tok, text, tokens, sentences):
    result = tok(text)
    assert [t.text for t in result.tokens] == tokens and result.sentences == sentences
    for token in result.tokens:
        assert text[token.start:token.end] == token.text


def test_long_text_is_chunked_without_losing_offsets(tok):
    paragraph = "Presiden Joko Widodo tiba di Jakarta pada Senin. " * 40
    text = "\n\n".join([paragraph] * 30)  # about 60,000 characters
    spans = chunk_spans(text)
    assert len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    result = tok(text)
    assert all(text[t.start:t.end] == t.text for t in result.tokens)
    assert texts(result).count("Jakarta") == 40 * 30


def test_giant_token_and_endless_punctuation_are_bounded(tok):
    text = "a" * 50_000 + " " + "!" * 5000
    result = tok(text)
    assert "".join(texts(result)).count("a") == 50_000
    assert all(b - a <= MAX_SENTENCE_TOKENS for a, b in result.sentences)


def test_tokens_after_chunk_edges_have_exact_offsets(tok):
    sentence = "Presiden Joko Widodo tiba di Jakarta pada Senin. "
    words = [("Presiden", 0), ("Joko", 9), ("Widodo", 14), ("tiba", 21), ("di", 26), ("Jakarta", 29), ("pada", 37),
             ("Senin", 42), (".", 47)]
    copies = 3 * MAX_CHUNK_CHARS // len(sentence)  # three chunks and more
    result = tok(sentence * copies)
    expected = [(w, k * len(sentence) + at, k * len(sentence) + at + len(w)) for k in range(copies) for w, at in words]
    assert [(t.text, t.start, t.end) for t in result.tokens] == expected
    assert result.sentences == tuple((9 * k, 9 * k + 9) for k in range(copies))


@pytest.mark.parametrize("text,expected", [
    ("Presiden\xa0Joko\xa0Widodo tiba di\xa0Jakarta.",
     [("Presiden", 0, 8), ("Joko", 9, 13), ("Widodo", 14, 20), ("tiba", 21, 25), ("di", 26, 28), ("Jakarta", 29, 36),
      (".", 36, 37)]),
    ("GEMPA GUNCANG CIANJUR, JAWA BARAT (18/8).",
     [("GEMPA", 0, 5), ("GUNCANG", 6, 13), ("CIANJUR", 14, 21), (",", 21, 22), ("JAWA", 23, 27), ("BARAT", 28, 33),
      ("(", 34, 35), ("18", 35, 37), ("/", 37, 38), ("8", 38, 39), (")", 39, 40), (".", 40, 41)]),
])
def test_non_breaking_spaces_and_all_caps_tokens(tok, text, expected):
    assert [(t.text, t.start, t.end) for t in tok(text).tokens] == expected


@pytest.mark.parametrize("word, whole", [
    ("anak-anak", True), ("Undang-Undang", True), ("satu-satunya", True), ("utara-selatan", True),
    ("sayur-mayur", True), ("PT-pt", True), ("Indonesia-Malaysia", False), ("AS-China", False),
    ("Jawa-Bali-Nusa", False), ("ANAK-anak", True), ("KA-kereta", False), ("COVID-19", False),
    ("SATU-SATUNYA", True),  # capitals: one half inside the other
    ("Jakarta-Bandung-Jakarta", False),  # a route: three names, although the first repeats
])
def test_hyphenated_words_stay_whole_only_when_they_are_reduplications(tok, word, whole):
    text = f"Ada {word} di sini."
    tokens = texts(tok(text))
    assert (word in tokens) is whole
    if not whole:
        assert "".join(tokens) == text.replace(" ", "")  # split, nothing lost


@pytest.mark.parametrize("text, expected", [
    ("nilai 8) naik", ["nilai", "8", ")", "naik"]),
    ("nilai (-8 turun", ["nilai", "(", "-8", "turun"]),
    ("nilai 8-) tetap", ["nilai", "8-", ")", "tetap"]),
    ("Kepala Ir. Budi dan S.H. Ani", ["Kepala", "Ir.", "Budi", "dan", "S.H.", "Ani"]),
])
def test_glued_digits_and_abbreviations(tok, text, expected):
    assert texts(tok(text)) == expected


@pytest.mark.parametrize("text, limit, expected", [
    ("aaaaaa\n\nb\nccccccc", 12, [(0, 8), (8, 17)]),  # a paragraph break beats a later line break
    ("aaaa\n\nbbbb\ncccc dddd", 12, [(0, 11), (11, 20)]),  # ... but not in the window's first half
    ("aaa bbb\nccc ddd eee", 12, [(0, 8), (8, 19)]),  # a line break beats a later space
    ("Aaa. Bbb ccc. Dd", 14, [(0, 14), (14, 16)]),                  # after a sentence end beats a plain space
    ("aa bbbbbbbbbbbbbbbbbbbb", 10, [(0, 10), (10, 20), (20, 23)]),  # no break in the window's second half: hard cut
    ("short", 10, [(0, 5)]),
    ("aaaa bbbb", 9, [(0, 9)]),  # exactly the limit: one chunk
    ("", 10, [(0, 0)]),
])
def test_chunks_are_cut_at_the_strongest_break_in_the_second_half(text, limit, expected):
    assert chunk_spans(text, limit) == expected


def test_runs_without_spaces_are_cut_into_slices_with_exact_offsets(tok):
    run = "x" * (2 * MAX_RUN_CHARS + 50)
    text = f"awal {run} akhir"
    result = tok(text)
    assert [(t.start, t.end) for t in result.tokens] == [
        (0, 4), (5, 5 + MAX_RUN_CHARS), (5 + MAX_RUN_CHARS, 5 + 2 * MAX_RUN_CHARS),
        (5 + 2 * MAX_RUN_CHARS, 5 + len(run)), (6 + len(run), 11 + len(run))]


@pytest.mark.parametrize("text, expected", [
    ("Apa?! Ya.", [["Apa", "?", "!"], ["Ya", "."]]),
    ("Ia berkata (ya.) lalu pergi.", [["Ia", "berkata", "(", "ya", ".", ")"], ["lalu", "pergi", "."]]),
    ('Ia pergi." Lalu', [["Ia", "pergi", ".", '"'], ["Lalu"]]),
    ('Ia pergi. " Lalu', [["Ia", "pergi", "."], ['"', "Lalu"]]),
    ("satu\ndua tiga", [["satu"], ["dua", "tiga"]]),
    ("(Ya) lalu.", [["(", "Ya", ")", "lalu", "."]]),
    ("Ya.)) Lalu", [["Ya", ".", ")", ")"], ["Lalu"]]),
    # closers attached to closers end a sentence only when end punctuation is attached at the bottom
    ("Kata dia.)) lalu.", [["Kata", "dia", ".", ")", ")"], ["lalu", "."]]),
    (".)) Lalu.", [[".", ")", ")"], ["Lalu", "."]]),
    ("Kata dia )) lalu.", [["Kata", "dia", ")", ")", "lalu", "."]]),
    ("Ya . )) lalu.", [["Ya", "."], [")", ")", "lalu", "."]]),
    ("(Ya)) lalu.", [["(", "Ya", ")", ")", "lalu", "."]]),
])
def test_sentence_breaks(tok, text, expected):
    assert [[t.text for t in s] for s in tok(text).sentence_tokens()] == expected


def test_sentences_are_cut_after_the_token_limit(tok):
    result = tok(" ".join(["kata"] * (2 * MAX_SENTENCE_TOKENS + 5)))
    assert result.sentences == ((0, MAX_SENTENCE_TOKENS), (MAX_SENTENCE_TOKENS, 2 * MAX_SENTENCE_TOKENS),
                                (2 * MAX_SENTENCE_TOKENS, 2 * MAX_SENTENCE_TOKENS + 5))


def test_the_tokenizer_vocab_is_spacys():
    from spacy.vocab import Vocab

    assert isinstance(Tokenizer().vocab, Vocab)


def test_a_closer_after_a_forced_sentence_cut_starts_the_next_sentence(tok):
    # the token limit cuts between '"' and ')', both attached to the end punctuation before them
    words = ["kata"] * (MAX_SENTENCE_TOKENS - 3)
    result = tok(" ".join(words) + ' akhir.") lalu pergi.')
    first, second = result.sentence_tokens()
    assert [t.text for t in first[-3:]] == ["akhir", ".", '"']
    assert [t.text for t in second] == [")", "lalu", "pergi", "."]
    assert result.sentences == ((0, MAX_SENTENCE_TOKENS), (MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS + 4))


@pytest.mark.parametrize("text, tokens", [
    ("dikutipdetikNews, dariAFP", ["dikutip", "detikNews", ",", "dari", "AFP"]),
    ("kepadadetikBali diRawas Utara", ["kepada", "detikBali", "di", "Rawas", "Utara"]),
    ("Banda Aceh2. Jawa Barat13.", ["Banda", "Aceh", "2", ".", "Jawa", "Barat", "13", "."]),
    ("dimana Dimas diterimadetikcom G20 H1N1 iPhone15", ["dimana", "Dimas", "diterimadetikcom", "G20", "H1N1", "iPhone15"]),
    ("Sosok Affan-bahkan anak-anak Undang-Undang", ["Sosok", "Affan", "-", "bahkan", "anak-anak", "Undang-Undang"]),
    ("Gol2 dan Ab12", ["Gol", "2", "dan", "Ab12"]),  # a name of three letters or more
])
def test_names_glued_to_a_word_before_or_a_number_after_are_cut_out(text, tokens):
    got = Tokenizer()(text).tokens
    assert [t.text for t in got] == tokens
    assert all(text[t.start:t.end] == t.text for t in got)
