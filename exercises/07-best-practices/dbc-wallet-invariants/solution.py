"""Money and wallets whose contracts hold: preconditions, invariants, all-or-nothing transfers."""

import re
from dataclasses import dataclass


class ContractViolation(Exception):
    """A caller or the code itself broke a contract."""


class PreconditionError(ContractViolation):
    """The caller asked for something the contract does not allow."""


class InvariantError(ContractViolation):
    """An object would be in a state its class promises never to be in."""


@dataclass(frozen=True)
class Money:
    cents: int
    currency: str

    def __post_init__(self) -> None:
        if type(self.cents) is not int:
            raise InvariantError(f"Money needs whole cents, got {self.cents!r}")
        if not isinstance(self.currency, str) or not re.fullmatch(r"[A-Z]{3}", self.currency):
            raise InvariantError(f"currency must be three capital letters, got {self.currency!r}")

    def __add__(self, other: "Money") -> "Money":
        if self.currency != other.currency:
            raise PreconditionError(f"cannot add {self.currency} and {other.currency}")
        return Money(self.cents + other.cents, self.currency)

    def __neg__(self) -> "Money":
        return Money(-self.cents, self.currency)


class Wallet:
    def __init__(self, currency: str, overdraft_cents: int = 0) -> None:
        if overdraft_cents < 0:
            raise PreconditionError(f"overdraft must be >= 0, got {overdraft_cents}")
        self._balance = Money(0, currency)
        self.overdraft_cents = overdraft_cents

    @property
    def balance(self) -> Money:
        return self._balance

    def check_payable(self, money: Money) -> None:
        """Raise PreconditionError unless money can be paid into or out of this wallet."""
        if money.currency != self._balance.currency:
            raise PreconditionError(f"this wallet holds {self._balance.currency}, not {money.currency}")
        if money.cents <= 0:
            raise PreconditionError(f"amount must be positive, got {money.cents}")

    def deposit(self, money: Money) -> None:
        self.check_payable(money)
        self._balance = self._balance + money

    def can_withdraw(self, money: Money) -> bool:
        return self._balance.cents - money.cents >= -self.overdraft_cents

    def withdraw(self, money: Money) -> None:
        self.check_payable(money)
        if not self.can_withdraw(money):
            raise PreconditionError(
                f"withdrawing {money.cents} would take the balance below -{self.overdraft_cents}"
            )
        self._balance = self._balance + -money


def transfer(source: Wallet, target: Wallet, money: Money) -> None:
    target.check_payable(money)
    source.withdraw(money)
    target.deposit(money)
