"""Design by contract: money that is always valid, wallets that never break their promises.

A contract has three parts, and each is checked with an explicit `raise` (never `assert`:
`python -O` deletes every assert, and a contract must still hold there):
- an INVARIANT is true of an object all its life. Money(cents, currency) is a frozen
  dataclass whose __post_init__ checks that cents is an int (True and 1.5 are not cents:
  test `type(cents) is int`) -> else InvariantError("Money needs whole cents, got 1.5"), and
  that currency is three capital letters -> else
  InvariantError("currency must be three capital letters, got 'eur'") (repr of the value).
  A Wallet's balance never goes below -overdraft_cents, and nobody can assign to
  wallet.balance (a read-only property: AttributeError).
- a PRECONDITION is what a caller must ensure; breaking it raises PreconditionError:
  Money + Money of two currencies -> "cannot add EUR and USD";
  Wallet(currency, overdraft_cents=0) with overdraft_cents < 0 -> "overdraft must be >= 0, got -1";
  wallet.check_payable(money) raises "this wallet holds EUR, not USD" for another currency,
  then "amount must be positive, got 0" for cents <= 0 (deposit and withdraw call it first);
  withdraw(money) when can_withdraw(money) is False ->
  "withdrawing 700 would take the balance below -500" (the limit, here overdraft_cents=500).
  can_withdraw(money) is True when balance - money stays >= -overdraft_cents (exactly the
  limit is allowed).
- a POSTCONDITION is what the code promises back: after deposit(m) the balance is old + m,
  after withdraw(m) old - m; and transfer(source, target, money) is ALL OR NOTHING: when it
  raises (any precondition of either wallet), neither wallet has changed.

    wallet = Wallet("EUR", overdraft_cents=500)
    wallet.deposit(Money(200, "EUR"))
    wallet.withdraw(Money(700, "EUR"))      # balance Money(-500, "EUR"): exactly the limit
    wallet.withdraw(Money(1, "EUR"))        # PreconditionError: ... below -500

ContractViolation is the base class of PreconditionError and InvariantError.
"""

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

    # TODO: __post_init__ (the two invariants), __add__ (same currency only), __neg__.


class Wallet:
    def __init__(self, currency: str, overdraft_cents: int = 0) -> None:
        self.balance = Money(0, currency)  # TODO: read-only; check overdraft_cents
        self.overdraft_cents = overdraft_cents

    def check_payable(self, money: Money) -> None:
        raise NotImplementedError

    def can_withdraw(self, money: Money) -> bool:
        raise NotImplementedError

    def deposit(self, money: Money) -> None:
        self.balance = Money(self.balance.cents + money.cents, self.balance.currency)

    def withdraw(self, money: Money) -> None:
        assert self.balance.cents - money.cents >= -self.overdraft_cents, "not enough money"
        self.balance = Money(self.balance.cents - money.cents, self.balance.currency)


def transfer(source: Wallet, target: Wallet, money: Money) -> None:
    source.withdraw(money)
    target.deposit(money)
