"""Register plugin classes with a metaclass and with __init_subclass__ (reference solution)."""

from typing import Any


# --- Part 1: a metaclass -------------------------------------------------------------------

class PluginMeta(type):
    def __init__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any):
        super().__init__(name, bases, namespace, **kwargs)
        if not bases:
            return
        if "name" not in namespace:
            raise TypeError(f"{name} must define a 'name'")
        if cls.name in cls.plugins:
            taken_by = cls.plugins[cls.name].__name__
            raise ValueError(f"plugin name {cls.name!r} is already taken by {taken_by}")
        cls.plugins[cls.name] = cls


class Plugin(metaclass=PluginMeta):
    plugins: dict[str, type["Plugin"]] = {}
    name: str

    def run(self, text: str) -> str:
        raise NotImplementedError


# --- Part 2: __init_subclass__ -------------------------------------------------------------

class Exporter:
    registry: dict[str, type["Exporter"]] = {}
    fmt: str

    def __init_subclass__(cls, *, fmt: str, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        if fmt in Exporter.registry:
            raise ValueError(f"format {fmt!r} is already taken by {Exporter.registry[fmt].__name__}")
        cls.fmt = fmt
        Exporter.registry[fmt] = cls

    @classmethod
    def for_format(cls, fmt: str) -> "Exporter":
        try:
            return cls.registry[fmt]()
        except KeyError:
            raise LookupError(f"no exporter for format {fmt!r}") from None

    def export(self, rows: list[dict[str, Any]]) -> str:
        raise NotImplementedError
