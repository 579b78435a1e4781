import sys

import pytest

from settrace_call_recorder import record_calls


def add(a, b):
    return a + b


def total(xs):
    s = 0
    for x in xs:
        s = add(s, x)
    return s


def risky(n):
    if n < 0:
        raise ValueError("negative")
    return n


def safe(n):
    try:
        return risky(n)
    except ValueError:
        return 0


def greet(name, *, punctuation="!"):
    return f"hello {name}{punctuation}"


def leaf():
    return None


def level2():
    return leaf()


def level1():
    return level2()


@pytest.fixture
def keep_tracer():
    """Put back whatever tracer (coverage, a debugger) was running before the test."""
    original = sys.gettrace()
    yield
    sys.settrace(original)


def test_a_call_tree_with_arguments_and_return_values():
    assert record_calls(total, [1, 2]) == (3, [
        "call total(xs=[1, 2])",
        "  call add(a=0, b=1)",
        "  return add -> 1",
        "  call add(a=1, b=2)",
        "  return add -> 3",
        "return total -> 3",
    ])


def test_nesting_adds_two_spaces_per_level():
    assert record_calls(level1)[1] == [
        "call level1()",
        "  call level2()",
        "    call leaf()",
        "    return leaf -> None",
        "  return level2 -> None",
        "return level1 -> None",
    ], "return events need the local tracer: return the tracer itself from every 'call' event"


def test_keyword_only_parameters_and_passed_keywords_are_shown():
    result, lines = record_calls(greet, "Zoë", punctuation="?")
    assert result == "hello Zoë?"
    assert lines == ["call greet(name='Zoë', punctuation='?')", "return greet -> 'hello Zoë?'"]


def test_values_are_abbreviated_with_reprlib():
    data = list(range(100))
    _, lines = record_calls(sum, data)  # a built-in: no Python frame at all
    assert lines == [], "only Python functions create frames; sum() is written in C"

    _, lines = record_calls(total, data)
    assert lines[0] == "call total(xs=[0, 1, 2, 3, 4, 5, ...])", "show values with reprlib.repr, not repr"


def test_an_exception_is_reported_in_each_frame_it_passes():
    assert record_calls(safe, -1) == (0, [
        "call safe(n=-1)",
        "  call risky(n=-1)",
        "  exception in risky: ValueError('negative')",
        "  return risky -> None",
        "exception in safe: ValueError('negative')",
        "return safe -> 0",
    ])


def test_the_previous_tracer_is_restored(keep_tracer):
    def outer_tracer(frame, event, arg):
        return None

    sys.settrace(outer_tracer)
    record_calls(add, 1, 2)
    restored = sys.gettrace()
    sys.settrace(None)

    assert restored is outer_tracer, "put back sys.gettrace() from before, not None: a debugger may be running"


def test_an_exception_from_func_propagates_and_the_tracer_is_still_restored(keep_tracer):
    def outer_tracer(frame, event, arg):
        return None

    sys.settrace(outer_tracer)
    with pytest.raises(ValueError, match="negative"):
        record_calls(risky, -5)
    restored = sys.gettrace()
    sys.settrace(None)

    assert restored is outer_tracer, "restore the tracer in a finally: block"


def test_nothing_is_recorded_after_the_call_returns():
    _, lines = record_calls(add, 2, 3)
    add(4, 5)
    assert lines == ["call add(a=2, b=3)", "return add -> 5"]


def test_each_call_gets_its_own_lines():
    first = record_calls(add, 1, 1)[1]
    second = record_calls(leaf)[1]
    assert first == ["call add(a=1, b=1)", "return add -> 2"]
    assert second == ["call leaf()", "return leaf -> None"], "start every record_calls with an empty list"
