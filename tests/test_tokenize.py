import pytest

from ner_id.tokenize import MAX_SENTENCE_TOKENS, Tokenizer, chunk_spans


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
