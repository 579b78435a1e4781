import inspect

import pytest

from closure_counters import make_counter, make_multipliers


@pytest.mark.parametrize(
    ("start", "step", "expected"),
    [
        (0, 1, [1, 2, 3]),
        (10, 5, [15, 20, 25]),
        (0, -2, [-2, -4, -6]),
        (-3, 1, [-2, -1, 0]),
    ],
    ids=["defaults", "start-and-step", "negative-step-counts-down", "negative-start"],
)
def test_make_counter_adds_step_on_every_call(start, step, expected):
    counter = make_counter(start=start, step=step)

    assert [counter(), counter(), counter()] == expected


def test_make_counter_uses_start_zero_and_step_one_by_default():
    counter = make_counter()

    assert counter() == 1


def test_each_counter_keeps_its_own_count():
    first = make_counter()
    second = make_counter(start=100)

    first()
    first()
    assert second() == 101, "the second counter must not see the first counter's calls"
    assert first() == 3, "the first counter must not see the second counter's calls"


def test_make_counter_returns_a_function_that_closes_over_its_count():
    counter = make_counter()

    assert inspect.isfunction(counter), "return the inner function itself, not an object"
    assert counter.__closure__, (
        "the counter should keep its count in make_counter's scope (a closure cell), "
        "updated with `nonlocal`"
    )


def test_make_counter_rejects_a_zero_step():
    with pytest.raises(ValueError, match="step must not be zero"):
        make_counter(step=0)


@pytest.mark.parametrize("n", [1, 3, 10], ids=["one", "three", "ten"])
def test_each_multiplier_uses_its_own_factor(n):
    multipliers = make_multipliers(n)

    assert len(multipliers) == n
    results = [times(7) for times in multipliers]
    assert results == [i * 7 for i in range(n)], (
        "if every result is the same, each lambda looked up `i` only when it was called, "
        "after the loop had finished (late binding)"
    )


def test_multipliers_work_with_negative_arguments():
    triple = make_multipliers(4)[3]

    assert triple(-5) == -15


def test_make_multipliers_of_zero_is_an_empty_list():
    assert make_multipliers(0) == []


def test_make_multipliers_rejects_a_negative_count():
    with pytest.raises(ValueError, match="n must not be negative"):
        make_multipliers(-1)
