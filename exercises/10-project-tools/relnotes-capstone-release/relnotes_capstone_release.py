"""Capstone: ship relnotes, a small tool, as a real package: build, inspect, install, document.

relnotes turns commit subjects into Markdown release notes:

    $ printf 'feat(cli): add --json\\nfix: handle empty input\\n' | relnotes 2.1.0
    # Release 2.1.0

    ## Features

    - cli: add --json

    ## Bug fixes

    - handle empty input

The project lives next to this file (src layout). Done for you: README.md,
src/relnotes/__init__.py (``__version__``), __main__.py, templates/notes.md (the
template of the notes) and py.typed (the package has type hints). Yours:

1. src/relnotes/core.py and src/relnotes/cli.py: their docstrings say what to write.
   core.py reads its template with ``importlib.resources``, so it works once installed.
2. pyproject.toml: build with setuptools (>=61) ; name "relnotes"; the version is
   DYNAMIC, read from ``relnotes.__version__`` (one source of truth: the tests change
   __init__.py and expect the wheel to follow); description, readme, requires-python
   ">=3.10", dependencies: packaging 22 or newer; a console script ``relnotes`` that
   calls ``relnotes.cli:main``; packages found under src/; package data: the template
   and py.typed (without it they are missing from the wheel and the installed tool
   crashes).
3. MANIFEST.in: the sdist (the source release) must also hold tests/ and docs/, and no
   bytecode; setuptools leaves them out by default. A .env file of secrets next to
   pyproject.toml must end up in neither archive.
4. docs/conf.py and docs/index.rst: Sphinx documentation built with ``-W`` (warnings are
   errors): conf.py puts src/ on sys.path, turns on ``sphinx.ext.autodoc`` and takes
   ``release`` from ``relnotes.__version__``; index.rst shows ``|release|`` and documents
   ``relnotes.core``'s ``group`` and ``render`` with autodoc.
5. Here, the release helpers a Makefile or CI job would call:

   * ``build_dists(project, outdir)``: run ``python -m build --no-isolation --outdir
     OUTDIR PROJECT`` with ``sys.executable`` (``subprocess.run``, output captured);
     if it fails raise RuntimeError("python -m build failed:\\n" + its output). If
     outdir exists and is not empty, raise ValueError("... is not empty ...") BEFORE
     building: a stale wheel from an old build must never pass for the new one.
     Return (the .tar.gz path, the .whl path).
   * ``install_wheel(wheel, target)``: ``python -m pip install --no-index --no-deps
     --target TARGET WHEEL`` (offline; add ``--no-cache-dir``); RuntimeError("pip
     install failed:\\n" + output) if it fails.
   * ``archive_names(archive)``: the sorted FILE names (not folders) in a .whl (a zip)
     or a .tar.gz sdist (a tar); for an sdist drop the top "NAME-VERSION/" folder
     ("relnotes-2.1.0/src/relnotes/cli.py" -> "src/relnotes/cli.py"). Anything else:
     ValueError("not a wheel or an sdist: NAME").

The tests copy the project to a temporary folder, add tests/ and a .env, build it
ONCE, install the wheel into an empty folder and run the installed ``relnotes`` from
there, then run Sphinx once. Try it yourself: ``python -m build --no-isolation``.
"""

from pathlib import Path

# TODO: import what you need (subprocess, sys, tarfile, zipfile)


def build_dists(project: Path, outdir: Path) -> tuple[Path, Path]:
    """Build project's sdist and wheel into outdir; return (sdist, wheel)."""
    # TODO
    raise NotImplementedError


def install_wheel(wheel: Path, target: Path) -> None:
    """Install the wheel, without its dependencies and offline, into the folder target."""
    # TODO
    raise NotImplementedError


def archive_names(archive: Path) -> list[str]:
    """The sorted files of a wheel, or of an sdist without its top NAME-VERSION/ folder."""
    # TODO
    raise NotImplementedError
