"""Property-based testing with Hypothesis: YOU write the tests for run-length encoding.

runlength.py (next to this file) holds rle_encode and rle_decode; their
docstrings are the specification. An example-based test checks a few inputs
you thought of. A PROPERTY-based test states what must hold for EVERY input
and lets Hypothesis invent hundreds of them:

    @given(st.text())
    def test_something_always_holds(text):
        assert property_of(text)

Your suite is graded by mutation testing, like a team would judge it:
- every test must pass against the real runlength.py;
- then it runs against broken copies of rle_encode/rle_decode, each breaking
  one promise of the docstrings: the round trip, maximal runs, counts of at
  least 1, and decode's errors. For every broken copy, at least one of your
  tests must fail. You are told how many copies of each kind got past your
  tests, not what their bugs are;
- the suite holds at least 4 tests, at least 3 of them property tests
  (decorated with @given).

Choose strategies that reach the interesting cases. `st.text()` draws from
all of Unicode, so two neighbouring equal letters, or "a" next to "A", or a run
of twelve, are rare. Build such texts on purpose, e.g. from runs:

    runs = st.lists(st.tuples(st.sampled_from("aAb"), st.integers(1, 12)))
    texts = runs.map(lambda rs: "".join(char * count for char, count in rs))

For errors: `with pytest.raises(ValueError): rle_decode([(char, count)])`
inside a @given test, with strategies for the bad values (st.integers(max_value=0),
st.text().filter(lambda s: len(s) != 1)).

Keep the import lines below as they are: the grader swaps rle_encode and
rle_decode in this module for each broken copy. No fixtures are needed.

`pyroad run 2-hypothesis-runlength-properties` grades your suite. To run only
your own tests, use the Python pyroad uses for this workspace (`pyroad doctor`
prints its path), e.g. from the workspace folder when pyroad made its own venv:

    .pyroad/venv/bin/python -m pytest exercises/02-intermediate-python/hypothesis-runlength-properties/hypothesis_runlength_properties.py
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlength import rle_decode, rle_encode


def test_encodes_a_simple_text() -> None:
    assert rle_encode("aaabcc") == [("a", 3), ("b", 1), ("c", 2)]


@given(st.text())
def test_decoding_an_encoding_gives_the_text_back(text: str) -> None:
    # TODO: the round trip. Is st.text() enough to catch an encoder that, say,
    #       ignores case when it groups a run? Use a better strategy.
    raise NotImplementedError


# TODO: a property test for maximal runs and counts of at least 1.
# TODO: property tests for decode's two errors.
