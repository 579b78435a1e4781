"""Design by Contract: preconditions, postconditions and class invariants as decorators."""

import functools
import inspect
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
    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if pre is not None and not pre(*args, **kwargs):
                raise PreconditionError(f"precondition of {func.__qualname__} failed")
            result = func(*args, **kwargs)
            if post is not None and not post(result, *args, **kwargs):
                raise PostconditionError(f"postcondition of {func.__qualname__} failed")
            return result

        return wrapper  # type: ignore[return-value]

    return decorate


def invariant(check: Callable[[Any], bool]) -> Callable[[C], C]:
    def checked(cls_name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = method(self, *args, **kwargs)
            if not check(self):
                raise InvariantError(f"invariant of {cls_name} broken after {method.__name__}")
            return result

        return wrapper

    def decorate(cls: C) -> C:
        for name, attribute in list(vars(cls).items()):
            if inspect.isfunction(attribute) and (name == "__init__" or not name.startswith("_")):
                setattr(cls, name, checked(cls.__name__, attribute))
        return cls

    return decorate


@contract(pre=lambda n: n >= 0, post=lambda root, n: root * root <= n < (root + 1) ** 2)
def integer_sqrt(n: int) -> int:
    """The largest whole number whose square is at most n (Newton's method)."""
    root = n
    while root * root > n:
        root = (root + n // root) // 2
    return root


@invariant(lambda account: account.balance >= 0)
class Account:
    """A bank account holding a whole number of cents."""

    def __init__(self, owner: str, balance: int = 0) -> None:
        self.owner = owner
        self.balance = balance

    @contract(pre=lambda self, amount: amount > 0)
    def deposit(self, amount: int) -> int:
        self.balance += amount
        return self.balance

    @contract(pre=lambda self, amount: 0 < amount <= self.balance)
    def withdraw(self, amount: int) -> int:
        self.balance -= amount
        return self.balance
