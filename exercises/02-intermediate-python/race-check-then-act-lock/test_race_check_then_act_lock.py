import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import pytest

from race_check_then_act_lock import Account, OnceCache

GRACE = 0.08  # how long a frozen thread waits for a second thread to barge in (no sleeps)


class Interleaver:
    """A pause hook that freezes the FIRST thread to reach it until a second thread
    reaches it too, or GRACE seconds pass. A correct lock keeps the second thread out,
    so the first one goes on after GRACE; a race lets it in at once."""

    def __init__(self):
        self._lock = threading.Lock()
        self.calls = 0
        self.first_paused = threading.Event()
        self.second_arrived = threading.Event()

    def __call__(self):
        with self._lock:
            self.calls += 1
            number = self.calls
        if number == 1:
            self.first_paused.set()
            self.second_arrived.wait(GRACE)
        else:
            self.second_arrived.set()


@pytest.fixture
def pool():
    with ThreadPoolExecutor(max_workers=4) as executor:
        yield executor


# ---------------------------------------------------------------- Account, one thread


def test_withdraw_takes_the_money_when_the_balance_covers_it():
    account = Account(100)

    assert account.withdraw(80) is True
    assert account.withdraw(80) is False, "only 20 is left: 80 must be refused"
    assert account.balance == 20


def test_withdraw_of_exactly_the_balance_is_allowed():
    account = Account(50)

    assert account.withdraw(50) is True
    assert account.balance == 0
    assert account.withdraw(1) is False


def test_deposit_adds_to_the_balance():
    account = Account()
    account.deposit(30)
    account.deposit(12)

    assert account.balance == 42


def test_pause_is_called_only_when_the_withdrawal_goes_ahead():
    calls = []
    account = Account(10, pause=lambda: calls.append("pause"))

    account.withdraw(5)
    account.withdraw(50)

    assert calls == ["pause"], (
        "pause() runs between the check and the subtraction, once per withdrawal that goes ahead"
    )


def test_no_money_is_taken_when_pause_fails_and_the_lock_is_released(pool):
    def failing_pause():
        raise ConnectionError("ledger unreachable")

    account = Account(10, pause=failing_pause)

    with pytest.raises(ConnectionError, match="ledger unreachable"):
        account.withdraw(4)
    assert account.balance == 10, "pause() comes BEFORE the subtraction: nothing may be taken yet"

    account.pause = lambda: None
    retry = pool.submit(account.withdraw, 4)
    try:
        done = retry.result(timeout=1)
    except FutureTimeout:
        done = None
    assert done is True, (
        "the lock stayed held after an error: use `with self._lock:` so it is always released"
    )


@pytest.mark.parametrize("amount", [0, -5], ids=["zero", "negative"])
def test_amounts_below_one_are_rejected(amount):
    account = Account(100)

    with pytest.raises(ValueError, match="amount must be positive"):
        account.withdraw(amount)
    with pytest.raises(ValueError, match="amount must be positive"):
        account.deposit(amount)
    assert account.balance == 100


def test_a_negative_starting_balance_is_rejected():
    with pytest.raises(ValueError, match="balance cannot be negative"):
        Account(-1)
    assert Account(0).balance == 0


# ---------------------------------------------------------------- Account, two threads


def test_two_threads_cannot_both_withdraw_what_is_there_only_once(pool):
    hook = Interleaver()
    account = Account(100, pause=hook)

    first = pool.submit(account.withdraw, 80)
    assert hook.first_paused.wait(2), "the first withdrawal never reached pause()"
    second = pool.submit(account.withdraw, 80)
    results = sorted([first.result(timeout=2), second.result(timeout=2)])

    assert results == [False, True], (
        "both threads passed the check before either subtracted (check-then-act race): hold "
        "ONE lock, created in __init__, around the check, pause() and the subtraction"
    )
    assert account.balance == 20


def test_a_deposit_waits_for_a_withdrawal_in_progress(pool):
    hook = Interleaver()
    account = Account(100, pause=hook)

    withdrawal = pool.submit(account.withdraw, 80)
    assert hook.first_paused.wait(2)
    deposit = pool.submit(account.deposit, 50)
    withdrawal.result(timeout=2)
    deposit.result(timeout=2)

    assert account.balance == 70


def test_each_account_has_its_own_lock(pool):
    release = threading.Event()
    paused = threading.Event()

    def hold_a():
        paused.set()
        release.wait(2)

    a, b = Account(100, pause=hold_a), Account(100)
    first = pool.submit(a.withdraw, 10)
    try:
        assert paused.wait(2)
        second = pool.submit(b.withdraw, 10)
        try:
            b_done = second.result(timeout=0.5)
        except FutureTimeout:
            b_done = None
    finally:
        release.set()

    assert b_done is True, (
        "a withdrawal from account b waited for one from account a: the lock must belong to "
        "each account (self._lock = threading.Lock() in __init__), not to the class"
    )
    assert first.result(timeout=2) is True


