"""Sliding window: longest substring without repeats (reference solution)."""


def longest_unique_substring(text: str) -> str:
    """Return the leftmost longest substring with no repeated character."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    last_seen: dict[str, int] = {}
    start = best_start = best_len = 0
    for end, char in enumerate(text):
        if last_seen.get(char, -1) >= start:
            start = last_seen[char] + 1
        last_seen[char] = end
        if end + 1 - start > best_len:
            best_start, best_len = start, end + 1 - start
    return text[best_start:best_start + best_len]
