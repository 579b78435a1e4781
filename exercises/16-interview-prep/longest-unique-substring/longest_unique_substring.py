"""Sliding window: longest substring without repeats.

Return the longest run of consecutive characters in `text` in which no
character appears twice. If several are equally long, return the one that
starts first (leftmost). An empty text gives "".

Example:
    >>> longest_unique_substring("abcabcbb")
    'abc'
    >>> longest_unique_substring("pwwkew")
    'wke'

Characters are compared exactly ('a' and 'A' differ; emoji count as one).
Anything that is not a str raises TypeError("expected a str, got bytes").
The tests include a 100 000 character text, so aim for one pass: O(n).
"""


def longest_unique_substring(text: str) -> str:
    """Return the leftmost longest substring with no repeated character."""
    # TODO: check the type, then slide a window over the text
    raise NotImplementedError
