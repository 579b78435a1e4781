"""Turn scraped offers into clean, unique deals.

- parse_price(text) -> Decimal | None: "£1,250.00" -> Decimal("1250.00"); only
  prices that start with "£"; None for anything else, for NaN, Infinity and
  negative amounts. "£0" is a price (free!).
- clean_deals(items) -> list[Deal]: skip items with no sku, no title or no
  valid price (the "price" key may be missing); keep ONE deal per sku, the
  one with the lowest price (on a tie, the first one seen); sort by price,
  then title, then sku.
"""
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Deal:
    sku: str
    title: str
    price: Decimal
    url: str


def parse_price(text: str) -> Decimal | None:
    # TODO
    raise NotImplementedError


def clean_deals(items) -> list[Deal]:
    # TODO
    raise NotImplementedError
