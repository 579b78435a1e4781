"""Property-based testing with Hypothesis: YOU write the tests for run-length encoding."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlength import rle_decode, rle_encode

# Texts made of runs of a few look-alike characters, so that long runs, "a" next
# to "A", and runs of one character split in two are all likely.
runs = st.lists(st.tuples(st.sampled_from("aAb"), st.integers(1, 12)))
texts = runs.map(lambda rs: "".join(char * count for char, count in rs))


def test_encodes_a_simple_text() -> None:
    assert rle_encode("aaabcc") == [("a", 3), ("b", 1), ("c", 2)]


@given(texts)
def test_decoding_an_encoding_gives_the_text_back(text: str) -> None:
    assert rle_decode(rle_encode(text)) == text


@given(texts)
def test_runs_are_maximal_and_counts_at_least_one(text: str) -> None:
    pairs = rle_encode(text)
    assert all(count >= 1 for _, count in pairs)
    assert all(left != right for (left, _), (right, _) in zip(pairs, pairs[1:]))


@given(st.characters(), st.integers(max_value=0))
def test_decode_rejects_a_count_below_one(char: str, count: int) -> None:
    with pytest.raises(ValueError):
        rle_decode([(char, count)])


@given(st.text().filter(lambda chars: len(chars) != 1), st.integers(1, 5))
def test_decode_rejects_anything_but_one_character(chars: str, count: int) -> None:
    with pytest.raises(ValueError):
        rle_decode([(chars, count)])
