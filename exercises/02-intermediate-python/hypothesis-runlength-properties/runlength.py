"""Run-length encoding (complete and correct: this is the code you write tests for)."""


def rle_encode(text: str) -> list[tuple[str, int]]:
    """Encode each run of one repeated character as (character, run length).

        rle_encode("aaabcc")  ->  [("a", 3), ("b", 1), ("c", 2)]
        rle_encode("")        ->  []

    Promises, for every text:
    - decoding gives the text back: rle_decode(rle_encode(text)) == text;
    - runs are maximal: two neighbouring pairs never have the same character
      (characters are compared exactly: "a" and "A" are different);
    - every count is at least 1 (so the empty text has no pairs at all).
    """
    pairs: list[tuple[str, int]] = []
    for char in text:
        if pairs and pairs[-1][0] == char:
            pairs[-1] = (char, pairs[-1][1] + 1)
        else:
            pairs.append((char, 1))
    return pairs


def rle_decode(pairs: list[tuple[str, int]]) -> str:
    """Join `character * count` for every pair, in order.

    Raises ValueError when a character is not exactly one character long
    ("" or "ab"), or when a count is below 1.
    """
    parts = []
    for char, count in pairs:
        if len(char) != 1:
            raise ValueError(f"not one character: {char!r}")
        if count < 1:
            raise ValueError(f"count must be at least 1, got {count}")
        parts.append(char * count)
    return "".join(parts)
