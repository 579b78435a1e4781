"""Design by Contract: preconditions, postconditions and class invariants as decorators.

A contract says what a function NEEDS (precondition - the caller's duty), what it PROMISES
(postcondition - the function's duty) and, for a class, what is ALWAYS true of its objects
(invariant). Checked at run time, a broken contract stops the program at the exact call that
went wrong and says whose fault it is. Raise real exceptions, not `assert`: `python -O`
deletes every assert statement.

1. `contract(pre=None, post=None)` is a decorator factory. Both conditions are optional:
     pre(*args, **kwargs) -> bool          gets the call's arguments, BEFORE the function runs
     post(result, *args, **kwargs) -> bool gets the return value, then the arguments, AFTER it
   A false pre raises PreconditionError("precondition of <f.__qualname__> failed") and the
   function does not run; a false post raises PostconditionError("postcondition of ... failed").
   Keep the function's __name__ and __doc__.

       @contract(pre=lambda n: n >= 0, post=lambda root, n: root * root <= n < (root + 1) ** 2)
       def integer_sqrt(n): ...

       integer_sqrt(-4)  ->  PreconditionError: precondition of integer_sqrt failed

2. `invariant(check)` is a class decorator: check(obj) -> bool must hold after __init__ and
   after every public method (a function in the class whose name does not start with "_");
   else InvariantError("invariant of <ClassName> broken after <method name>"). Private helpers
   may break it for a moment. Two stacked @invariant decorators check both conditions.

3. Put the contracts on integer_sqrt and Account below (see their comments).
"""

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C", bound=type)


class ContractError(Exception):
    """A contract was broken: a bug in the caller (pre) or in the code itself (post, invariant)."""


class PreconditionError(ContractError):
    """The caller broke the contract: the arguments are not allowed."""


class PostconditionError(ContractError):
    """The function broke its promise about its result."""


class InvariantError(ContractError):
    """An object was left in a state its class says is impossible."""


def contract(
    pre: Callable[..., bool] | None = None,
    post: Callable[..., bool] | None = None,
) -> Callable[[F], F]:
    # TODO: return a decorator; its wrapper checks pre, calls the function, checks post.
    raise NotImplementedError


def invariant(check: Callable[[Any], bool]) -> Callable[[C], C]:
    # TODO: return a class decorator that wraps __init__ and every public method of the class.
    raise NotImplementedError


# TODO: pre: n is at least 0; post: root * root <= n < (root + 1) ** 2
def integer_sqrt(n: int) -> int:
    """The largest whole number whose square is at most n (Newton's method)."""
    root = n
    while root * root > n:
        root = (root + n // root) // 2
    return root


# TODO: invariant: the balance is never negative.
class Account:
    """A bank account holding a whole number of cents."""

    def __init__(self, owner: str, balance: int = 0) -> None:
        self.owner = owner
        self.balance = balance

    # TODO: pre: the amount is more than 0.
    def deposit(self, amount: int) -> int:
        self.balance += amount
        return self.balance

    # TODO: pre: the amount is more than 0 and at most the balance (overdrawing is the CALLER's bug).
    def withdraw(self, amount: int) -> int:
        self.balance -= amount
        return self.balance
