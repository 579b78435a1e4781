"""Virtual environments from code: venv.EnvBuilder, and asking the new Python about itself."""

import json
import os
import subprocess
import venv
from pathlib import Path
from typing import Any

_FACTS = """\
import json, sys
print(json.dumps({
    "prefix": sys.prefix,
    "base_prefix": sys.base_prefix,
    "in_venv": sys.prefix != sys.base_prefix,
    "version": list(sys.version_info[:2]),
}))
"""


def create_env(path: Path, system_site_packages: bool = False) -> Path:
    """Create a virtual environment at path; return its interpreter's path."""
    path = Path(path)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise FileExistsError(f"{path} is not empty")
    windows = os.name == "nt"
    builder = venv.EnvBuilder(
        system_site_packages=system_site_packages, with_pip=False, symlinks=not windows
    )
    builder.create(path)
    return path / "Scripts" / "python.exe" if windows else path / "bin" / "python"


def interpreter_facts(python: Path) -> dict[str, Any]:
    """Ask an interpreter for its prefix, base prefix and version, as a dict."""
    completed = subprocess.run(
        [str(python), "-c", _FACTS], check=True, capture_output=True, text=True
    )
    return json.loads(completed.stdout)
