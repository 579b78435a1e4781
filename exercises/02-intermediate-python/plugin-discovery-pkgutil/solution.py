"""Plugins: find and import every module of a package at run time."""

import importlib
import pkgutil
from collections.abc import Callable


def discover(package_name: str) -> dict[str, Callable[[str], str]]:
    """Import every public module of the package; return {NAME: run} in module-name order."""
    package = importlib.import_module(package_name)
    if not hasattr(package, "__path__"):
        raise TypeError(f"{package_name} is not a package")
    names = sorted(info.name for info in pkgutil.iter_modules(package.__path__))
    plugins: dict[str, Callable[[str], str]] = {}
    defined_by: dict[str, str] = {}
    for name in names:
        if name.startswith("_"):
            continue
        module_name = f"{package_name}.{name}"
        module = importlib.import_module(module_name)
        plugin_name = getattr(module, "NAME", None)
        run = getattr(module, "run", None)
        if not isinstance(plugin_name, str) or not callable(run):
            raise TypeError(f"{module_name} is not a plugin: it needs NAME and run()")
        if plugin_name in defined_by:
            raise ValueError(
                f"plugin name {plugin_name!r} is defined by both "
                f"{defined_by[plugin_name]} and {module_name}"
            )
        defined_by[plugin_name] = module_name
        plugins[plugin_name] = run
    return plugins
