import pytest

from retry_backoff_jitter_clock import retry


class Flaky:
    """A callable that raises the given errors one by one, then returns 'ok'."""

    def __init__(self, *errors):
        self.errors = list(errors)
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return ("ok", args, kwargs)


@pytest.fixture
def sleeps():
    """A fake sleep that records every delay instead of waiting."""
    recorded = []
    return recorded


def constant(value):
    return lambda: value


def test_success_on_the_first_try_returns_the_value_and_never_sleeps(sleeps):
    flaky = Flaky()
    wrapped = retry(sleep=sleeps.append)(flaky)

    assert wrapped(1, key="v") == ("ok", (1,), {"key": "v"}), "pass every argument through to the function"
    assert flaky.calls == 1
    assert sleeps == [], "no failure, no sleep"


@pytest.mark.parametrize(
    "rand_value, expected",
    [(0.5, [0.5, 1.0, 2.0]), (0.0, [0.45, 0.9, 1.8]), (1.0, [0.55, 1.1, 2.2])],
    ids=["middle-of-the-jitter", "lowest-jitter", "highest-jitter"],
)
def test_delays_grow_exponentially_within_the_jitter_bounds(sleeps, rand_value, expected):
    flaky = Flaky(OSError("1"), OSError("2"), OSError("3"))
    wrapped = retry(attempts=4, base=0.5, factor=2.0, jitter=0.1, sleep=sleeps.append, rand=constant(rand_value))(flaky)

    assert wrapped()[0] == "ok"
    assert flaky.calls == 4
    assert sleeps == pytest.approx(expected), (
        "nominal delays are base, base*factor, base*factor**2...; slept = nominal * (1 - jitter + 2*jitter*rand())"
    )


def test_rand_is_drawn_once_per_sleep(sleeps):
    draws = iter([0.0, 1.0, 0.5])
    wrapped = retry(attempts=4, base=1.0, factor=1.0, jitter=0.5, sleep=sleeps.append, rand=lambda: next(draws))(
        Flaky(OSError(), OSError(), OSError())
    )

    wrapped()

    assert sleeps == pytest.approx([0.5, 1.5, 1.0]), "call rand() exactly once for each sleep, in order"


def test_zero_jitter_sleeps_exactly_the_nominal_delay(sleeps):
    wrapped = retry(attempts=3, base=0.2, factor=3.0, jitter=0.0, sleep=sleeps.append, rand=constant(0.9))(
        Flaky(OSError(), OSError())
    )

    wrapped()

    assert sleeps == pytest.approx([0.2, 0.6])


def test_the_delay_is_capped_at_max_delay(sleeps):
    wrapped = retry(attempts=6, base=1.0, factor=2.0, max_delay=5.0, jitter=0.0, sleep=sleeps.append)(
        Flaky(*[OSError()] * 5)
    )

    wrapped()

    assert sleeps == pytest.approx([1.0, 2.0, 4.0, 5.0, 5.0]), "never wait longer than max_delay"


def test_a_base_above_max_delay_is_capped_from_the_first_sleep(sleeps):
    wrapped = retry(attempts=2, base=9.0, max_delay=3.0, jitter=0.0, sleep=sleeps.append)(Flaky(OSError()))

    wrapped()

    assert sleeps == pytest.approx([3.0]), "the first delay is min(base, max_delay)"


def test_hundreds_of_attempts_do_not_overflow(sleeps):
    wrapped = retry(attempts=1200, base=0.01, factor=2.0, max_delay=1.0, jitter=0.0, sleep=sleeps.append)(
        Flaky(*[OSError()] * 1199)
    )

    assert wrapped()[0] == "ok", "base * factor ** n overflows a float for large n: keep a running, capped delay"
    assert len(sleeps) == 1199
    assert max(sleeps) == pytest.approx(1.0)


def test_the_last_error_is_re_raised_unchanged_without_a_final_sleep(sleeps):
    last = TimeoutError("third")
    flaky = Flaky(TimeoutError("first"), TimeoutError("second"), last)
    wrapped = retry(attempts=3, jitter=0.0, sleep=sleeps.append)(flaky)

    with pytest.raises(TimeoutError, match="third") as info:
        wrapped()

    assert info.value is last, "re-raise the last exception itself, not a new or wrapped one"
    assert flaky.calls == 3
    assert len(sleeps) == 2, "sleep BETWEEN attempts only: waiting after the last failure wastes time"


