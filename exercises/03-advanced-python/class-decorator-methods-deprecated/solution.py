"""Custom decorators: a class-based decorator that works on methods, and @deprecated."""

import functools
import types
import warnings
from collections.abc import Callable
from typing import Any


class counted:
    """Count the calls of the decorated function or method in .calls."""

    def __init__(self, func: Callable[..., Any]) -> None:
        functools.update_wrapper(self, func)
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.__wrapped__(*args, **kwargs)

    def __get__(self, obj: object, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return types.MethodType(self, obj)


def deprecated(reason: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Warn with DeprecationWarning, pointing at the caller, on every call."""

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        message = f"{func.__qualname__} is deprecated: {reason}"

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return func(*args, **kwargs)

        return wrapper

    return decorator
