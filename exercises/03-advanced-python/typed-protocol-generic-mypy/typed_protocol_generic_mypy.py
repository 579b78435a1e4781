"""Typing as practised: Protocol, Generic, overload and TypedDict.

Type hints pay off when a type checker reads them. The tests run mypy
(`python -m mypy --strict`) over this module AND over a small file that
uses it, so the hints must be precise, not just present. Make this module
both work and type-check:

1. `Closeable`: a typing.Protocol with one method `close(self) -> None`,
   decorated with @typing.runtime_checkable. Any object with a close()
   method (io.StringIO, a socket, your own class) then counts, with no
   inheritance: mypy accepts `close_all([io.StringIO()])` and rejects
   `close_all([42])`, and `isinstance(io.StringIO(), Closeable)` is True.
2. `close_all(resources)`: call close() on every resource and return how
   many closed without error. If some raise (Exception), still close all
   the others, then re-raise the FIRST error.
3. `Registry`: generic in its item type (`class Registry(Generic[T])`), so
   `reg: Registry[int] = Registry()` makes `reg.get("a")` an int for mypy
   and `reg.add("b", "two")` a type error. add(name, item) refuses a name
   already there (ValueError); get(name) of an unknown name raises
   KeyError naming it; names() is the sorted list of names.
4. `first(items)` / `first(items, default)`: the first item of any
   iterable (read only that one item). Two @typing.overload signatures:
   without default the result is T; with a default D it is `T | D`, so
   `first([1, 2])` is an int but `first([1, 2], None)` is `int | None`.
   Empty with no default: ValueError. `first([], None)` returns None (None
   is a real default: use a private sentinel object for "no default").
5. `UserRow`: a TypedDict with `id: int` and `name: str`.
   `parse_user({"id": " 7", "name": " Ada "})` -> {"id": 7, "name": "Ada"}
   (int() the id, strip the name); a missing field raises ValueError
   naming it. mypy then knows row["id"] is an int, and row["age"] is an
   error.

mypy --strict also wants every function fully annotated: no bare `def f(x)`.
"""

from collections.abc import Iterable
from typing import Any


class Closeable:  # TODO: a runtime-checkable typing.Protocol
    def close(self) -> None: ...


def close_all(resources: Iterable[Any]) -> int:  # TODO: precise types
    """Close every resource; re-raise the first error once all were tried."""
    raise NotImplementedError


class Registry:  # TODO: generic in the item type
    """Named items of one type."""

    def __init__(self) -> None:
        self._items: dict[str, Any] = {}

    def add(self, name: str, item: Any) -> None:
        raise NotImplementedError

    def get(self, name: str) -> Any:
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError


# TODO: two @overload signatures, then the implementation
def first(items: Iterable[Any], default: Any = None) -> Any:
    """The first item, or default when there is none."""
    raise NotImplementedError


UserRow = dict  # TODO: a TypedDict with id: int and name: str


def parse_user(raw: dict[str, str]) -> Any:  # TODO: return a UserRow
    """Turn a row of strings into a UserRow."""
    raise NotImplementedError
