import pytest

from ner_id.tokenizer import MAX_CHUNK_CHARS, MAX_SENTENCE_TOKENS, Tokenizer, chunk_spans


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


@pytest.mark.parametrize("text", [
    "Jo\u200bko di Ja\u00a0karta",           # zero-width and non-breaking spaces
    "Cafe\u0301 😀 🇮🇩 di Bali",              # combining accent, emoji, flag
    "lone \ud800 surrogate \udfff here",      # lone surrogates
    "CRLF\r\nline\tTab \x00 NUL \x07",      # control characters
    "مرحبا بالعالم Jakarta",                 # right-to-left script
    "<p>Presiden <b>Joko</b> Widodo</p>",
    "",
    "   \n\t ",
])
def test_offsets_point_into_the_original_string(tok, text):
    result = tok(text)
    for token in result.tokens:
        assert text[token.start:token.end] == token.text
        assert token.text.strip()
    assert sum(b - a for a, b in result.sentences) == len(result.tokens)


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
