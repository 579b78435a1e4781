"""Strategy, Factory and Singleton the Python way (reference solution)."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

Discount = Callable[[int], int]
Builder = TypeVar("Builder", bound=Callable[..., Discount])

DISCOUNT_KINDS: dict[str, Callable[..., Discount]] = {}


@dataclass
class Settings:
    max_percent: int = 50
    currency: str = "EUR"


_settings: Settings | None = None
_settings_lock = threading.Lock()


def get_settings() -> Settings:
    global _settings
    with _settings_lock:  # two threads asking first must not build two objects
        if _settings is None:
            _settings = Settings()
        return _settings


def discount_kind(name: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        if name in DISCOUNT_KINDS:
            raise ValueError(f"discount kind {name!r} is already registered")
        DISCOUNT_KINDS[name] = builder
        return builder

    return register


@discount_kind("percent")
def percent_off(pct: int) -> Discount:
    limit = get_settings().max_percent
    if not 0 <= pct <= limit:
        raise ValueError(f"percent must be between 0 and {limit}%")
    return lambda subtotal: subtotal * pct // 100


@discount_kind("fixed")
def fixed_off(cents: int) -> Discount:
    if cents < 0:
        raise ValueError("amount must not be negative")
    return lambda subtotal: min(cents, subtotal)


def make_discount(rule: str) -> Discount:
    kind, _, arg = rule.partition(":")
    if kind not in DISCOUNT_KINDS:
        raise ValueError(f"unknown discount kind {kind!r}")
    return DISCOUNT_KINDS[kind](int(arg))


def checkout(prices: list[int], discount: Discount | None = None) -> int:
    subtotal = sum(prices)
    if discount is None:
        return subtotal
    return subtotal - discount(subtotal)
