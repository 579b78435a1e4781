"""Register plugin classes automatically: first with a metaclass, then with __init_subclass__.

A metaclass is the class of a class (`type(Upper) is PluginMeta`). When a class statement ends,
Python calls the metaclass to build the class, so its `__init__` sees every new class the moment
it is defined - the natural place to put it in a registry, with no decorator to forget.

Part 1 - `PluginMeta.__init__` registers each class it creates, except the root `Plugin` itself,
in `Plugin.plugins` under the `name` set in the class body:

    class Upper(Plugin):
        name = "upper"
        def run(self, text): return text.upper()

    Plugin.plugins == {"upper": Upper}

  - a class whose own body sets no `name` (inheriting one does not count):
        TypeError("Shout must define a 'name'")
  - a name that is taken:  ValueError("plugin name 'upper' is already taken by Upper")

Part 2 - the same without a metaclass. `Exporter.__init_subclass__` runs for every new subclass
and receives the keyword arguments of the class statement:

    class CsvExporter(Exporter, fmt="csv"): ...

    Exporter.registry == {"csv": CsvExporter};  CsvExporter.fmt == "csv"
    Exporter.for_format("csv")  -> a new CsvExporter()

  - no fmt=... in the class statement: TypeError
  - other keywords of the class statement are not yours: hand them on with
    `super().__init_subclass__(**kwargs)`, so another base class's hook gets them
  - a taken format:  ValueError("format 'csv' is already taken by CsvExporter")
  - Exporter.for_format("xml"):  LookupError("no exporter for format 'xml'")
"""

from typing import Any


# --- Part 1: a metaclass -------------------------------------------------------------------

class PluginMeta(type):
    def __init__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any):
        super().__init__(name, bases, namespace, **kwargs)
        # TODO: skip the root class (it has no bases).
        # TODO: TypeError when the class body does not define `name`; ValueError when it is taken.
        # TODO: register the class in cls.plugins.


class Plugin(metaclass=PluginMeta):
    plugins: dict[str, type["Plugin"]] = {}
    name: str

    def run(self, text: str) -> str:
        raise NotImplementedError


# --- Part 2: __init_subclass__ -------------------------------------------------------------

class Exporter:
    registry: dict[str, type["Exporter"]] = {}
    fmt: str

    def __init_subclass__(cls, **kwargs: Any):
        # TODO: accept a keyword-only `fmt`, check it is free, store it on cls and register cls.
        super().__init_subclass__(**kwargs)

    @classmethod
    def for_format(cls, fmt: str) -> "Exporter":
        # TODO: a new instance of the class registered for fmt (LookupError if none).
        raise NotImplementedError

    def export(self, rows: list[dict[str, Any]]) -> str:
        raise NotImplementedError
