"""Keep CHANGELOG.md: the newest release first."""
from pathlib import Path

TITLE = "# Changelog\n"


def prepend_entry(path: Path, version: str, notes: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else TITLE
    if not text.startswith(TITLE):
        raise ValueError(f"{path.name} does not start with {TITLE.strip()!r}")
    for line in text.splitlines():
        if line == f"## {version}" or line.startswith(f"## {version} "):
            raise ValueError(f"{path.name} already has an entry for {version}")
    older = text[len(TITLE):].lstrip()
    new = TITLE + "\n" + notes + ("\n" + older if older else "")
    path.write_text(new, encoding="utf-8")
