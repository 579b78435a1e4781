"""Validate attribute types with a data descriptor (reference solution)."""

from typing import Any

_MISSING = object()  # marks "no default given" (None could be a real default)


class Typed:
    def __init__(self, *types: type, default: Any = _MISSING) -> None:
        if not types:
            raise ValueError("Typed needs at least one type")
        if type(default).__hash__ is None:
            # one Typed serves every instance: a list default would be one list for all of them
            raise ValueError(f"mutable default {type(default).__name__} would be shared by every instance")
        self.types = types
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            if self.default is _MISSING:
                raise AttributeError(
                    f"{type(obj).__name__!r} object has no attribute {self.name!r}"
                ) from None
            return self.default

    def __set__(self, obj: Any, value: Any) -> None:
        is_stray_bool = isinstance(value, bool) and bool not in self.types
        if is_stray_bool or not isinstance(value, self.types):
            allowed = " or ".join(t.__name__ for t in self.types)
            raise TypeError(f"{self.name} must be {allowed}, got {type(value).__name__}")
        obj.__dict__[self.name] = value
