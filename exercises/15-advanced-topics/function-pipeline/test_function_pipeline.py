import pytest

from function_pipeline import odd_squares, pipe, slugify


def test_pipe_applies_functions_from_left_to_right():
    add_one = lambda x: x + 1  # noqa: E731
    double = lambda x: x * 2  # noqa: E731
    assert pipe(add_one, double)(5) == 12, "add_one first (6), then double (12)"
    assert pipe(double, add_one)(5) == 11, "double first (10), then add_one (11)"


def test_pipe_chains_different_types():
    assert pipe(str.strip, str.upper, len)("  abc ") == 3


@pytest.mark.parametrize("value", [0, "text", None, [1, 2]], ids=["int", "str", "none", "list"])
def test_pipe_without_functions_returns_the_input_unchanged(value):
    assert pipe()(value) == value


def test_pipe_with_one_function_is_that_function():
    assert pipe(abs)(-7) == 7


def test_pipe_returns_a_reusable_function():
    shout = pipe(str.upper, lambda s: s + "!")
    assert [shout(word) for word in ["hi", "bye"]] == ["HI!", "BYE!"]


def test_pipe_does_not_mutate_its_input():
    data = [3, 1, 2]
    assert pipe(sorted, tuple)(data) == (1, 2, 3)
    assert data == [3, 1, 2]


def test_pipe_rejects_a_non_callable_when_it_is_built():
    with pytest.raises(TypeError, match="must be callable"):
        pipe(str.strip, "lower")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("  Hello, World! 2024 ", "hello-world-2024"),
        ("Functional   Programming", "functional-programming"),
        ("--Already-a-slug--", "already-a-slug"),
        ("Python 3.12: what's new?", "python-3-12-what-s-new"),
        ("", ""),
        ("!!!", ""),
        ("snake_case_name", "snake-case-name"),
        ("Café au lait", "caf-au-lait"),
        ("Tabs\tand\nnewlines", "tabs-and-newlines"),
    ],
    ids=["worked-example", "many-spaces", "dashes-at-the-ends", "punctuation", "empty", "only-punctuation",
         "underscores-are-not-allowed", "only-ascii-letters-stay", "other-whitespace"],
)
def test_slugify_makes_url_slugs(title, expected):
    assert slugify(title) == expected, (
        "only a-z and 0-9 may stay: \\w or str.isalnum() would also keep '_' and letters such as 'é'"
    )


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, []), (1, [1]), (5, [1, 9, 25, 49, 81])],
    ids=["none", "one", "five"],
)
def test_odd_squares_returns_the_first_n(n, expected):
    assert odd_squares(n) == expected


@pytest.mark.parametrize("n", [10_000, 300_000])
def test_odd_squares_handles_a_large_n(n):
    result = odd_squares(n)
    assert len(result) == n, (
        f"asked for {n} squares, got {len(result)}: count(1, 2) never runs out, a range with a guessed end does"
    )
    assert result[-1] == (2 * n - 1) ** 2


def test_odd_squares_rejects_a_negative_n():
    with pytest.raises(ValueError, match="must not be negative"):
        odd_squares(-1)
