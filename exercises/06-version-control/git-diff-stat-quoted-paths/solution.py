import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

HUNK_LINE = re.compile(r"[ +\-\\]")


@dataclass
class FileStat:
    path: str
    old_path: str | None = None
    added: int | None = 0
    deleted: int | None = 0


def unquote(name: str) -> str:
    if not name.startswith('"'):
        return name
    return name[1:-1].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def git_line_path(rest: str) -> str:
    """The path of 'diff --git a/P b/P' (both names are the same)."""
    if rest.startswith('"'):
        return unquote(rest[: rest.index('" ') + 1])[2:]
    return rest[2 : len(rest) // 2]


def diff_stats(patch: str) -> list[FileStat]:
    stats: list[FileStat] = []
    in_hunks = False
    for line in patch.splitlines():
        if line.startswith("diff --git "):
            stats.append(FileStat(git_line_path(line[len("diff --git "):])))
            in_hunks = False
        elif not stats:
            if line:
                raise ValueError(f"not a git diff: {line!r}")
        elif in_hunks and HUNK_LINE.match(line):
            if line[0] == "+":
                stats[-1].added += 1
            elif line[0] == "-":
                stats[-1].deleted += 1
        elif line.startswith("@@"):
            in_hunks = True
        elif line.startswith("rename from "):
            stats[-1].old_path = unquote(line[len("rename from "):])
        elif line.startswith("rename to "):
            stats[-1].path = unquote(line[len("rename to "):])
        elif line.startswith("Binary files "):
            stats[-1].added = stats[-1].deleted = None
    return stats


def git_diff_stats(repo: Path, base: str, head: str) -> list[FileStat]:
    output = subprocess.run(
        ["git", "diff", "-M", base, head], cwd=repo, capture_output=True, check=True
    ).stdout.decode("utf-8", errors="replace")
    return diff_stats(output)
