"""Render one page of the static site; the Makefile builds them all."""

import html
import sys
from pathlib import Path


def render(text: str) -> str:
    """Return the HTML of one page: an <h1> title, then one <p> per paragraph."""
    title, *body = text.splitlines() or [""]
    if not title.strip():
        raise ValueError("empty title")
    parts = [f"<h1>{html.escape(title.strip())}</h1>\n"]
    paragraph: list[str] = []
    for line in [*body, ""]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            parts.append(f"<p>{html.escape(' '.join(paragraph))}</p>\n")
            paragraph = []
    return "".join(parts)


def main(argv: list[str]) -> int:
    """Render the page argv[0] into the file argv[1] (done: do not change it)."""
    source, target = argv
    with open(target, "w", encoding="utf-8") as out:
        out.write(render(Path(source).read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
