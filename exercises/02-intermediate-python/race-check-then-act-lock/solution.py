"""Races shown and prevented: check-then-act under one lock, a once-per-key cache."""

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any


def _check_amount(amount: int) -> None:
    if amount < 1:
        raise ValueError("amount must be positive")


class Account:
    """A bank account whose withdrawals can never overdraw it, whatever the threads do."""

    def __init__(self, balance: int = 0, pause: Callable[[], None] = lambda: None) -> None:
        if balance < 0:
            raise ValueError("balance cannot be negative")
        self._balance = balance
        self.pause = pause
        self._lock = threading.Lock()

    @property
    def balance(self) -> int:
        with self._lock:
            return self._balance

    def deposit(self, amount: int) -> None:
        _check_amount(amount)
        with self._lock:
            self._balance += amount

    def withdraw(self, amount: int) -> bool:
        _check_amount(amount)
        with self._lock:
            if self._balance < amount:
                return False
            self.pause()
            self._balance -= amount
            return True


class OnceCache:
    """A thread-safe cache whose factory runs once per key."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._futures: dict[Hashable, Future] = {}

    def get(self, key: Hashable, factory: Callable[[], Any]) -> Any:
        with self._lock:
            future = self._futures.get(key)
            building = future is None
            if building:
                future = self._futures[key] = Future()
        if not building:
            return future.result()
        try:
            value = factory()
        except BaseException as error:
            with self._lock:
                del self._futures[key]
            future.set_exception(error)
            raise
        future.set_result(value)
        return value
