"""Typing as practised: Protocol, Generic, overload and TypedDict."""

from collections.abc import Iterable
from typing import Generic, Protocol, TypedDict, TypeVar, overload, runtime_checkable

T = TypeVar("T")
D = TypeVar("D")


@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...


def close_all(resources: Iterable[Closeable]) -> int:
    """Close every resource; re-raise the first error once all were tried."""
    closed = 0
    first_error: Exception | None = None
    for resource in resources:
        try:
            resource.close()
        except Exception as exc:
            if first_error is None:
                first_error = exc
        else:
            closed += 1
    if first_error is not None:
        raise first_error
    return closed


class Registry(Generic[T]):
    """Named items of one type."""

    def __init__(self) -> None:
        self._items: dict[str, T] = {}

    def add(self, name: str, item: T) -> None:
        if name in self._items:
            raise ValueError(f"{name!r} is already registered")
        self._items[name] = item

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            raise KeyError(f"nothing registered as {name!r}") from None

    def names(self) -> list[str]:
        return sorted(self._items)


_MISSING = object()


@overload
def first(items: Iterable[T]) -> T: ...
@overload
def first(items: Iterable[T], default: D) -> T | D: ...
def first(items: Iterable[object], default: object = _MISSING) -> object:
    """The first item, or default when there is none."""
    for item in items:
        return item
    if default is _MISSING:
        raise ValueError("first() of an empty iterable with no default")
    return default


class UserRow(TypedDict):
    id: int
    name: str


def parse_user(raw: dict[str, str]) -> UserRow:
    """Turn a row of strings into a UserRow."""
    for key in ("id", "name"):
        if key not in raw:
            raise ValueError(f"missing field {key!r}")
    return {"id": int(raw["id"]), "name": raw["name"].strip()}
