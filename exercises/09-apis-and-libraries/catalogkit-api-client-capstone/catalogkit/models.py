"""Books as the Catalog API sends them, checked on the way in and written on the way out.

The API sends a book as
    {"id": 7, "title": "Dune", "price": "9.99", "updated": "2026-12-07T10:00:00Z"}
Money travels as a decimal STRING (a JSON number is a float, and 0.1 + 0.2 is
not 0.3), times as ISO 8601 with a zone.

parse_book(data) -> Book(id=7, title="Dune", price=Decimal("9.99"),
                         updated=datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc))
    Never trust what came over the wire; raise ApiError whose message starts
    with "invalid book: " and then the field's name
    (ApiError("invalid book: price must be a decimal string, got 9.99")) when:
    - data is not a dict ("invalid book: expected an object, ...");
    - id is not an int (True is a bool, not an id) or is not positive;
    - title is not a str, or is empty or only spaces;
    - price is not a str (9.99 as a JSON number is refused), is not a
      Decimal literal, is not finite ("NaN", "Infinity") or is negative;
    - updated is not a str that datetime.fromisoformat reads (after turning a
      final "Z" into "+00:00", which Python 3.10 needs), or has no time zone
      ("2026-12-07T10:00:00" is ambiguous).
    Missing keys count as wrong values. Keys the client does not know are ignored.

book_payload(title, price) -> {"title": title, "price": str(price)}
    the JSON body of a new book: Decimal("12.50") is sent as "12.50", never as
    a float.
"""
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation  # noqa: F401  (InvalidOperation: Decimal("abc") raises it)
from typing import Any

from catalogkit.errors import ApiError  # noqa: F401


@dataclass(frozen=True)
class Book:
    id: int
    title: str
    price: Decimal
    updated: datetime


def parse_book(data: Any) -> Book:
    # TODO: check every field, then return Book(...).
    raise NotImplementedError


def book_payload(title: str, price: Decimal) -> dict[str, str]:
    # TODO
    raise NotImplementedError
