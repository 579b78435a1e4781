"""Sphinx configuration of the relnotes documentation."""

# TODO: put the src/ folder (next to docs/) on sys.path, so autodoc can import relnotes

project = "relnotes"

# TODO: release = relnotes.__version__ ; extensions = ["sphinx.ext.autodoc"]
