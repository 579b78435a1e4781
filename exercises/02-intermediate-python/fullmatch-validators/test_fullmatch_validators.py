import pytest

from fullmatch_validators import is_hex_colour, is_username, is_version, parse_version


@pytest.mark.parametrize(
    "text",
    ["ada", "ada_99", "grace_hopper_190", "x_y"],
    ids=["three-letters", "letters-digits-underscore", "sixteen-chars", "underscore-inside"],
)
def test_username_accepts_valid_names(text):
    assert is_username(text) is True, f"{text!r} should be a valid username"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ad",
        "grace_hopper_1906",
        "9ada",
        "_ada",
        "Ada",
        "ada-99",
        "ada lovelace",
        "ada\n",
        " ada",
        "zoë",
        "ada\u0663",
        "ada\u00b2",
    ],
    ids=[
        "empty",
        "too-short",
        "seventeen-chars",
        "starts-with-digit",
        "starts-with-underscore",
        "upper-case",
        "hyphen",
        "space-inside",
        "trailing-newline",
        "leading-space",
        "non-ascii-letter",
        "arabic-indic-digit",
        "superscript-two",
    ],
)
def test_username_rejects_invalid_names(text):
    assert is_username(text) is False, (
        f"{text!r} should be rejected: the WHOLE string must match (re.fullmatch), "
        "and '$' lets a trailing newline through"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#fff", True),
        ("#FFF", True),
        ("#1A2b3C", True),
        ("#000000", True),
        ("#abcd", False),
        ("#abcde", False),
        ("#1a2b3c4", False),
        ("fff", False),
        ("#ggg", False),
        ("#fff\n", False),
        ("#fff;", False),
        ("", False),
        ("#\u0661\u0662\u0663", False),
    ],
    ids=[
        "short-lower",
        "short-upper",
        "long-mixed-case",
        "black",
        "four-digits",
        "five-digits",
        "seven-digits",
        "no-hash",
        "not-hex",
        "trailing-newline",
        "trailing-junk",
        "empty",
        "arabic-indic-digits",
    ],
)
def test_hex_colour(text, expected):
    assert is_hex_colour(text) is expected, f"is_hex_colour({text!r}) should be {expected}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.0.0", True),
        ("1.0.12", True),
        ("2024.10.300", True),
        ("1.02.0", False),
        ("01.0.0", False),
        ("1.0", False),
        ("1.0.0.0", False),
        ("v1.0.0", False),
        ("1.0.0-rc1", False),
        ("1.0.0\n", False),
        ("1..0", False),
        ("", False),
    ],
    ids=[
        "zeros",
        "ordinary",
        "large-numbers",
        "leading-zero-minor",
        "leading-zero-major",
        "two-parts",
        "four-parts",
        "v-prefix",
        "pre-release-suffix",
        "trailing-newline",
        "empty-part",
        "empty",
    ],
)
def test_version(text, expected):
    assert is_version(text) is expected, f"is_version({text!r}) should be {expected}"


def test_version_rejects_non_ascii_digits():
    arabic_indic = "\u0661.\u0662.\u0663"  # "١.٢.٣" -- \d matches these!
    assert is_version(arabic_indic) is False, (
        "'\\d' matches every Unicode digit, such as '\u0661'; use [0-9] for ASCII digits"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3.11.7", (3, 11, 7)), ("0.0.0", (0, 0, 0)), ("2024.10.300", (2024, 10, 300))],
    ids=["python-version", "zeros", "large-numbers"],
)
def test_parse_version_returns_three_ints(text, expected):
    assert parse_version(text) == expected


@pytest.mark.parametrize(
    "text",
    ["1.2", "1.2.3\n", "1.02.3", "one.two.three"],
    ids=["two-parts", "trailing-newline", "leading-zero", "words"],
)
def test_parse_version_rejects_invalid_text(text):
    with pytest.raises(ValueError, match=r"invalid version .*: expected MAJOR\.MINOR\.PATCH"):
        parse_version(text)


def test_parse_version_error_names_the_bad_input():
    with pytest.raises(ValueError, match=r"'1\.2'"):
        parse_version("1.2")
