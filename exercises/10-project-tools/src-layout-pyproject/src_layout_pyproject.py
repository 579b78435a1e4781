"""Lay out a project the modern way: src/ layout, pyproject.toml, an entry point.

Next to this file is a small project, tally, that counts words:

    pyproject.toml         the project file: how to build it, its metadata   <- TODO
    src/
        tally/
            __init__.py    __version__ = "0.3.0"                             (done)
            core.py        top_words()                                       (done)
            cli.py         main(argv), the command line tool                 (done)
            __main__.py    makes `python -m tally` work                      <- TODO

1. Fill in the TODOs of pyproject.toml and of src/tally/__main__.py.
2. Here, write three helpers that read a project the way pip and setuptools do:

   * ``load_pyproject(root)``: the parsed pyproject.toml in the folder root, as a dict.
   * ``resolve_object("pkg.module:attr")``: import pkg.module and return its attribute
     (the attribute part may be dotted: "email.message:Message.get_payload").
     Without a ':' raise ValueError("expected 'module:attribute', got ...").
   * ``project_version(root)``: the version, either written in [project] as
     ``version = "1.2.0"``, or listed in ``dynamic = ["version"]`` and read from
     ``[tool.setuptools.dynamic] version = {attr = "pkg.__version__"}`` (the module
     part may be dotted: "pkg.about.VERSION"). Neither: raise a ValueError that
     names the file, f"{root / 'pyproject.toml'} declares no version"; an attr
     alone, without "version" in dynamic, does not count.

    >>> resolve_object("tally.cli:main")     # with src/ on sys.path, as tests do
    <function main at 0x...>

The tests put src/ on sys.path themselves, as ``pip install -e .`` would.
"""

from pathlib import Path
from typing import Any

# TODO: import what you need (tomllib, importlib)


def load_pyproject(root: Path) -> dict[str, Any]:
    """Return the parsed pyproject.toml of the project in root."""
    # TODO
    raise NotImplementedError


def resolve_object(reference: str) -> Any:
    """Import and return the object named by 'module.path:attribute.path'."""
    # TODO
    raise NotImplementedError


def project_version(root: Path) -> str:
    """Return the project's version, static or dynamic (setuptools attr)."""
    # TODO
    raise NotImplementedError
