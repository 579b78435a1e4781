"""Lay out a project the modern way: src/ layout, pyproject.toml, an entry point."""

import importlib
import tomllib
from pathlib import Path
from typing import Any


def load_pyproject(root: Path) -> dict[str, Any]:
    """Return the parsed pyproject.toml of the project in root."""
    with open(root / "pyproject.toml", "rb") as file:
        return tomllib.load(file)


def resolve_object(reference: str) -> Any:
    """Import and return the object named by 'module.path:attribute.path'."""
    module_name, colon, attribute_path = reference.partition(":")
    if not colon or not module_name or not attribute_path:
        raise ValueError(f"expected 'module:attribute', got {reference!r}")
    obj = importlib.import_module(module_name)
    for attribute in attribute_path.split("."):
        obj = getattr(obj, attribute)
    return obj


def project_version(root: Path) -> str:
    """Return the project's version, static or dynamic (setuptools attr)."""
    data = load_pyproject(root)
    project = data.get("project", {})
    if "version" in project:
        return project["version"]
    if "version" in project.get("dynamic", []):
        dynamic = data.get("tool", {}).get("setuptools", {}).get("dynamic", {})
        if "version" in dynamic:
            module_name, _, attribute = dynamic["version"]["attr"].rpartition(".")
            return resolve_object(f"{module_name}:{attribute}")
    raise ValueError(f"{root / 'pyproject.toml'} declares no version")
