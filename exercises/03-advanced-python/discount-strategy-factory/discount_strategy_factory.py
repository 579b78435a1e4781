"""Strategy, Factory and Singleton - the Python way - in a small discount engine.

Pattern books build these from class hierarchies. In Python functions are objects, so the
patterns shrink to a few lines each:

Strategy - a discount is any callable `discount(subtotal_cents) -> discount_cents`.
    percent_off(10)(2_500) == 250       (rounded down: 999 cents at 10% gives 99; whole-cent
                                         int arithmetic, since floats give 100 * 0.29 == 28.999...)
    fixed_off(500)(300) == 300          (never more than the subtotal)
    checkout([1_000, 1_500], percent_off(10)) == 2_250
  `checkout` works with ANY such callable, including ones it has never heard of.

Factory - promo rules are stored as text, "percent:10" or "fixed:500". `make_discount(rule)`
  looks the kind up in the registry DISCOUNT_KINDS and calls the builder with the int argument.
  Builders register themselves with the `@discount_kind("name")` decorator, so a new kind needs
  no change to make_discount. Unknown kind: ValueError("unknown discount kind 'xmas'");
  registering a name twice: ValueError("discount kind 'percent' is already registered").

Singleton - `get_settings()` returns the one shared Settings object, created on first use;
  every call returns the very same object - also when two threads make the first call at the
  same moment (a web server's first requests do). percent_off refuses a percentage outside
  0..get_settings().max_percent: ValueError("percent must be between 0 and 50%").
  fixed_off refuses a negative amount: ValueError("amount must not be negative").
"""

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


def get_settings() -> Settings:
    # TODO: return the same Settings object on every call, from every thread.
    return Settings()


def discount_kind(name: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        # TODO: store builder in DISCOUNT_KINDS under name (ValueError if the name is taken).
        return builder

    return register


@discount_kind("percent")
def percent_off(pct: int) -> Discount:
    # TODO: check pct against get_settings().max_percent, then return a discount function.
    raise NotImplementedError


@discount_kind("fixed")
def fixed_off(cents: int) -> Discount:
    # TODO: return a discount function that takes off `cents`, but never more than the subtotal.
    raise NotImplementedError


def make_discount(rule: str) -> Discount:
    # TODO: "percent:10" -> DISCOUNT_KINDS["percent"](10)
    raise NotImplementedError


def checkout(prices: list[int], discount: Discount | None = None) -> int:
    # TODO: the subtotal minus what the discount strategy takes off (no discount when None).
    raise NotImplementedError
