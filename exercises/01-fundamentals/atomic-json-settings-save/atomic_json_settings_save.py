"""File handling: save a JSON settings file so that a crash never breaks it.

`open(path, "w")` empties the file the moment it opens it. If the program
then crashes, or json.dump raises halfway through, the user's settings are
gone. Professionals save in three steps: write the new content to a
temporary file IN THE SAME FOLDER, force it to disk, then swap it in with
os.replace, which replaces the old file in one atomic step (on one file
system: that is why the temporary file must sit in the same folder).

    path = Path("settings.json")
    save_json_atomic(path, {"theme": "dark", "font_size": 0})
    save_json_atomic(path, {"theme": "light"})
    load_json(path, default={})                 # -> {"theme": "light"}
    path.with_name("settings.json.bak")         # holds the previous version

save_json_atomic(path, data, *, backup=True) -> None
- The file's text is json.dumps(data, indent=2, ensure_ascii=False) plus a
  final "\n", written as UTF-8 (say encoding="utf-8": the default depends
  on the machine). "café" is stored as the UTF-8 bytes of é, not as \\u00e9.
- Write it to a new temporary file in path's folder (tempfile.mkstemp with
  dir=path.parent), flush it and os.fsync() it, then os.replace() it onto
  `path`.
- If `path` already exists and `backup` is true, first COPY its current
  content to "<name>.bak" next to it (settings.json -> settings.json.bak),
  replacing an older backup. Copy, never rename: `path` must exist at every
  moment, so a crash between two steps still leaves the old settings.
- If anything fails (data that JSON cannot store, such as a set; a full
  disk; os.replace raising; even KeyboardInterrupt), the old file is left
  exactly as it was, the temporary file is removed, and the exception
  propagates unchanged.

load_json(path, default=None)
- Returns the data stored in `path` (read as UTF-8). If the file does not
  exist, returns `default`. A file holding [], {} or 0 returns that value:
  empty data is still data. Invalid JSON raises (json.JSONDecodeError).
"""

import json
import os
import shutil
import tempfile
from pathlib import Path


def save_json_atomic(path: Path, data: object, *, backup: bool = True) -> None:
    """Replace the JSON file at `path` with `data`, atomically."""
    # TODO: this is the unsafe way. Write to a temp file in the same folder,
    #       flush + fsync, back up the old file by copying, then os.replace.
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2, ensure_ascii=False)
        file.write("\n")


def load_json(path: Path, default: object = None) -> object:
    """Return the data stored at `path`, or `default` if there is no such file."""
    # TODO: read the file; a missing file gives `default`.
    raise NotImplementedError
