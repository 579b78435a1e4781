"""Tokenize text with one regular expression, build n-grams, normalise Unicode."""
import re
import unicodedata

TOKEN_RE = re.compile(
    r"""
    https?://\S*[^\s.,!?;:]   # a URL, without the punctuation that ends the sentence
    | \d+\.\d+                # a decimal number
    | \w+(?:['’]\w+)*         # a word, with inner apostrophes (don't, O'Neil)
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return list(zip(*(tokens[i:] for i in range(n))))


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()
