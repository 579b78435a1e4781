import pytest

from regex_scanner_lastgroup import Token, TokenizeError, tokenize


def rejects(text, message):
    """tokenize(text) must raise TokenizeError with exactly `message`."""
    try:
        tokens = tokenize(text)
    except TokenizeError as error:
        assert str(error) == message
    else:
        pytest.fail(f"{text!r} was accepted as {tokens}: it must raise TokenizeError"
                    f"({message!r}); never skip or stretch over a character silently")


def kinds_and_values(text):
    return [(token.kind, token.value) for token in tokenize(text)]


def test_tokenizes_a_query_with_kinds_values_and_positions():
    assert tokenize('status>=500 and path~"/api/v1"') == [
        Token("NAME", "status", 0),
        Token("OP", ">=", 6),
        Token("NUMBER", 500, 8),
        Token("KEYWORD", "and", 12),
        Token("NAME", "path", 16),
        Token("OP", "~", 20),
        Token("STRING", "/api/v1", 21),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a>=1", [("NAME", "a"), ("OP", ">="), ("NUMBER", 1)]),
        ("a<=1", [("NAME", "a"), ("OP", "<="), ("NUMBER", 1)]),
        ("a!=1", [("NAME", "a"), ("OP", "!="), ("NUMBER", 1)]),
        ("a<1", [("NAME", "a"), ("OP", "<"), ("NUMBER", 1)]),
        ("a > 1", [("NAME", "a"), ("OP", ">"), ("NUMBER", 1)]),
        ("a=1", [("NAME", "a"), ("OP", "="), ("NUMBER", 1)]),
        ("a ~ b", [("NAME", "a"), ("OP", "~"), ("NAME", "b")]),
    ],
    ids=[">=", "<=", "!=", "<", ">", "=", "~"],
)
def test_each_operator_is_one_token(text, expected):
    assert kinds_and_values(text) == expected, (
        "a two-character operator was split: in an alternation the first alternative that "
        "matches wins, so list '>=' before '>' (and '<=' before '<')"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("500", 500), ("2.5", 2.5), ("10.25", 10.25)],
    ids=["zero", "int", "float", "float-two-decimals"],
)
def test_numbers_become_ints_or_floats(text, value):
    [token] = tokenize(text)

    assert token == Token("NUMBER", value, 0)
    assert type(token.value) is type(value)


def test_a_dot_without_digits_after_it_is_not_part_of_the_number():
    rejects("5.", "unexpected '.' at 1")


def test_only_ascii_digits_make_numbers():
    rejects("n = ٣", "unexpected '٣' at 4")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and", [("KEYWORD", "and")]),
        ("AND Or nOt", [("KEYWORD", "and"), ("KEYWORD", "or"), ("KEYWORD", "not")]),
        ("order", [("NAME", "order")]),
        ("not_found", [("NAME", "not_found")]),
        ("android", [("NAME", "android")]),
        ("or2", [("NAME", "or2")]),
        ("not(a)", [("KEYWORD", "not"), ("LPAREN", "("), ("NAME", "a"), ("RPAREN", ")")]),
    ],
    ids=["keyword", "any-case", "order-is-a-name", "not_found-is-a-name", "android-is-a-name",
         "or2-is-a-name", "keyword-before-paren"],
)
def test_keywords_are_whole_words_in_any_case(text, expected):
    assert kinds_and_values(text) == expected, (
        "a keyword is a WHOLE word: 'order' must not become 'or' + 'der' (end the keyword "
        "with \\b); keywords match in any case and their value is lower-cased"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('""', ""),
        ('"/api/v1"', "/api/v1"),
        (r'"say \"hi\""', 'say "hi"'),
        (r'"C:\\temp"', "C:\\temp"),
        ('"a and b = 1"', "a and b = 1"),
        ('"naïve ☕"', "naïve ☕"),
    ],
    ids=["empty", "plain", "escaped-quotes", "escaped-backslash", "operators-inside", "unicode"],
)
def test_strings_lose_their_quotes_and_escapes(text, value):
    assert tokenize(text) == [Token("STRING", value, 0)]


def test_each_string_ends_at_its_own_closing_quote():
    assert kinds_and_values('"a" = "b"') == [("STRING", "a"), ("OP", "="), ("STRING", "b")], (
        "one STRING swallowed everything from the first quote to the last: `\".*\"` is "
        "greedy; a string's body is `(?:[^\"\\\\]|\\\\.)*`"
    )


def test_an_escaped_backslash_before_the_closing_quote_ends_the_string():
    assert kinds_and_values(r'"dir\\" = x') == [("STRING", "dir\\"), ("OP", "="), ("NAME", "x")]


def test_whitespace_of_any_kind_is_skipped_and_positions_still_count_it():
    assert tokenize(" \t(a)\n") == [
        Token("LPAREN", "(", 2),
        Token("NAME", "a", 3),
        Token("RPAREN", ")", 4),
    ]


def test_an_empty_or_blank_query_has_no_tokens():
    assert tokenize("") == []
    assert tokenize("   ") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a & b", "unexpected '&' at 2"),
        ("a=1;", "unexpected ';' at 3"),
        ("café = 1", "unexpected 'é' at 3"),
        ("!x", "unexpected '!' at 0"),
        ('x = "open', "unterminated string at 4"),
        (r'"a\"', "unterminated string at 0"),
        ('"a" "b', "unterminated string at 4"),
    ],
    ids=["ampersand", "semicolon-at-the-end", "non-ascii-letter", "lone-bang",
         "unterminated", "escaped-closing-quote", "second-string-unterminated"],
)
def test_anything_else_is_an_error_with_its_position(text, message):
    rejects(text, message)


def test_tokenize_error_is_a_value_error():
    assert issubclass(TokenizeError, ValueError)
    with pytest.raises(ValueError):
        tokenize("#")
