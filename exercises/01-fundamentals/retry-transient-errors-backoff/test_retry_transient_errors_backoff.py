import pytest

from retry_transient_errors_backoff import RetryError, call_with_retries


class Flaky:
    """A callable that raises the given errors in turn, then returns `result`."""

    def __init__(self, *errors, result="done"):
        self.errors = list(errors)
        self.result = result
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return self.result


@pytest.fixture
def sleeps():
    return []


def test_a_call_that_works_returns_at_once_without_sleeping(sleeps):
    func = Flaky(result={"ok": True})

    assert call_with_retries(func, sleep=sleeps.append) == {"ok": True}
    assert (func.calls, sleeps) == (1, [])


def test_transient_errors_are_retried_with_doubling_pauses(sleeps):
    func = Flaky(ConnectionError("reset"), TimeoutError("slow"), result=42)

    assert call_with_retries(func, sleep=sleeps.append) == 42
    assert func.calls == 3
    assert sleeps == [0.5, 1.0], "pause base_delay, then twice as long, before each new attempt"


def test_base_delay_and_attempts_can_be_chosen(sleeps):
    func = Flaky(*[ConnectionError()] * 4, result="finally")

    assert call_with_retries(func, attempts=5, base_delay=0.1, sleep=sleeps.append) == "finally"
    assert sleeps == pytest.approx([0.1, 0.2, 0.4, 0.8])


@pytest.mark.parametrize("result", [None, 0, "", [], False], ids=["none", "zero", "empty-str", "empty-list", "false"])
def test_a_falsy_result_is_still_a_result(sleeps, result):
    func = Flaky(result=result)

    assert call_with_retries(func, sleep=sleeps.append) == result
    assert func.calls == 1, "func returned, so it succeeded: do not judge a result by its truthiness"


def test_giving_up_raises_retry_error_from_the_last_error(sleeps):
    last = ConnectionError("reset")
    func = Flaky(TimeoutError("slow"), ConnectionError("refused"), last)

    with pytest.raises(RetryError) as excinfo:
        call_with_retries(func, sleep=sleeps.append)

    assert str(excinfo.value) == "gave up after 3 attempts: ConnectionError('reset')"
    assert excinfo.value.attempts == 3
    assert excinfo.value.__cause__ is last, "raise RetryError(...) from the LAST error"
    assert func.calls == 3, "exactly `attempts` calls, not one more or less"
    assert sleeps == [0.5, 1.0], "no pause after the last attempt: nothing follows it"


def test_a_single_attempt_never_sleeps(sleeps):
    func = Flaky(ConnectionError("down"))

    with pytest.raises(RetryError, match=r"^gave up after 1 attempts: ConnectionError\('down'\)$"):
        call_with_retries(func, attempts=1, sleep=sleeps.append)

    assert (func.calls, sleeps) == (1, [])


def test_subclasses_of_the_retry_classes_are_retried(sleeps):
    func = Flaky(ConnectionResetError(), BrokenPipeError(), result="ok")

    assert call_with_retries(func, sleep=sleeps.append) == "ok", (
        "ConnectionResetError and BrokenPipeError are ConnectionErrors: `except retry_on` catches them"
    )


@pytest.mark.parametrize(
    "error",
    [ValueError("bad input"), KeyError("id"), RuntimeError("bug"), KeyboardInterrupt()],
    ids=["value-error", "key-error", "runtime-error", "ctrl-c"],
)
def test_other_errors_propagate_at_once_unchanged(sleeps, error):
    func = Flaky(error, result="never")

    try:
        result = call_with_retries(func, sleep=sleeps.append)
    except type(error) as caught:
        assert caught is error, "let the original exception through, unchanged"
    else:
        pytest.fail(f"{type(error).__name__} was retried and the call returned {result!r}: "
                    "catch only the classes in retry_on, never Exception or everything")
    assert (func.calls, sleeps) == (1, []), (
        f"{type(error).__name__} is not transient: retrying it only repeats the failure "
        "(catch `retry_on`, never Exception or everything)"
    )


def test_a_transient_error_then_a_bug_stops_at_the_bug(sleeps):
    bug = ValueError("bug")
    func = Flaky(TimeoutError(), bug, result="never")

    with pytest.raises(ValueError) as excinfo:
        call_with_retries(func, sleep=sleeps.append)

    assert excinfo.value is bug
    assert (func.calls, sleeps) == (2, [0.5])


@pytest.mark.parametrize("attempts", [0, -1])
def test_attempts_below_one_are_refused(sleeps, attempts):
    func = Flaky()

    with pytest.raises(ValueError, match=f"^attempts must be at least 1, got {attempts}$"):
        call_with_retries(func, attempts=attempts, sleep=sleeps.append)

    assert func.calls == 0


def test_retry_on_can_be_changed(sleeps):
    func = Flaky(KeyError("cache miss"), result="ok")

    assert call_with_retries(func, retry_on=(KeyError,), sleep=sleeps.append) == "ok"

    func = Flaky(ConnectionError(), result="ok")
    with pytest.raises(ConnectionError):
        call_with_retries(func, retry_on=(KeyError,), sleep=sleeps.append)
    assert func.calls == 1, "only the classes in retry_on are retried"
