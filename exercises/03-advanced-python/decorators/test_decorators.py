import pytest

from decorators import retry


class Flaky:
    """A callable that raises `error` for its first `failures` calls, then returns "ok"."""

    def __init__(self, failures: int, error: Exception = ConnectionError("flaky network")):
        self.failures = failures
        self.error = error
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return "ok"


@pytest.mark.parametrize(
    ("times", "failures", "expected_calls"),
    [
        (3, 0, 1),
        (3, 1, 2),
        (3, 2, 3),
        (1, 0, 1),
        (10, 9, 10),
    ],
    ids=["works-first-time", "fails-once", "fails-twice", "single-attempt", "succeeds-on-last-of-ten"],
)
def test_retry_returns_the_first_successful_result(times, failures, expected_calls):
    flaky = Flaky(failures)
    fetch = retry(times=times, exceptions=(ConnectionError,))(flaky)

    assert fetch() == "ok"
    assert flaky.calls == expected_calls, (
        f"expected {expected_calls} call(s) to the function, it was called {flaky.calls} time(s)"
    )


def test_retry_raises_the_last_error_when_every_attempt_fails():
    flaky = Flaky(failures=5)
    fetch = retry(times=3, exceptions=(ConnectionError,))(flaky)

    with pytest.raises(ConnectionError, match="flaky network"):
        fetch()
    assert flaky.calls == 3, f"the function should be tried exactly 3 times, not {flaky.calls}"


def test_retry_does_not_retry_errors_that_are_not_listed():
    flaky = Flaky(failures=5, error=KeyError("bad input"))
    fetch = retry(times=3, exceptions=(ConnectionError, TimeoutError))(flaky)

    with pytest.raises(KeyError, match="bad input"):
        fetch()
    assert flaky.calls == 1, "a KeyError is not in `exceptions`, so there must be no second attempt"


def test_retry_catches_subclasses_of_the_listed_exceptions():
    flaky = Flaky(failures=2, error=ConnectionRefusedError("refused"))  # a ConnectionError subclass
    fetch = retry(times=3, exceptions=(ConnectionError,))(flaky)

    assert fetch() == "ok"


def test_retry_by_default_retries_any_exception():
    flaky = Flaky(failures=1, error=ValueError("oops"))
    fetch = retry(times=2)(flaky)

    assert fetch() == "ok"


def test_retry_passes_positional_and_keyword_arguments_through():
    @retry(times=2)
    def greet(name: str, *, punctuation: str = ".") -> str:
        return f"Hello, {name}{punctuation}"

    assert greet("Zoë", punctuation="!") == "Hello, Zoë!"


def test_retry_keeps_the_function_name_and_docstring():
    @retry(times=2)
    def download_report(url: str) -> bytes:
        """Download the daily report."""
        return b""

    assert download_report.__name__ == "download_report", "use functools.wraps on the wrapper"
    assert download_report.__doc__ == "Download the daily report."
    assert hasattr(download_report, "__wrapped__"), "functools.wraps also sets __wrapped__"


@pytest.mark.parametrize("times", [0, -1], ids=["zero", "negative"])
def test_retry_rejects_fewer_than_one_attempt_when_the_decorator_is_created(times):
    with pytest.raises(ValueError, match="times must be at least 1"):
        retry(times=times)
