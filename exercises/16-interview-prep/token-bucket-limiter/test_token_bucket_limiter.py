import signal
from contextlib import contextmanager

import pytest

from token_bucket_limiter import RateLimiter, TokenBucket


@pytest.fixture
def time_limit():
    """Turn a too-slow solution into a readable failure instead of a hang.

    Usage: `with time_limit(2): ...`. On systems without SIGALRM (Windows)
    the block simply runs without a limit.
    """

    @contextmanager
    def limit(seconds: float):
        if not hasattr(signal, "setitimer"):
            yield
            return

        def too_slow(signum, frame):
            raise TimeoutError(
                f"still running after {seconds} s on a large input, where an efficient "
                "solution needs a fraction of a second: look for a scan of the whole "
                "data (a loop, `in` on a list, list.remove, list.index) repeated inside a loop"
            )

        previous = signal.signal(signal.SIGALRM, too_slow)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return limit


class FakeClock:
    """A clock the test moves by hand: no sleeping, fully deterministic."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def bucket(clock):
    """2 tokens per second, bursts of 3."""
    return TokenBucket(rate=2, capacity=3, clock=clock)


def test_a_new_bucket_is_full_and_allows_a_burst(bucket):
    assert bucket.tokens == 3
    assert [bucket.allow() for _ in range(4)] == [True, True, True, False]
    assert bucket.tokens == 0


def test_tokens_flow_back_at_the_rate(bucket, clock):
    for _ in range(3):
        bucket.allow()
    clock.advance(0.25)
    assert bucket.tokens == 0.5
    assert bucket.allow() is False, "half a token is not enough for a request"
    clock.advance(0.25)
    assert bucket.allow() is True


def test_tokens_never_exceed_the_capacity(bucket, clock):
    bucket.allow()
    clock.advance(3600)
    assert bucket.tokens == 3, "an hour of idling still only fills the bucket"
    assert [bucket.allow() for _ in range(4)] == [True, True, True, False]


def test_time_spent_full_is_not_saved_up(bucket, clock):
    clock.advance(10)  # the bucket was already full: these 10 seconds add nothing
    assert [bucket.allow() for _ in range(4)] == [True, True, True, False], (
        "move `last` to now on every refill, also when the bucket is full: otherwise the 10 idle "
        "seconds are counted again as soon as a token is taken"
    )


def test_a_refused_request_takes_no_tokens(bucket, clock):
    bucket.allow(cost=3)
    clock.advance(0.5)  # 1 token back
    assert bucket.allow(cost=2) is False
    assert bucket.tokens == 1, "the refused request must not have taken the token"
    assert bucket.allow(cost=1) is True


def test_retry_after_says_how_long_to_wait(bucket, clock):
    assert bucket.retry_after() == 0.0
    bucket.allow(cost=3)
    assert bucket.retry_after() == pytest.approx(0.5)
    assert bucket.retry_after(cost=3) == pytest.approx(1.5)
    clock.advance(bucket.retry_after(cost=2))
    assert bucket.allow(cost=2) is True


def test_retry_after_counts_the_tokens_that_flowed_back_meanwhile(bucket, clock):
    bucket.allow(cost=3)
    clock.advance(0.25)  # half a token is back
    assert bucket.retry_after() == pytest.approx(0.25), (
        "refill before answering: after 0.25 s only half a token is missing, so wait 0.25 s more, not 0.5"
    )
    clock.advance(0.25)
    assert bucket.retry_after() == 0.0


@pytest.mark.parametrize(
    "rate, capacity, message",
    [(0, 3, "rate must be positive, got 0"),
     (-1.5, 3, "rate must be positive, got -1.5"),
     (1, 0, "capacity must be positive, got 0"),
     (1, -1, "capacity must be positive, got -1")],
    ids=["zero-rate", "negative-rate", "zero-capacity", "negative-capacity"],
)
def test_bad_settings_are_rejected(clock, rate, capacity, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        TokenBucket(rate, capacity, clock)


@pytest.mark.parametrize(("rate", "capacity"), [(1, 1), (0.5, 0.5), (0.001, 2)], ids=["one", "fractions", "slow-rate"])
def test_small_positive_settings_are_valid(clock, rate, capacity):
    bucket = TokenBucket(rate, capacity, clock)
    assert bucket.tokens == capacity, "anything above 0 is a valid rate and capacity"
    assert bucket.allow(capacity) is True


@pytest.mark.parametrize(
    "cost, message",
    [(0, "cost must be positive, got 0"), (-1, "cost must be positive, got -1"),
     (5, "cost 5 exceeds capacity 3")],
    ids=["zero-cost", "negative-cost", "cost-above-capacity"],
)
def test_impossible_costs_are_rejected(bucket, cost, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        bucket.allow(cost)
    with pytest.raises(ValueError, match=f"^{message}$"):
        bucket.retry_after(cost)


def test_each_client_has_its_own_bucket(clock):
    limiter = RateLimiter(rate=1, capacity=2, clock=clock)
    assert [limiter.allow("alice") for _ in range(3)] == [True, True, False]
    assert limiter.allow("bob") is True, "alice using her tokens must not affect bob"
    assert limiter.allow("zoë", cost=2) is True
    assert len(limiter) == 3


def test_prune_forgets_only_clients_whose_bucket_is_full_again(clock):
    limiter = RateLimiter(rate=1, capacity=2, clock=clock)
    limiter.allow("alice", cost=2)
    clock.advance(1.0)
    limiter.allow("bob")
    clock.advance(1.0)  # alice is full again (2 tokens), bob has 2 - 1 + 1 = 2, too
    limiter.allow("carol")  # carol has 1 token left
    assert limiter.prune() == 2
    assert len(limiter) == 1
    assert limiter.allow("carol") is True
    assert limiter.allow("carol") is False, "carol's bucket must have survived the prune"


def test_a_hundred_thousand_requests_from_a_thousand_clients(clock, time_limit):
    limiter = RateLimiter(rate=0.5, capacity=2, clock=clock)
    clients = [f"client-{n}" for n in range(1024)]
    allowed = 0
    with time_limit(2):
        for second in range(100):
            for n, client in enumerate(clients):
                clock.now = second + n / 1024  # every client asks once a second
                allowed += limiter.allow(client)
    # per client: t=0, 1, 2 use the burst, then one request every 2 s (t=4, 6, ..., 98)
    assert allowed == 1024 * (3 + 48)
    assert len(limiter) == 1024
    clock.advance(60)
    assert limiter.prune() == 1024
    assert len(limiter) == 0
