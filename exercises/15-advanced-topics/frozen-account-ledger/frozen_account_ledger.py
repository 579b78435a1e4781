"""An immutable bank account: operations return new values, nothing changes.

Immutable values can be shared between functions and threads, used as dict
keys, and kept as history, because nobody can change them behind your back.

Account(owner, balance=0, history=())  (amounts are whole cents)
  - frozen: `account.balance = 5` raises dataclasses.FrozenInstanceError;
  - hashable, so accounts can go in sets and be dict keys;
  - history is always a tuple, even when a list is passed in;
  - a negative balance raises ValueError("balance must not be negative ...").

deposit(account, amount) / withdraw(account, amount) return a NEW account with
the balance changed and the movement (+amount or -amount) appended to history.
The original is untouched. A non-positive amount raises
ValueError("amount must be positive ..."); withdrawing more than the balance
raises ValueError("insufficient funds ...").

apply_all(account, amounts) applies the movements in order (positive =
deposit, negative = withdraw) and returns the final account; a movement of 0
raises the same ValueError as deposit(account, 0).

    >>> start = Account("ann", 100)
    >>> after = withdraw(deposit(start, 50), 30)
    >>> after
    Account(owner='ann', balance=120, history=(50, -30))
    >>> start
    Account(owner='ann', balance=100, history=())
"""
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import reduce


@dataclass  # TODO: make it frozen
class Account:
    owner: str
    balance: int = 0
    history: tuple[int, ...] = ()

    # TODO: __post_init__ that rejects a negative balance and turns history into a tuple.


def deposit(account: Account, amount: int) -> Account:
    # TODO: validate, then return a changed copy with dataclasses.replace.
    raise NotImplementedError


def withdraw(account: Account, amount: int) -> Account:
    # TODO: validate (also the balance), then return a changed copy.
    raise NotImplementedError


def apply_all(account: Account, amounts: Iterable[int]) -> Account:
    # TODO: fold the amounts over the account with functools.reduce.
    raise NotImplementedError
