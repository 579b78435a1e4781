"""Custom decorators: a class-based decorator that works on methods, and @deprecated.

1. `counted` is a decorator written as a CLASS: `@counted` replaces the
   function with a counted instance whose .calls says how often it ran.

       @counted
       def ping(host): ...
       ping("a"); ping("b")
       ping.calls                 # -> 2

   - It keeps the function's __name__, __qualname__, __doc__ and sets
     __wrapped__ (functools.update_wrapper(self, func) in __init__).
   - It must also work on METHODS. A plain function becomes a bound
     method when read from an instance because functions are descriptors
     (they have __get__); an instance of your class is not, so
     `Cart().add(3)` would call add WITHOUT self. Give the class
     `__get__(self, obj, objtype=None)`: read from the class (obj is
     None) it returns the counted object itself; read from an instance it
     returns types.MethodType(self, obj), which calls self(obj, ...).
   - Calls through every instance count on the one counted object:
     Cart.add.calls is the total; cart.add.calls shows the same number.

2. `deprecated(reason)` is a decorator factory. Every call of the
   decorated function issues
       warnings.warn(f"{qualname} is deprecated: {reason}", DeprecationWarning, stacklevel=2)
   and then runs it. stacklevel=2 makes the warning name the line that
   CALLED the deprecated function (the code someone must change), not
   the line inside your wrapper. Keep the name and docstring
   (functools.wraps).

       @deprecated("use fetch_v2")
       def fetch(url): ...
       fetch("x")   # DeprecationWarning: fetch is deprecated: use fetch_v2
"""

import functools  # noqa: F401  (you will need these)
import types  # noqa: F401
import warnings  # noqa: F401
from collections.abc import Callable
from typing import Any


class counted:
    """Count the calls of the decorated function or method in .calls."""

    def __init__(self, func: Callable[..., Any]) -> None:
        raise NotImplementedError  # TODO

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError  # TODO

    # TODO: __get__, so the decorator works on methods too


def deprecated(reason: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Warn with DeprecationWarning, pointing at the caller, on every call."""
    raise NotImplementedError  # TODO
