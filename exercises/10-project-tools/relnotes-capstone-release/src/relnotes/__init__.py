"""relnotes: turn commit subjects into Markdown release notes."""

__version__ = "2.1.0"
