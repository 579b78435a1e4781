"""Sphinx configuration of the relnotes documentation."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from relnotes import __version__  # noqa: E402

project = "relnotes"
release = __version__
extensions = ["sphinx.ext.autodoc"]
