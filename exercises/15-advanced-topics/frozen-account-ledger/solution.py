"""An immutable account: every operation returns a new value."""
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import reduce


@dataclass(frozen=True)
class Account:
    owner: str
    balance: int = 0
    history: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.balance < 0:
            raise ValueError(f"balance must not be negative, got {self.balance}")
        object.__setattr__(self, "history", tuple(self.history))


def deposit(account: Account, amount: int) -> Account:
    if amount <= 0:
        raise ValueError(f"amount must be positive, got {amount}")
    return replace(account, balance=account.balance + amount, history=account.history + (amount,))


def withdraw(account: Account, amount: int) -> Account:
    if amount <= 0:
        raise ValueError(f"amount must be positive, got {amount}")
    if amount > account.balance:
        raise ValueError(f"insufficient funds: balance {account.balance}, asked for {amount}")
    return replace(account, balance=account.balance - amount, history=account.history + (-amount,))


def apply_all(account: Account, amounts: Iterable[int]) -> Account:
    def step(current: Account, amount: int) -> Account:
        return deposit(current, amount) if amount > 0 else withdraw(current, -amount)

    return reduce(step, amounts, account)
