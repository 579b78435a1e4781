"""Build expensive module attributes lazily: module-level __getattr__ and __dir__."""

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
    if name in _BUILDERS:
        value = _BUILDERS[name]()
        globals()[name] = value  # found directly from now on
        return value
    if name in _RENAMED:
        new_name = _RENAMED[name]
        warnings.warn(f"{name} is deprecated; use {new_name}", DeprecationWarning, stacklevel=2)
        return getattr(sys.modules[__name__], new_name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Return the names dir() shows for this module."""
    return sorted(set(globals()) | set(_BUILDERS))
