"""Fix a Makefile so that ``make`` rebuilds exactly what changed, with real GNU make.

A tiny static site: every ``pages/NAME.txt`` becomes ``build/NAME.html``. This module
renders one page (``python makefile_pages_incremental.py pages/a.txt build/a.html``);
the Makefile next to it, written by a colleague, builds the site:

    all: build
    build:
    <TAB>mkdir -p build
    <TAB>for f in pages/*.txt; do $(PYTHON) makefile_pages_incremental.py ...; done

It works once, then never again: ``build`` is a folder, and once it exists make thinks
the target is up to date, whatever you edit. Your work:

1. ``render(text)``: the first line is the title, the rest are paragraphs separated
   by blank lines (a paragraph's lines, each stripped, are joined with one space).
   Escape the text with ``html.escape``. A blank first line (or an empty text)
   raises ValueError("empty title").

       >>> render("Tea & cake\\n\\nFirst line\\nsame paragraph\\n\\n\\nSecond\\n")
       '<h1>Tea &amp; cake</h1>\\n<p>First line same paragraph</p>\\n<p>Second</p>\\n'

2. Rewrite the Makefile (keep the recipe lines indented with a TAB) so that, run as
   ``make PYTHON=/path/to/python`` (use ``$(PYTHON)`` in recipes):
   * ``make`` (the first target, ``all``) builds build/NAME.html for every
     pages/NAME.txt (find them with ``$(wildcard ...)``; ``$(patsubst ...)`` or a
     pattern rule ``build/%.html: pages/%.txt`` turns one name into the other);
   * a second ``make`` rebuilds nothing: do NOT list the build folder as a normal
     prerequisite (a folder's time changes whenever a file is added to it); put it
     after a ``|`` (order-only) or ``mkdir -p`` in the recipe;
   * editing one page rebuilds only that page; a new page builds only the new one;
     editing makefile_pages_incremental.py rebuilds every page (it is a prerequisite);
   * ``make clean`` deletes the build folder, even when a file called ``clean``
     exists (declare ``.PHONY: all clean``);
   * a page that fails to render makes ``make`` fail and leaves NO build/NAME.html
     behind (``main`` opens the output before rendering, like many real tools; a
     half-written file would look up to date next time): GNU make's special target
     ``.DELETE_ON_ERROR:`` deletes the target of a failed recipe.
"""

import html
import sys
from pathlib import Path


def render(text: str) -> str:
    """Return the HTML of one page: an <h1> title, then one <p> per paragraph."""
    # TODO
    raise NotImplementedError


def main(argv: list[str]) -> int:
    """Render the page argv[0] into the file argv[1] (done: do not change it)."""
    source, target = argv
    with open(target, "w", encoding="utf-8") as out:
        out.write(render(Path(source).read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
