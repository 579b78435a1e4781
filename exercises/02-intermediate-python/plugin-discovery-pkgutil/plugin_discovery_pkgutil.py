"""Plugins: find and import every module of a package at run time.

An application keeps its plugins in a package, one module each:

    textplugins/
        __init__.py
        shout.py         NAME = "shout";   def run(text): return text.upper()
        reverse/         a subpackage is a plugin too: NAME and run in its __init__.py
        _helpers.py      a name starting with '_' is private: not a plugin
        README.txt       not a module at all

`discover(package_name)` imports the package, finds its modules with
`pkgutil.iter_modules(package.__path__)` (modules and subpackages, one level
deep), skips the names that start with '_', imports each one with
`importlib.import_module(f"{package_name}.{name}")`, and returns
{plugin NAME: its run function}, in the order of the MODULE names (sorted).

    discover("textplugins")          # -> {"reverse": <function>, "shout": <function>}
    discover("textplugins")["shout"]("hi")   # -> "HI"

Do not list the folder yourself (os.listdir, glob): a package can have no
__file__ and span several folders (a namespace package), and `__path__` is
where Python itself looks. Sort the names yourself: iter_modules goes folder
by folder.

Errors:
- a module that is not a package: TypeError(f"{package_name} is not a package");
- a plugin without a str NAME or a callable run:
  TypeError(f"{module_name} is not a plugin: it needs NAME and run()"),
  module_name being the full dotted name ("textplugins.broken");
- two plugins with the same NAME: ValueError(
  f"plugin name {name!r} is defined by both {first} and {second}"), with the
  full module names, first before second in sorted order;
- a package that does not exist: the ModuleNotFoundError goes on unchanged.
"""

from collections.abc import Callable


def discover(package_name: str) -> dict[str, Callable[[str], str]]:
    """Import every public module of the package; return {NAME: run} in module-name order."""
    # TODO: importlib.import_module, pkgutil.iter_modules(package.__path__), checks.
    raise NotImplementedError
