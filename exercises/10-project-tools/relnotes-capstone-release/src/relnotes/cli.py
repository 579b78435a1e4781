"""The relnotes command: ``relnotes RELEASE [FILE]``.

``main(argv=None)`` parses argv with argparse (prog "relnotes"): a positional RELEASE,
an optional positional FILE of commit subjects, one per line (read as UTF-8; without
it, read standard input), and ``--version`` printing "relnotes 2.1.0" (the package's
``__version__``). It prints ``render(RELEASE, lines)`` exactly (no extra newline) and
returns 0. An unreadable FILE (OSError) or an invalid RELEASE (ValueError) prints
"relnotes: <the error>" to standard error and returns 2.
"""


def main(argv: list[str] | None = None) -> int:
    """Print the release notes of RELEASE from the commit subjects in FILE (or stdin)."""
    # TODO
    raise NotImplementedError
