import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

MARKERS = {"<<<<<<<": "ours", "|||||||": "base", "=======": "theirs", ">>>>>>>": "end"}
MARKER = re.compile(r"(?:(?:<{7}|\|{7}|>{7})(?: [^\r\n]*)?|={7})\r?\n?")
MERGE = ["merge", "--no-ff", "--no-edit"]
UNMERGED = ["diff", "--name-only", "--diff-filter=U", "-z"]


class ConflictError(ValueError):
    """Conflict markers that do not form a conflict."""


@dataclass
class Conflict:
    ours: list[str]
    base: list[str] | None
    theirs: list[str]


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, encoding="utf-8")
    if check and result.returncode != 0:
        raise RuntimeError(f"git {args[0]} failed: {result.stderr.strip()}")
    return result


def three_way(base: str, ours: str, theirs: str) -> tuple[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for text in (ours, base, theirs):
            path = Path(folder, f"version{len(paths)}")
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        result = subprocess.run(
            ["git", "merge-file", "-p", "--diff3", "-L", "ours", "-L", "base", "-L", "theirs", *paths],
            capture_output=True,
        )
    if result.returncode > 127:
        raise RuntimeError(f"git merge-file failed: {result.stderr.decode().strip()}")
    return result.stdout.decode("utf-8"), result.returncode


def parse_conflicts(text: str) -> list[str | Conflict]:
    chunks: list[str | Conflict] = []
    section = None
    for line in text.splitlines(keepends=True):
        kind = MARKERS[line[:7]] if MARKER.fullmatch(line) else None
        if section is None:
            if kind == "ours":
                conflict = Conflict([], None, [])
                section = "ours"
            elif kind is not None:
                raise ConflictError(f"{line.rstrip()!r} outside a conflict")
            else:
                chunks.append(line)
        elif kind is None:
            getattr(conflict, section).append(line)
        elif kind == "base" and section == "ours":
            conflict.base = []
            section = "base"
        elif kind == "theirs" and section in ("ours", "base"):
            section = "theirs"
        elif kind == "end" and section == "theirs":
            chunks.append(conflict)
            section = None
        else:
            raise ConflictError(f"unexpected {line.rstrip()!r}")
    if section is not None:
        raise ConflictError("a conflict is not closed with >>>>>>>")
    return chunks


def resolve_union(text: str) -> str:
    out = []
    for chunk in parse_conflicts(text):
        if isinstance(chunk, str):
            out.append(chunk)
        else:
            out += chunk.ours + [line for line in chunk.theirs if line not in chunk.ours]
    return "".join(out)


def merge_branch(repo: Path, branch: str) -> str:
    merge = git(repo, *MERGE, branch, check=False)
    if merge.returncode != 0:
        unmerged = git(repo, *UNMERGED).stdout.split("\0")[:-1]
        if not unmerged:
            raise RuntimeError(f"git merge failed: {merge.stderr.strip()}")
        try:
            resolved = {name: resolve_union((repo / name).read_bytes().decode("utf-8")) for name in unmerged}
        except ConflictError:
            git(repo, "merge", "--abort")
            raise
        for name, text in resolved.items():
            (repo / name).write_bytes(text.encode("utf-8"))
        git(repo, "add", "--", *unmerged)
        git(repo, "commit", "--no-edit")
    return git(repo, "rev-parse", "HEAD").stdout.strip()
