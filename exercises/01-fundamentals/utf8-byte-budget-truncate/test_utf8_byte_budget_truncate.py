import pytest

from utf8_byte_budget_truncate import decode_upload, truncate_utf8, utf8_length


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("hello", 5), ("café", 5), ("€5", 4), ("👍", 4), ("日本語", 9)],
    ids=["empty", "ascii", "two-byte-e-acute", "three-byte-euro", "four-byte-emoji", "japanese"],
)
def test_utf8_length_counts_bytes_not_characters(text, expected):
    assert utf8_length(text) == expected, (
        f"{text!r} has {len(text)} characters but takes {expected} bytes in UTF-8"
    )


@pytest.mark.parametrize(
    ("text", "max_bytes", "expected"),
    [
        ("hello", 10, "hello"),
        ("hello", 5, "hello"),
        ("hello", 3, "hel"),
        ("Grüße!", 4, "Grü"),
        ("Grüße!", 3, "Gr"),
        ("Grüße!", 6, "Grüß"),
        ("👍👍", 7, "👍"),
        ("👍👍", 3, ""),
        ("日本語", 8, "日本"),
        ("anything", 0, ""),
        ("", 5, ""),
    ],
    ids=[
        "fits", "fits-exactly", "ascii-cut", "cut-before-a-two-byte-letter", "cut-inside-u-umlaut",
        "two-byte-letter-fits-exactly", "cut-inside-second-emoji", "emoji-does-not-fit-at-all",
        "cut-inside-third-kanji", "zero-bytes", "empty-text",
    ],
)
def test_truncate_keeps_the_longest_start_that_fits(text, max_bytes, expected):
    result = truncate_utf8(text, max_bytes)

    assert result == expected, (
        f"truncate_utf8({text!r}, {max_bytes}) should be {expected!r}: count UTF-8 bytes, and "
        "never cut a character in half"
    )
    assert len(result.encode("utf-8")) <= max_bytes


def test_truncate_never_returns_a_replacement_character():
    assert "\ufffd" not in truncate_utf8("naïve café", 3), (
        "a half character must be dropped, not turned into '\\ufffd' (errors='replace')"
    )


def test_truncate_keeps_a_long_text_up_to_the_limit():
    text = "é" * 10_000

    assert truncate_utf8(text, 4_001) == "é" * 2_000


@pytest.mark.parametrize("max_bytes", [-1, -100])
def test_truncate_refuses_a_negative_budget(max_bytes):
    with pytest.raises(ValueError, match=f"^max_bytes must be >= 0, got {max_bytes}$"):
        truncate_utf8("hello", max_bytes)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hello", "hello"),
        ("Grüße, 👍".encode("utf-8"), "Grüße, 👍"),
        (b"\xef\xbb\xbfname,email", "name,email"),
        (b"", ""),
        (b"\xef\xbb\xbf", ""),
        ("a\ufeffb".encode("utf-8"), "a\ufeffb"),
    ],
    ids=["ascii", "non-ascii", "bom-dropped", "empty", "only-a-bom", "bom-in-the-middle-is-kept"],
)
def test_decode_upload_returns_the_text(data, expected):
    result = decode_upload(data)

    assert isinstance(result, str), "decode the bytes with .decode(...); str(data) gives \"b'...'\""
    assert result == expected


@pytest.mark.parametrize(
    ("data", "position"),
    [(b"ab\xff", 2), (b"\xe9t\xe9", 0), ("café".encode("utf-8")[:4], 3), (b"\xef\xbb\xbfok\x80", 5)],
    ids=["invalid-byte", "latin-1-text", "cut-off-character", "position-counts-the-bom"],
)
def test_decode_upload_refuses_bytes_that_are_not_utf8(data, position):
    with pytest.raises(ValueError, match=f"^not valid UTF-8 at byte {position}$") as excinfo:
        decode_upload(data)

    assert isinstance(excinfo.value.__cause__, UnicodeDecodeError), (
        "raise the ValueError `from` the UnicodeDecodeError so the cause is kept"
    )
