"""Sphinx configuration of the durations documentation (docs/conf.py)."""

# TODO 1: Sphinx runs this file from docs/, but sphinx_autodoc_strict_build.py is one
#         folder up: put that folder at the front of sys.path (use __file__).

project = "durations"

# TODO 2: release = the module's own __version__ (import it; never copy the number here).

# TODO 3: turn on the extension that reads docstrings: extensions = [...]
