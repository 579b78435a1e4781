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


class Script:
    """A callable that plays its outcomes in order: raises an outcome that is an exception, returns the others."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = 0

    def __call__(self, *args, **kwargs):
        outcome = self.outcomes[self.calls]
        self.calls += 1
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


def test_retry_raises_the_very_error_of_the_last_attempt_not_the_first():
    errors = [ConnectionError("attempt 1"), ConnectionError("attempt 2"), ConnectionError("attempt 3")]
    fetch = retry(times=3, exceptions=(ConnectionError,))(Script(*errors))

    with pytest.raises(ConnectionError) as info:
        fetch()
    assert info.value is errors[-1], (
        f"got {info.value!r}: re-raise the error object of the LAST attempt (a bare `raise`), "
        "not the first one and not a copy, so its message and traceback are the real ones"
    )


def test_each_call_of_the_decorated_function_gets_all_its_attempts():
    script = Script(ConnectionError("1"), ConnectionError("2"), "first", ConnectionError("3"), ConnectionError("4"), "second")
    fetch = retry(times=3, exceptions=(ConnectionError,))(script)

    assert fetch() == "first"
    assert fetch() == "second", (
        "the second call did not get its own 3 attempts: the attempt count must start again at every "
        "call (keep it in the wrapper, not in the decorator where all calls share it)"
    )
    assert script.calls == 6


def test_two_functions_decorated_by_the_same_retry_do_not_share_attempts():
    decorate = retry(times=2, exceptions=(ConnectionError,))
    first = decorate(Script(ConnectionError("a"), "a"))
    second = decorate(Script(ConnectionError("b"), "b"))

    assert (first(), second()) == ("a", "b"), "retry(times=2) used on two functions must give each its own attempts"


@pytest.mark.parametrize("result", [0, None, "", []], ids=["zero", "None", "empty-string", "empty-list"])
def test_a_falsy_result_is_a_success_and_is_returned_at_once(result):
    script = Script(result, "should not be reached")
    fetch = retry(times=3, exceptions=(ConnectionError,))(script)

    assert fetch() == result
    assert script.calls == 1, f"{result!r} came back without an error: that is a success, not a reason to retry"


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


def test_retry_by_default_does_not_retry_a_keyboard_interrupt():
    script = Script(KeyboardInterrupt(), "should not be reached")
    fetch = retry(times=3)(script)

    with pytest.raises(KeyboardInterrupt):
        fetch()
    assert script.calls == 1, "Ctrl+C is not an Exception: the default (Exception,) must let it stop the program at once"


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
