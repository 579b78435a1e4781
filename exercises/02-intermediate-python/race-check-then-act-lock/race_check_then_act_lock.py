"""Races shown and prevented: check-then-act under one lock, a once-per-key cache.

A race is code whose result depends on how threads happen to interleave. The
classic one is CHECK-THEN-ACT:

    if self._balance >= amount:      # thread A checks: 100 >= 80, fine
        ...                          # thread B checks too: 100 >= 80, fine
        self._balance -= amount      # both withdraw: the balance is -60

1. `Account(balance, pause=...)`: `withdraw(amount)` returns True and takes
   the money if the balance covers it (an exact balance does), otherwise
   returns False and changes nothing. Between the check and the subtraction
   it calls `self.pause()` (only when the withdrawal goes ahead): that stands
   for the slow work real code does there, and lets the tests freeze a thread
   at the worst moment. Check, pause and subtraction must be ONE atomic step:
   hold one threading.Lock (made once, in __init__) around all three.
   `deposit(amount)` adds under the same lock; `balance` (a property) reads it.
   An amount below 1 raises ValueError("amount must be positive"); a starting
   balance below 0 raises ValueError("balance cannot be negative").

       account = Account(100)
       account.withdraw(80), account.withdraw(80)   # -> (True, False)
       account.balance                              # -> 20, whatever the threads

2. `OnceCache().get(key, factory)` returns the value cached for key, calling
   `factory()` to build it the first time. Even when many threads ask for the
   same key at once, factory runs ONCE per key and they all get the same
   object. But a slow factory for one key must not hold up a get for another
   key: do not call factory while holding the cache's lock. (One way: under
   the lock, the first caller of a key stores a concurrent.futures.Future
   for it; it then runs the factory outside the lock and sets the future's
   result; the others wait on `future.result()`.)
   If factory raises, the error reaches the caller (callers waiting on the
   same key get it too) and nothing is cached: the next get tries again.

       cache = OnceCache()
       cache.get("config", load_config) is cache.get("config", load_config)  # True
"""

from collections.abc import Callable, Hashable
from typing import Any


class Account:
    """A bank account whose withdrawals can never overdraw it, whatever the threads do."""

    def __init__(self, balance: int = 0, pause: Callable[[], None] = lambda: None) -> None:
        # TODO: validate, store balance and pause, create the lock.
        raise NotImplementedError

    @property
    def balance(self) -> int:
        raise NotImplementedError

    def deposit(self, amount: int) -> None:
        raise NotImplementedError

    def withdraw(self, amount: int) -> bool:
        # TODO: check, self.pause(), subtract: all under the lock.
        raise NotImplementedError


class OnceCache:
    """A thread-safe cache whose factory runs once per key."""

    def __init__(self) -> None:
        # TODO: a lock and a dict of key -> concurrent.futures.Future
        raise NotImplementedError

    def get(self, key: Hashable, factory: Callable[[], Any]) -> Any:
        raise NotImplementedError
