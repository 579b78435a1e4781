"""Metaclasses: __prepare__ catches a name defined twice; __init_subclass__ registers."""

from typing import Any, ClassVar


class UniqueNamespace(dict[str, Any]):
    """A class-body namespace that refuses to bind a name twice."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self and not (isinstance(self[key], property) and isinstance(value, property)):
            raise TypeError(f"{key!r} is defined twice in the class body")
        super().__setitem__(key, value)


class StrictMeta(type):
    @classmethod
    def __prepare__(mcls, name: str, bases: tuple[type, ...], **kwargs: Any) -> UniqueNamespace:
        return UniqueNamespace()

    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> "StrictMeta":
        return super().__new__(mcls, name, bases, dict(namespace), **kwargs)


class Command(metaclass=StrictMeta):
    """Base class of CLI commands; subclasses register with command="name"."""

    registry: ClassVar[dict[str, type["Command"]]] = {}
    command: ClassVar[str]

    def __init_subclass__(cls, *, command: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if command in Command.registry:
            raise ValueError(f"command {command!r} is already taken by {Command.registry[command].__name__}")
        cls.command = command
        Command.registry[command] = cls
