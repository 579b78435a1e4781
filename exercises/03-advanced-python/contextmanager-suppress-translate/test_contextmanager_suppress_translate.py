import pytest

from contextmanager_suppress_translate import Outcome, suppressing, timed, translating


class StorageError(Exception):
    pass


@pytest.fixture
def clock():
    """A fake clock: each call returns the next reading."""
    readings = iter([10.0, 10.25, 99.0, 99.0])
    return lambda: next(readings)


def test_suppressing_swallows_a_listed_error_and_records_it():
    with suppressing(KeyError) as outcome:
        {}["missing"]
        raise AssertionError("not reached")

    assert isinstance(outcome, Outcome)
    assert isinstance(outcome.error, KeyError) and outcome.error.args == ("missing",)


def test_suppressing_records_nothing_when_the_block_succeeds():
    steps = []
    with suppressing(ValueError) as outcome:
        steps.append("ran")

    assert steps == ["ran"]
    assert outcome.error is None


@pytest.mark.parametrize(
    "types, error",
    [((LookupError,), IndexError("i")), ((ValueError, OSError), FileNotFoundError("f"))],
    ids=["subclass-of-the-one-type", "subclass-of-the-second-type"],
)
def test_suppressing_accepts_subclasses_of_any_listed_type(types, error):
    with suppressing(*types) as outcome:
        raise error
    assert outcome.error is error


@pytest.mark.parametrize(
    "error", [TypeError("t"), KeyboardInterrupt()], ids=["other-exception", "keyboard-interrupt"]
)
def test_suppressing_lets_every_other_exception_through(error):
    with pytest.raises(type(error)) as info:
        with suppressing(ValueError) as outcome:
            raise error

    assert info.value is error, "an exception that is not listed must propagate unchanged"
    assert outcome.error is None, "record only what you swallowed"


def test_suppressing_with_no_types_suppresses_nothing():
    with pytest.raises(ValueError):
        with suppressing():
            raise ValueError("kept")


def test_timed_logs_the_duration_of_a_successful_block(clock):
    log = []
    with timed("load", clock, log) as value:
        pass

    assert value is None
    assert log == ["load: 0.250s"]


def test_timed_logs_a_failed_block_and_re_raises_the_same_exception(clock):
    log = []
    error = RuntimeError("boom")

    with pytest.raises(RuntimeError) as info:
        with timed("save", clock, log):
            raise error

    assert info.value is error, "timed() must never swallow or replace the exception"
    assert log == ["save: failed after 0.250s"], (
        "code after `yield` does not run when the block raises: catch it (or use finally) to log, then raise"
    )


def test_timed_does_not_swallow_keyboard_interrupt(clock):
    log = []
    with pytest.raises(KeyboardInterrupt):
        with timed("wait", clock, log):
            raise KeyboardInterrupt

    assert log == ["wait: failed after 0.250s"], "log it too: catch BaseException, log, then `raise`"


def test_timed_reads_the_clock_twice_per_block():
    readings = [1.0, 3.5]
    log = []
    with timed("x", lambda: readings.pop(0), log):
        pass
    assert readings == [] and log == ["x: 2.500s"]


def test_translating_chains_the_original_error():
    original = FileNotFoundError(2, "No such file")

    with pytest.raises(StorageError, match=r"^cannot save report: \[Errno 2\] No such file$") as info:
        with translating(OSError, StorageError, "cannot save report"):
            raise original

    assert info.value.__cause__ is original, "use `raise into(...) from exc` so the original stays in __cause__"


def test_translating_accepts_a_tuple_of_types():
    with pytest.raises(StorageError, match="parse: bad"):
        with translating((KeyError, ValueError), StorageError, "parse"):
            raise ValueError("bad")


def test_translating_leaves_other_errors_alone():
    original = TypeError("wrong type")
    with pytest.raises(TypeError) as info:
        with translating(OSError, StorageError, "x"):
            raise original
    assert info.value is original


def test_translating_does_not_wrap_an_error_that_is_already_translated():
    class AppError(Exception):
        pass

    class ConfigError(AppError, ValueError):
        pass

    inner = ConfigError("bad port")
    with pytest.raises(ConfigError) as info:
        with translating(ValueError, AppError, "config"):
            raise inner

    assert info.value is inner, (
        "ConfigError already is an AppError: re-raise it as it is instead of wrapping it a second time"
    )


def test_translating_runs_a_quiet_block_normally():
    with translating(OSError, StorageError, "x") as value:
        result = 2 + 2
    assert value is None and result == 4
