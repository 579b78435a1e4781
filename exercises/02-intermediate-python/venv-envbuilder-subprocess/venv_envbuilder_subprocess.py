"""Virtual environments from code: venv.EnvBuilder, and asking the new Python about itself.

A virtual environment is a folder with its own site-packages and a `python`
that uses it; "activating" it only puts its bin/ folder first on PATH. Tools
(tox, nox, pre-commit, pipx) make and use environments without activating
anything: they create one with the venv module and run its interpreter by path.

1. `create_env(path, system_site_packages=False)` creates an environment at
   `path` with `venv.EnvBuilder` (with_pip=False: fast and offline;
   symlinks=True except on Windows, where os.name == "nt") and returns the
   path of its interpreter: path/"bin"/"python", or path/"Scripts"/"python.exe"
   on Windows. `system_site_packages` goes to EnvBuilder as is. If `path`
   exists and is not an empty folder, raise FileExistsError(f"{path} is not
   empty") before touching anything (never clear somebody's folder). A path
   with spaces or quotes in it must work.

2. `interpreter_facts(python)` runs that interpreter in a subprocess, by path
   (an argument LIST, no shell: paths may hold spaces and quotes), with `-c`
   and a small program that prints a JSON object, and returns it parsed:

       {"prefix": sys.prefix, "base_prefix": sys.base_prefix,
        "in_venv": sys.prefix != sys.base_prefix,
        "version": [major, minor] of sys.version_info}

   If the interpreter fails (exit status not 0), the
   subprocess.CalledProcessError goes on (`check=True`).

       python = create_env(tmp / "build env")
       interpreter_facts(python)["in_venv"]       # -> True
"""

from pathlib import Path
from typing import Any


def create_env(path: Path, system_site_packages: bool = False) -> Path:
    """Create a virtual environment at path; return its interpreter's path."""
    # TODO: refuse a non-empty folder, venv.EnvBuilder(...).create(path), the interpreter path.
    raise NotImplementedError


def interpreter_facts(python: Path) -> dict[str, Any]:
    """Ask an interpreter for its prefix, base prefix and version, as a dict."""
    # TODO: subprocess.run([str(python), "-c", CODE], check=True, capture_output=True,
    #       text=True), then json.loads of its stdout.
    raise NotImplementedError
