"""Property-based tests for the run-length codec in hyprle_codec.py."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hyprle_codec import decode, encode

runs = st.lists(st.tuples(st.characters(), st.integers(min_value=1, max_value=1000)), max_size=8)


@given(st.text())
def test_decoding_an_encoding_gives_the_text_back(text):
    assert decode(encode(text)) == text


@given(runs)
def test_texts_made_of_long_runs_survive_the_round_trip(pairs):
    text = decode(pairs)
    assert len(text) == sum(count for _, count in pairs)
    assert decode(encode(text)) == text


@given(st.text())
def test_every_pair_is_one_character_with_a_positive_count(text):
    for char, count in encode(text):
        assert len(char) == 1
        assert count >= 1


@given(runs)
def test_neighbouring_pairs_never_hold_the_same_character(pairs):
    encoded = encode(decode(pairs))
    for (first, _), (second, _) in zip(encoded, encoded[1:]):
        assert first != second


def test_the_empty_text_has_no_pairs():
    assert encode("") == []


@given(st.characters(), st.integers(max_value=0))
def test_a_count_below_one_is_rejected(char, count):
    with pytest.raises(ValueError, match=r"^bad run: "):
        decode([(char, count)])


@given(st.text().filter(lambda text: len(text) != 1), st.integers(min_value=1, max_value=5))
def test_a_character_that_is_not_one_character_is_rejected(char, count):
    with pytest.raises(ValueError, match=r"^bad run: "):
        decode([(char, count)])