# ---------------------------------------------------------------- OnceCache


class CountingFactory:
    """Builds a new object per call and counts the calls; can be told to freeze its
    first call (like Interleaver) or to fail."""

    def __init__(self, freeze=False, fail_times=0):
        self.freeze = freeze
        self.fail_times = fail_times
        self.calls = 0
        self._lock = threading.Lock()
        self.first_entered = threading.Event()
        self.second_entered = threading.Event()

    def __call__(self):
        with self._lock:
            self.calls += 1
            number = self.calls
        if self.freeze and number == 1:
            self.first_entered.set()
            self.second_entered.wait(GRACE)
        elif number > 1:
            self.second_entered.set()
        if number <= self.fail_times:
            raise ConnectionError(f"build {number} failed")
        return object()


def test_get_builds_a_value_once_and_then_returns_it():
    cache = OnceCache()
    factory = CountingFactory()

    first = cache.get("config", factory)

    assert cache.get("config", factory) is first
    assert factory.calls == 1


def test_different_keys_get_different_values():
    cache = OnceCache()
    factory = CountingFactory()

    assert cache.get("a", factory) is not cache.get("b", factory)
    assert cache.get(1, factory) is cache.get(1, factory)
    assert factory.calls == 3


def test_each_cache_has_its_own_values():
    factory = CountingFactory()

    assert OnceCache().get("a", factory) is not OnceCache().get("a", factory), (
        "two caches shared their values: keep the dict on the instance, not on the class"
    )


def test_two_threads_asking_for_the_same_key_build_it_once(pool):
    cache = OnceCache()
    factory = CountingFactory(freeze=True)

    first = pool.submit(cache.get, "config", factory)
    assert factory.first_entered.wait(2), "the first get never called the factory"
    second = pool.submit(cache.get, "config", factory)
    values = first.result(timeout=2), second.result(timeout=2)

    assert factory.calls == 1, (
        "the factory ran twice for one key: while the first thread was building, the second "
        "found nothing cached and built too. Record under the lock that the key is being "
        "built (a Future), and make the others wait for it"
    )
    assert values[0] is values[1]


def test_a_slow_factory_does_not_hold_up_other_keys(pool):
    cache = OnceCache()
    release = threading.Event()

    def slow():
        release.wait(2)
        return "slow"

    slow_get = pool.submit(cache.get, "slow", slow)
    try:
        fast_get = pool.submit(cache.get, "fast", lambda: "fast")
        try:
            fast = fast_get.result(timeout=0.5)
        except FutureTimeout:
            fast = None
    finally:
        release.set()

    assert fast == "fast", (
        "get('fast') waited for the factory of 'slow': the factory ran while holding the "
        "cache's lock. Hold the lock only to look up or record the key, never around factory()"
    )
    assert slow_get.result(timeout=2) == "slow"


def test_a_failing_factory_raises_and_is_tried_again_next_time():
    cache = OnceCache()
    factory = CountingFactory(fail_times=1)

    with pytest.raises(ConnectionError, match="build 1 failed"):
        cache.get("config", factory)
    try:
        value = cache.get("config", factory)
    except ConnectionError:
        pytest.fail("the failure was cached: after a failed build, delete the key so the next "
                    "get calls the factory again")

    assert value is cache.get("config", factory)
    assert factory.calls == 2, (
        "after a failed build the next get must call the factory again: do not cache the failure"
    )


def test_a_caller_waiting_for_a_failing_build_gets_the_error_instead_of_hanging():
    cache = OnceCache()
    factory = CountingFactory(freeze=True, fail_times=1)
    outcome = {}

    def call(name):
        try:
            outcome[name] = cache.get("config", factory)
        except ConnectionError as error:
            outcome[name] = error

    builder = threading.Thread(target=call, args=("builder",), daemon=True)
    builder.start()
    assert factory.first_entered.wait(2), "the first get never called the factory"
    waiter = threading.Thread(target=call, args=("waiter",), daemon=True)
    waiter.start()
    builder.join(2)
    waiter.join(1)

    assert not waiter.is_alive(), (
        "a thread waiting for the key hung for ever after the build failed: give the waiters "
        "the error with future.set_exception(error) before re-raising"
    )
    assert isinstance(outcome["builder"], ConnectionError)
    # The waiter either waited and got the same error, or (on a very busy machine) came after
    # the failure and built the value itself.
    assert outcome["waiter"] is outcome["builder"] or factory.calls == 2
