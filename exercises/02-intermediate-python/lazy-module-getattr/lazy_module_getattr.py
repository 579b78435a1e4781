"""Build expensive module attributes lazily: module-level __getattr__ and __dir__.

This module offers two big lookup tables, PRIMES and SQUARES. Building them at
import time would slow down every program that imports the module, even those that
never touch them. So they are not module globals yet: ``_BUILDERS`` maps each lazy
name to the function that builds it.

Python calls a module-level ``__getattr__(name)`` only when ``module.name`` is not
found among the module's globals (PEP 562). Complete it:

1. A name in ``_BUILDERS``: build the value, store it in the module's globals (so it
   is built once, and later lookups never reach ``__getattr__``) and return it. An
   error raised by the builder propagates unchanged: turned into an AttributeError,
   it would make ``hasattr()`` quietly say the table does not exist.
2. An old name in ``_RENAMED``: emit ``DeprecationWarning("PRIME_LIST is deprecated;
   use PRIMES")`` with ``stacklevel=2`` (so it points at the caller's line) and return
   the new attribute. Warn on every use: do not cache the old name.
3. Anything else: the AttributeError that is already written (keep it last).

Then ``__dir__()``: the module's globals plus the lazy names (not the old ones).

    >>> import lazy_module_getattr as tables
    >>> "PRIMES" in vars(tables)          # not built yet
    False
    >>> tables.PRIMES[:5]
    [2, 3, 5, 7, 11]
    >>> "PRIMES" in vars(tables)          # built once, now a normal global
    True
"""

import sys
import warnings


def _build_primes(limit: int = 100_000) -> list[int]:
    """Return all primes below limit (sieve of Eratosthenes)."""
    is_prime = bytearray([1]) * limit
    is_prime[:2] = b"\x00\x00"
    for n in range(2, int(limit**0.5) + 1):
        if is_prime[n]:
            is_prime[n * n :: n] = bytes(len(range(n * n, limit, n)))
    return [n for n, flag in enumerate(is_prime) if flag]


def _build_squares(limit: int = 1_000) -> dict[int, int]:
    """Return {n: n * n} for n below limit."""
    return {n: n * n for n in range(limit)}


_BUILDERS = {"PRIMES": _build_primes, "SQUARES": _build_squares}
_RENAMED = {"PRIME_LIST": "PRIMES"}  # old name -> new name


def __getattr__(name: str) -> object:
    """Called for module attributes that are not found the normal way."""
    # TODO: handle the lazy names (_BUILDERS) and the renamed ones (_RENAMED)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Return the names dir() shows for this module."""
    # TODO: add the lazy names, each listed once
    return sorted(globals())
