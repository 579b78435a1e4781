"""Books as the Catalog API sends them, checked on the way in and written on the way out."""
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from catalogkit.errors import ApiError


@dataclass(frozen=True)
class Book:
    id: int
    title: str
    price: Decimal
    updated: datetime


def parse_book(data: Any) -> Book:
    if not isinstance(data, dict):
        raise ApiError(f"invalid book: expected an object, got {type(data).__name__}")
    book_id, title, price, updated = (data.get(key) for key in ("id", "title", "price", "updated"))
    if type(book_id) is not int or book_id <= 0:
        raise ApiError(f"invalid book: id must be a positive integer, got {book_id!r}")
    if not isinstance(title, str) or not title.strip():
        raise ApiError(f"invalid book: title must be a non-empty string, got {title!r}")
    if not isinstance(price, str):
        raise ApiError(f"invalid book: price must be a decimal string, got {price!r}")
    try:
        amount = Decimal(price)
    except InvalidOperation:
        raise ApiError(f"invalid book: price must be a decimal string, got {price!r}") from None
    if not amount.is_finite() or amount < 0:
        raise ApiError(f"invalid book: price must be a decimal string, got {price!r}")
    try:
        when = datetime.fromisoformat(updated.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        raise ApiError(f"invalid book: updated must be an ISO 8601 time, got {updated!r}") from None
    if when.utcoffset() is None:
        raise ApiError(f"invalid book: updated must say its time zone, got {updated!r}")
    return Book(book_id, title, amount, when)


def book_payload(title: str, price: Decimal) -> dict[str, str]:
    return {"title": title, "price": str(price)}
