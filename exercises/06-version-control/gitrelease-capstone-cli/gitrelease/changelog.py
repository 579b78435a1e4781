"""Keep CHANGELOG.md, newest release first.

The file starts with the line "# Changelog", one blank line, then the
entries (each as render_notes writes it, ending with "\n"), separated by
one blank line:

    # Changelog

    ## 1.3.0 (2024-03-05)

    ### Features

    - search (aaaaaaa)

    ## 1.2.0 (2024-02-01)
    ...

prepend_entry(path, version, notes) puts notes first, above the older
entries, and writes the file (UTF-8). The older entries are everything
after the title line, without the blank lines before them (a file with no
blank line, or two, after its title comes out in the layout above). A missing file is created with the
title. It raises ValueError, writing nothing, when the file does not
start with "# Changelog\n", or when it already has a heading for that
version: a line that is "## 1.3.0" or starts with "## 1.3.0 " ("## 11.3.0"
or "1.3.0" in a sentence is not one).
"""
from pathlib import Path

TITLE = "# Changelog\n"


def prepend_entry(path: Path, version: str, notes: str) -> None:
    # TODO: read (or start from TITLE), check, put notes right after the title.
    raise NotImplementedError
