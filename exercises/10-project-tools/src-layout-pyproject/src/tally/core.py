"""The library part of tally. Nothing to do in this file."""

import re
from collections import Counter

WORD = re.compile(r"\w+(?:'\w+)?")


def top_words(text: str, n: int = 3) -> list[tuple[str, int]]:
    """Return the n most common words of text, lower-cased, most common first."""
    return Counter(word.lower() for word in WORD.findall(text)).most_common(n)
