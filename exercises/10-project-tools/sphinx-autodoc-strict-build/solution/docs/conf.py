"""Sphinx configuration of the durations documentation (docs/conf.py)."""

import sys
from pathlib import Path

# The module lives one folder up: make it importable for autodoc.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sphinx_autodoc_strict_build import __version__  # noqa: E402

project = "durations"
release = __version__  # one source of truth: the package's own version
extensions = ["sphinx.ext.autodoc"]
