"""Guard a package's structure: its import graph, layer rules and import cycles.

A well-organised package has layers: the command line on top, services in the middle,
the core (models, rules) at the bottom. Upper layers import lower ones, never the other
way round, and there are no import cycles (they break at import time, or work by luck
of import order). Tools such as import-linter check this in CI; write a small one with
``ast`` (never import the code you check: importing runs it).

The package lives under a folder root, e.g. root/shop/__init__.py, root/shop/cli.py,
root/shop/core/models.py.

1. ``module_name(root, path)``: "shop.core.models" for root/shop/core/models.py;
   an __init__.py names its package (root/shop/core/__init__.py -> "shop.core").
2. ``internal_imports(root, path)``: the set of modules of the SAME top-level package
   (compare the first dotted part exactly: "shopping" is not "shop") that the module
   imports, itself excluded:
   * ``import shop.core.models [as m]`` -> "shop.core.models";
   * ``from X import name`` -> "X.name" if that is a module or a package under root
     (a file X/name.py or a folder X/name/ with an __init__.py), else "X";
   * relative imports start from the module's package (for an __init__.py, its own
     package): in shop/services/orders.py ``from . import x`` has X = "shop.services",
     ``from ..core.models import Item`` has X = "shop.core.models". Going above the
     top-level package: ValueError("... relative import beyond the top-level package");
   * imports inside functions count (they run); imports in the body of
     ``if TYPE_CHECKING:`` or ``if typing.TYPE_CHECKING:`` do not (they never run),
     but its ``else:`` does.
3. ``import_graph(root, package)``: {module name: internal_imports} for every .py file
   under root/package.
4. ``layer_violations(graph, layers)``: layers are listed top first, e.g.
   ["shop.cli", "shop.services", "shop.core"]; a module is in a layer when its name is
   the layer or starts with the layer plus "." ("shop.core_utils" is not in "shop.core").
   A module may import its own layer and those below; each import of a HIGHER layer is
   a violation "importer -> imported"; modules in no layer are not checked. Sorted.
5. ``find_cycle(graph)``: depth-first search, starting modules in sorted order and
   following each module's imports in sorted order; on reaching a module already on the
   current path, return the cycle from it: ["a", "b", "a"]. None when there is no cycle.
   Search each module to the end only once (remember the finished ones): real import
   graphs share modules, and searching them again along every path takes forever.

    >>> layer_violations({"shop.core.prices": {"shop.services.orders"}},
    ...                  ["shop.cli", "shop.services", "shop.core"])
    ['shop.core.prices -> shop.services.orders']
"""

from pathlib import Path

# TODO: import ast


def module_name(root: Path, path: Path) -> str:
    """'root/shop/core/models.py' -> 'shop.core.models'; an __init__.py names its package."""
    # TODO
    raise NotImplementedError


def internal_imports(root: Path, path: Path) -> set[str]:
    """The modules of the same top-level package that the module at path imports."""
    # TODO: walk the tree yourself, so that you can skip `if TYPE_CHECKING:` bodies
    raise NotImplementedError


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """{module: its internal imports} for every module of the package under root."""
    # TODO
    raise NotImplementedError


def layer_violations(graph: dict[str, set[str]], layers: list[str]) -> list[str]:
    """'importer -> imported' for each import of a higher layer by a lower one, sorted."""
    # TODO
    raise NotImplementedError


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """The first import cycle a sorted depth-first search meets, as [a, b, ..., a]; or None."""
    # TODO
    raise NotImplementedError
