"""Read a unified diff the way a code-review tool does."""
import re
from dataclasses import dataclass, field

HUNK_HEADER = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@dataclass
class FileDiff:
    path: str
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    context: list[int] = field(default_factory=list)


def git_path(field: str) -> str:
    path = field.split("\t")[0]
    if path.startswith('"'):
        raw_bytes = path[1:-1].encode().decode("unicode_escape").encode("latin-1")
        path = raw_bytes.decode()
    if path[:2] in ("a/", "b/"):
        return path[2:]
    return path


def parse_diff(text: str) -> list[FileDiff]:
    files: list[FileDiff] = []
    old_path = ""
    old_left = new_left = 0
    for line in text.removesuffix("\n").split("\n"):
        if old_left or new_left:
            current = files[-1]
            if line.startswith("+"):
                current.added.append(new_no)
                new_no, new_left = new_no + 1, new_left - 1
            elif line.startswith("-"):
                current.removed.append(old_no)
                old_no, old_left = old_no + 1, old_left - 1
            elif line.startswith(" ") or line == "":
                current.context.append(new_no)
                old_no, new_no = old_no + 1, new_no + 1
                old_left, new_left = old_left - 1, new_left - 1
            elif not line.startswith("\\"):
                raise ValueError(f"hunk is shorter than its header says, before {line!r}")
        elif line.startswith("--- "):
            old_path = git_path(line[4:])
        elif line.startswith("+++ "):
            new_path = git_path(line[4:])
            files.append(FileDiff(old_path if new_path == "/dev/null" else new_path))
        elif line.startswith("@@"):
            match = HUNK_HEADER.match(line)
            if match is None or not files:
                raise ValueError(f"malformed hunk header: {line!r}")
            old_start, old_count, new_start, new_count = match.groups()
            old_no, new_no = int(old_start), int(new_start)
            old_left = 1 if old_count is None else int(old_count)
            new_left = 1 if new_count is None else int(new_count)
    if old_left or new_left:
        raise ValueError("hunk is shorter than its header says: the diff ends inside it")
    return files


def shortstat(files: list[FileDiff]) -> str:
    if not files:
        return "0 files changed"
    insertions = sum(len(f.added) for f in files)
    deletions = sum(len(f.removed) for f in files)
    parts = [f"{len(files)} file{'s' if len(files) != 1 else ''} changed"]
    if insertions or not deletions:
        parts.append(f"{insertions} insertion{'s' if insertions != 1 else ''}(+)")
    if deletions or not insertions:
        parts.append(f"{deletions} deletion{'s' if deletions != 1 else ''}(-)")
    return ", ".join(parts)


def comment_target(files: list[FileDiff], path: str, line: int) -> str:
    for diff in files:
        if diff.path == path:
            if line in diff.added:
                return "added"
            if line in diff.context:
                return "context"
            raise ValueError(f"line {line} of {path} is not part of the diff")
    raise ValueError(f"{path} is not changed in this diff")
