import pytest

from closure_sliding_window_limiter import make_range_checks, make_rate_limiter


class FakeClock:
    """A clock the test moves by hand: `clock.now = 12.5`."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


def calls_at(allow, clock, times):
    answers = []
    for t in times:
        clock.now = t
        answers.append(allow())
    return answers


# ---------------------------------------------------------------- make_rate_limiter


@pytest.mark.parametrize("limit", [1, 3], ids=["limit-one", "limit-three"])
def test_allows_limit_calls_in_a_window_then_refuses(clock, limit):
    allow, refused = make_rate_limiter(limit, window=10, clock=clock)

    answers = [allow() for _ in range(limit + 2)]

    assert answers == [True] * limit + [False, False]
    assert refused() == 2


def test_a_call_exactly_window_seconds_old_no_longer_counts(clock):
    allow, _ = make_rate_limiter(1, window=10, clock=clock)

    assert calls_at(allow, clock, [0, 9.999, 10]) == [True, False, True], (
        "a call made at t=0 counts while now - t < window: at 9.999 it still does, at 10 it no "
        "longer does"
    )


def test_the_window_slides_with_each_call_instead_of_resetting(clock):
    allow, _ = make_rate_limiter(2, window=10, clock=clock)

    assert calls_at(allow, clock, [0, 9, 10, 11]) == [True, True, True, False], (
        "at t=11 the calls of t=9 and t=10 are both within the last 10 s: a window that "
        "restarts every 10 s (a fixed window) wrongly allows it"
    )


def test_a_refused_call_does_not_use_up_the_budget(clock):
    allow, _ = make_rate_limiter(1, window=10, clock=clock)

    assert calls_at(allow, clock, [0, 5, 10]) == [True, False, True], (
        "the call refused at t=5 was recorded as if it had been allowed: record only allowed calls"
    )


def test_the_clock_is_read_at_each_call_not_when_the_limiter_is_made(clock):
    clock.now = 100
    allow, _ = make_rate_limiter(1, window=10, clock=clock)

    assert calls_at(allow, clock, [200, 205, 210]) == [True, False, True]


def test_refused_counts_every_refusal(clock):
    allow, refused = make_rate_limiter(2, window=10, clock=clock)

    assert refused() == 0
    calls_at(allow, clock, [0, 1, 2, 3, 12, 13, 14])

    assert refused() == 3, "refused at t=2, t=3 and t=14: three refusals"


def test_each_limiter_has_its_own_calls_and_its_own_refusals(clock):
    allow_a, refused_a = make_rate_limiter(1, window=10, clock=clock)
    allow_b, refused_b = make_rate_limiter(1, window=10, clock=clock)

    assert (allow_a(), allow_a(), allow_a()) == (True, False, False)
    assert allow_b() is True, (
        "limiter b was refused because of limiter a's calls: keep the state inside the factory, "
        "not at module level"
    )
    assert (refused_a(), refused_b()) == (2, 0), "each limiter counts its own refusals"


def test_the_default_clock_is_the_monotonic_clock():
    allow, refused = make_rate_limiter(1, window=3600)

    assert (allow(), allow()) == (True, False)
    assert refused() == 1


@pytest.mark.parametrize(
    ("limit", "window", "message"),
    [
        (0, 10, "limit must be at least 1"),
        (-2, 10, "limit must be at least 1"),
        (1, 0, "window must be positive"),
        (1, -1.5, "window must be positive"),
    ],
    ids=["limit-zero", "limit-negative", "window-zero", "window-negative"],
)
def test_rejects_a_limit_below_one_or_a_window_not_above_zero(clock, limit, window, message):
    with pytest.raises(ValueError, match=message):
        make_rate_limiter(limit, window, clock=clock)


def test_a_small_positive_window_is_accepted(clock):
    allow, _ = make_rate_limiter(1, window=0.5, clock=clock)

    assert calls_at(allow, clock, [0, 0.4, 0.5]) == [True, False, True]


# ---------------------------------------------------------------- make_range_checks


def test_each_checker_uses_its_own_range():
    checks = make_range_checks({"age": (0, 130), "percent": (0, 100), "temp": (-40, 60)})

    results = {name: check(120) for name, check in checks.items()}

    assert results == {"age": True, "percent": False, "temp": False}, (
        "the checkers share one range: a closure made in a loop looks the loop variable up "
        "when it is CALLED; bind each checker's own low and high when it is made"
    )
    assert checks["temp"](-40) is True
    assert checks["age"](-40) is False


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-1, False), (0, True), (50, True), (100, True), (100.5, False)],
    ids=["below", "low-end", "middle", "high-end", "above"],
)
def test_a_checker_includes_both_ends_of_its_range(value, expected):
    checks = make_range_checks({"percent": (0, 100)})

    assert checks["percent"](value) is expected


def test_changing_the_ranges_afterwards_does_not_change_the_checkers():
    ranges = {"age": (0, 130), "percent": (0, 100)}
    checks = make_range_checks(ranges)

    ranges["age"] = (0, 10)
    del ranges["percent"]

    assert checks["age"](120) is True, "the checker read the caller's dict again when called"
    assert checks["percent"](50) is True


def test_no_ranges_give_no_checkers():
    assert make_range_checks({}) == {}