def test_errors_outside_retry_on_propagate_at_once(sleeps):
    flaky = Flaky(KeyError("boom"), OSError())
    wrapped = retry(attempts=5, retry_on=(OSError,), sleep=sleeps.append)(flaky)

    with pytest.raises(KeyError):
        wrapped()

    assert flaky.calls == 1, "a KeyError is not in retry_on: do not retry it"
    assert sleeps == []


def test_subclasses_of_retry_on_are_retried(sleeps):
    flaky = Flaky(ConnectionResetError(), TimeoutError())
    wrapped = retry(attempts=3, retry_on=(OSError,), jitter=0.0, sleep=sleeps.append)(flaky)

    assert wrapped()[0] == "ok"
    assert flaky.calls == 3


def test_keyboard_interrupt_is_not_retried_by_default(sleeps):
    flaky = Flaky(KeyboardInterrupt())
    wrapped = retry(attempts=3, sleep=sleeps.append)(flaky)

    with pytest.raises(KeyboardInterrupt):
        wrapped()

    assert flaky.calls == 1, "the default retry_on is (Exception,): Ctrl-C must stop the program, not retry"


def test_every_call_starts_again_from_the_first_attempt(sleeps):
    flaky = Flaky(OSError(), OSError(), OSError(), OSError())
    wrapped = retry(attempts=3, base=1.0, factor=2.0, jitter=0.0, sleep=sleeps.append)(flaky)

    with pytest.raises(OSError):
        wrapped()
    assert wrapped()[0] == "ok", "the second call gets its own 3 attempts"

    assert sleeps == pytest.approx([1.0, 2.0, 1.0]), (
        "attempt count and delay must be local to one call, not shared between calls"
    )


def test_wraps_keeps_the_name_doc_and_wrapped_function():
    def fetch_report():
        """Download the report."""

    wrapped = retry()(fetch_report)

    assert wrapped.__name__ == "fetch_report"
    assert wrapped.__doc__ == "Download the report."
    assert wrapped.__wrapped__ is fetch_report, "use functools.wraps(func) on the wrapper"


def test_attempts_one_calls_once_and_never_sleeps(sleeps):
    flaky = Flaky(OSError("only"))

    with pytest.raises(OSError, match="only"):
        retry(attempts=1, sleep=sleeps.append)(flaky)()

    assert flaky.calls == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "settings, match",
    [
        ({"attempts": 0}, "attempts"),
        ({"base": -0.1}, "negative"),
        ({"max_delay": -1.0}, "negative"),
        ({"jitter": -0.01}, "jitter"),
        ({"jitter": 1.01}, "jitter"),
    ],
    ids=["zero-attempts", "negative-base", "negative-max-delay", "jitter-below-0", "jitter-above-1"],
)
def test_bad_settings_fail_when_retry_is_called(settings, match):
    with pytest.raises(ValueError, match=match):
        retry(**settings)


@pytest.mark.parametrize(
    "settings",
    [{"attempts": 1}, {"base": 0.0}, {"max_delay": 0.0}, {"jitter": 0.0}, {"jitter": 1.0}],
    ids=["one-attempt", "zero-base", "zero-max-delay", "no-jitter", "full-jitter"],
)
def test_settings_at_the_limits_are_accepted(settings):
    wrapped = retry(sleep=lambda seconds: None, **settings)(Flaky(OSError()) if settings.get("attempts") != 1 else Flaky())
    assert wrapped()[0] == "ok"


def test_the_defaults_are_three_attempts_from_a_tenth_of_a_second_with_ten_percent_jitter(sleeps):
    flaky = Flaky(OSError(), OSError(), OSError())
    wrapped = retry(sleep=sleeps.append, rand=constant(0.0))(flaky)

    with pytest.raises(OSError):
        wrapped()

    assert flaky.calls == 3, "attempts defaults to 3"
    assert sleeps == pytest.approx([0.09, 0.18]), "base=0.1, factor=2.0, jitter=0.1 by default"


def test_the_default_cap_is_ten_seconds(sleeps):
    wrapped = retry(attempts=10, jitter=0.0, sleep=sleeps.append)(Flaky(*[OSError()] * 9))

    wrapped()

    assert sleeps == pytest.approx([0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10.0, 10.0]), "max_delay defaults to 10.0"
