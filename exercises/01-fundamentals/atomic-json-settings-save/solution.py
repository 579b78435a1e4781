"""File handling: save a JSON settings file so that a crash never breaks it."""

import json
import os
import shutil
import tempfile
from pathlib import Path


def save_json_atomic(path: Path, data: object, *, backup: bool = True) -> None:
    """Replace the JSON file at `path` with `data`, atomically."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    fd, temp_name = tempfile.mkstemp(dir=path.parent)
    try:
        with open(fd, "w", encoding="utf-8") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(temp_name, path)
    except BaseException:
        os.unlink(temp_name)
        raise


def load_json(path: Path, default: object = None) -> object:
    """Return the data stored at `path`, or `default` if there is no such file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return default
    return json.loads(text)
