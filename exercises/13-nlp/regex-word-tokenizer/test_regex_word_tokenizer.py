import pytest

from regex_word_tokenizer import ngrams, normalize, tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cat sat.", ["The", "cat", "sat"]),
        ("Don't panic, it's fine!", ["Don't", "panic", "it's", "fine"]),
        ("It’s Zoë’s café", ["It’s", "Zoë’s", "café"]),
        ("Pi is 3.14, not 3", ["Pi", "is", "3.14", "not", "3"]),
        ("well-known 'quoted' words", ["well", "known", "quoted", "words"]),
        ("the dogs' bowls", ["the", "dogs", "bowls"]),
        ("Version 3.12. Done", ["Version", "3.12", "Done"]),
        ("Москва и Αθήνα", ["Москва", "и", "Αθήνα"]),
    ],
    ids=[
        "plain-words", "contractions", "curly-apostrophe-and-accents", "decimals",
        "hyphens-and-quotes", "a-final-apostrophe-is-not-inner", "decimal-at-the-end-of-a-sentence",
        "other-scripts",
    ],
)
def test_tokenize_splits_words_and_drops_punctuation(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://python.org/docs.", ["see", "https://python.org/docs"]),
        ("go to http://a.io/x?q=1&p=2, now", ["go", "to", "http://a.io/x?q=1&p=2", "now"]),
        ("https://example.com/it's/here", ["https://example.com/it's/here"]),
        ("Really? see https://a.io/x?!", ["Really", "see", "https://a.io/x"]),
    ],
    ids=[
        "url-before-full-stop", "url-with-query-before-comma", "url-alone",
        "url-before-several-punctuation-marks",
    ],
)
def test_tokenize_keeps_a_url_in_one_piece(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "?! ... --"], ids=["empty", "spaces", "only-punctuation"])
def test_tokenize_returns_no_tokens_for_text_without_words(text):
    assert tokenize(text) == []


def test_ngrams_returns_consecutive_runs_as_tuples():
    tokens = ["to", "be", "or", "not", "to", "be"]
    assert ngrams(tokens, 2) == [("to", "be"), ("be", "or"), ("or", "not"), ("not", "to"), ("to", "be")]
    assert ngrams(tokens, 3)[0] == ("to", "be", "or")


@pytest.mark.parametrize(
    ("tokens", "n", "expected"),
    [
        (["a", "b"], 1, [("a",), ("b",)]),
        (["a", "b"], 2, [("a", "b")]),
        (["a", "b"], 3, []),
        ([], 2, []),
    ],
    ids=["unigrams", "exactly-n-tokens", "fewer-tokens-than-n", "no-tokens"],
)
def test_ngrams_edge_cases(tokens, n, expected):
    assert ngrams(tokens, n) == expected


@pytest.mark.parametrize("n", [0, -2], ids=["zero", "negative"])
def test_ngrams_rejects_n_below_one(n):
    with pytest.raises(ValueError, match="at least 1"):
        ngrams(["a"], n)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello", "hello"),
        ("Straße", "strasse"),
        ("ﬁle", "file"),
        ("ＰＹＴＨＯＮ３", "python3"),
    ],
    ids=["lowercase", "german-sharp-s", "ligature", "full-width"],
)
def test_normalize_folds_case_and_compatibility_characters(text, expected):
    assert normalize(text) == expected


def test_normalize_makes_composed_and_decomposed_accents_equal():
    composed = "caf\u00e9"  # é as one code point
    decomposed = "cafe\u0301"  # e + COMBINING ACUTE ACCENT
    assert composed != decomposed, "these look the same but are different strings"
    assert normalize(composed) == normalize(decomposed) == "café"
