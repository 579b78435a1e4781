import pytest

from memoize_cache_info import CacheInfo, memoize


@pytest.fixture
def counted():
    """A memoized function plus the list of arguments it was really called with."""
    real_calls = []

    @memoize
    def shout(word: str, times: int = 1) -> str:
        """Return the word in capitals, repeated."""
        real_calls.append((word, times))
        return word.upper() * times

    return shout, real_calls


def test_memoize_runs_the_function_once_per_distinct_argument(counted):
    shout, real_calls = counted

    assert [shout("hi"), shout("hi"), shout("yo"), shout("hi")] == ["HI", "HI", "YO", "HI"]
    assert real_calls == [("hi", 1), ("yo", 1)], "repeated calls should come from the cache"


def test_cache_info_counts_hits_misses_and_size(counted):
    shout, _ = counted
    assert shout.cache_info() == CacheInfo(hits=0, misses=0, size=0)

    shout("a")
    shout("a")
    shout("b")
    shout("a")

    assert shout.cache_info() == CacheInfo(hits=2, misses=2, size=2)


def test_keyword_argument_order_does_not_matter(counted):
    shout, real_calls = counted

    assert shout(word="ça", times=2) == "ÇAÇA"
    assert shout(times=2, word="ça") == "ÇAÇA"
    assert len(real_calls) == 1, "f(a=1, b=2) and f(b=2, a=1) are the same call"


def test_calls_that_differ_only_in_a_keyword_value_are_different_entries(counted):
    shout, real_calls = counted

    assert [shout("hi"), shout("hi", times=2), shout("hi", times=3)] == ["HI", "HIHI", "HIHIHI"], (
        "the key must hold the keyword arguments' values too, not only their names"
    )
    assert shout.cache_info() == CacheInfo(hits=0, misses=3, size=3)


def test_swapping_the_values_of_two_keyword_arguments_is_a_different_call():
    @memoize
    def minus(x, y):
        return x - y

    assert minus(x=1, y=2) == -1
    assert minus(y=1, x=2) == 1, "x=2, y=1 is not x=1, y=2: key the keyword values by their names"


def test_arguments_of_different_shapes_never_share_a_key():
    @memoize
    def echo(*args, **kwargs):
        return args, kwargs

    calls = [((1, 2), {}), (((1, 2),), {}), ((("times", 2),), {}), ((), {"times": 2}), (("times", 2), {})]
    results = [echo(*args, **kwargs) for args, kwargs in calls]

    assert results == calls, (
        "two different calls got the same cached result: f(1, 2) and f((1, 2)), or f(('times', 2)) and "
        "f(times=2), must not build the same key. Keep positional and keyword arguments apart, "
        "e.g. key = (args, tuple(sorted(kwargs.items())))"
    )
    assert echo.cache_info().misses == len(calls)


def test_cache_clear_empties_the_cache_and_resets_the_counters(counted):
    shout, real_calls = counted
    shout("x")
    shout("x")

    shout.cache_clear()

    assert shout.cache_info() == CacheInfo(hits=0, misses=0, size=0), (
        "cache_clear() must empty the cache AND reset hits and misses to 0"
    )
    shout("x")
    assert len(real_calls) == 2, "after cache_clear() the function must run again"


@pytest.mark.parametrize("falsy", [None, 0, "", []], ids=["None", "zero", "empty-string", "empty-list"])
def test_falsy_results_are_cached_too(falsy):
    calls = []

    @memoize
    def lookup(key: str):
        calls.append(key)
        return falsy

    lookup("k")
    lookup("k")

    assert len(calls) == 1, f"a result of {falsy!r} must be cached like any other (check `key in cache`)"


def test_errors_are_not_cached():
    calls = []

    @memoize
    def parse(text: str) -> int:
        calls.append(text)
        return int(text)

    for _ in range(2):
        with pytest.raises(ValueError, match="invalid literal"):
            parse("oops")

    assert len(calls) == 2, "a call that raised must not be stored in the cache"
    assert parse.cache_info().size == 0


def test_unhashable_arguments_raise_type_error(counted):
    shout, _ = counted

    with pytest.raises(TypeError, match="unhashable"):
        shout(["not", "hashable"])


def test_recursive_calls_go_through_the_cache():
    real_calls = []

    @memoize
    def fib(n: int) -> int:
        real_calls.append(n)
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    assert fib(25) == 75025
    assert len(real_calls) == 26, (
        f"fib(25) should really run once for each n from 0 to 25, it ran {len(real_calls)} times"
    )
    assert fib.cache_info().misses == 26


def test_each_decorated_function_has_its_own_cache():
    @memoize
    def double(n: int) -> int:
        return 2 * n

    @memoize
    def triple(n: int) -> int:
        return 3 * n

    assert (double(5), triple(5), double(5)) == (10, 15, 10)
    assert double.cache_info() == CacheInfo(hits=1, misses=1, size=1), "each function counts its own hits and misses"
    assert triple.cache_info() == CacheInfo(hits=0, misses=1, size=1), "each function counts its own hits and misses"
    triple.cache_clear()
    assert double(5) == 10 and double.cache_info() == CacheInfo(hits=2, misses=1, size=1), (
        "clearing triple's cache must not touch double's"
    )


def test_memoize_keeps_the_name_and_docstring(counted):
    shout, _ = counted

    assert shout.__name__ == "shout", "use functools.wraps on the wrapper"
    assert shout.__doc__ == "Return the word in capitals, repeated."
