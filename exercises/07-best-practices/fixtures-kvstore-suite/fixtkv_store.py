"""Two key-value stores with ONE contract: the code your tests are about. Do not edit.

MemoryStore keeps the pairs in a dict; FileStore also writes them to a JSON file after every
change, so a new FileStore on the same path sees them. Everything the docstrings below say
holds for BOTH classes (that is what "one contract" means).
"""

import json
from pathlib import Path


class MemoryStore:
    """A key-value store of strings, in memory. Each store has its own pairs."""

    def __init__(self) -> None:
        self._data: dict[str, str] = {}

    def set(self, key: str, value: str) -> None:
        """Store value under key (replacing an old one). An empty key raises ValueError."""
        if not key:
            raise ValueError("key must be a non-empty string")
        self._data[key] = value
        self._changed()

    def get(self, key: str, default: str | None = None) -> str | None:
        """The value stored under key, or default when there is none (a stored "" is a value)."""
        return self._data.get(key, default)

    def delete(self, key: str) -> None:
        """Remove key; a key that is not stored raises KeyError."""
        del self._data[key]
        self._changed()

    def keys(self) -> list[str]:
        """Every stored key, sorted."""
        return sorted(self._data)

    def _changed(self) -> None:
        """Called after every change; MemoryStore keeps nothing anywhere else."""


class FileStore(MemoryStore):
    """The same store, saved as UTF-8 JSON at `path` after every set and delete.

    A FileStore opened on a path that holds a file starts with that file's pairs; on a path
    with no file it starts empty. Any text survives, "café" and "東京" included.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)
        if self.path.exists():
            self._data = json.loads(self.path.read_text(encoding="utf-8"))

    def _changed(self) -> None:
        self.path.write_text(json.dumps(self._data, ensure_ascii=False), encoding="utf-8")
