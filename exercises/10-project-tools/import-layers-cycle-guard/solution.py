"""Guard a package's structure: its import graph, layer rules and import cycles."""

import ast
from pathlib import Path


def module_name(root: Path, path: Path) -> str:
    """'root/shop/core/models.py' -> 'shop.core.models'; an __init__.py names its package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(root: Path, name: str) -> bool:
    base = root.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def is_type_checking(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_nodes(tree: ast.AST):
    """Every node, except the bodies of `if TYPE_CHECKING:` (they never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if is_type_checking(node):
            stack.extend(node.orelse)
        else:
            stack.extend(ast.iter_child_nodes(node))


def internal_imports(root: Path, path: Path) -> set[str]:
    """The modules of the same top-level package that the module at path imports."""
    name = module_name(root, path)
    top = name.split(".")[0]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == top)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                if node.level > len(parts):
                    raise ValueError(f"{name}: relative import beyond the top-level package")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.split(".")[0] != top:
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                found.add(submodule if is_module(root, submodule) else target)
    found.discard(name)
    return found


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """{module: its internal imports} for every module of the package under root."""
    return {
        module_name(root, path): internal_imports(root, path)
        for path in sorted((root / package).rglob("*.py"))
    }


def layer_of(module: str, layers: list[str]) -> int | None:
    for position, layer in enumerate(layers):
        if module == layer or module.startswith(layer + "."):
            return position
    return None


def layer_violations(graph: dict[str, set[str]], layers: list[str]) -> list[str]:
    """'importer -> imported' for each import of a higher layer by a lower one, sorted."""
    violations = []
    for importer, imported in graph.items():
        low = layer_of(importer, layers)
        for target in imported:
            high = layer_of(target, layers)
            if low is not None and high is not None and high < low:
                violations.append(f"{importer} -> {target}")
    return sorted(violations)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """The first import cycle a sorted depth-first search meets, as [a, b, ..., a]; or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if target in path:
                return path[path.index(target) :] + [target]
            if target not in done:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        if module not in done:
            cycle = visit(module)
            if cycle:
                return cycle
    return None
