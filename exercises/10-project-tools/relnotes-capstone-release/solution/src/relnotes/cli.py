"""The relnotes command: ``relnotes RELEASE [FILE]``.

``main(argv=None)`` parses argv with argparse (prog "relnotes"): a positional RELEASE,
an optional positional FILE of commit subjects, one per line (read as UTF-8; without
it, read standard input), and ``--version`` printing "relnotes 2.1.0" (the package's
``__version__``). It prints ``render(RELEASE, lines)`` exactly (no extra newline) and
returns 0. An unreadable FILE (OSError) or an invalid RELEASE (ValueError) prints
"relnotes: <the error>" to standard error and returns 2.
"""

import argparse
import sys
from pathlib import Path

from . import __version__
from .core import render


def main(argv: list[str] | None = None) -> int:
    """Print the release notes of RELEASE from the commit subjects in FILE (or stdin)."""
    parser = argparse.ArgumentParser(prog="relnotes")
    parser.add_argument("release")
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args = parser.parse_args(argv)
    try:
        if args.file is None:
            text = sys.stdin.read()
        else:
            text = args.file.read_text(encoding="utf-8")
        print(render(args.release, text.splitlines()), end="")
    except (OSError, ValueError) as error:
        print(f"relnotes: {error}", file=sys.stderr)
        return 2
    return 0
