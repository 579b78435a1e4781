r"""Count a pull request's changes per file from real `git diff` output.

`git diff` (the patch a reviewer reads) starts each file with
"diff --git a/PATH b/PATH", then header lines, then hunks. Names with
unusual characters are QUOTED the C way: "caf\303\251.txt" is café.txt
(the octal numbers are its UTF-8 bytes), "ta\tb.txt" has a TAB, \" is a
quote and \\ a backslash; a name with a space is not quoted.

1. unquote(name) -> the real name: unchanged unless it starts with '"';
   then drop the quotes and decode the escapes ("\303\251" is two bytes
   that decode as UTF-8 to "é").
2. diff_stats(patch) -> [FileStat, ...] in the order of the patch:
   * "diff --git " starts a new file. Its path is the name in that line:
     both halves are the same name, so it is either two quoted names
     ('"a/N" "b/N"': unquote the first, drop "a/") or "a/N b/N", where N
     is rest[2 : len(rest) // 2] for rest = the text after "diff --git ".
   * Before the first "@@" of a file: "rename from NAME" / "rename to
     NAME" (no a/ b/ prefix; may be quoted) give old_path and path;
     "Binary files ..." makes added and deleted None; other header lines
     ("index ...", "--- a/N", "+++ b/N", "new file mode ...") count for
     nothing.
   * From the first "@@" on, until the next "diff --git", every line is
     part of a hunk: "+" is an added line, "-" a deleted one, " " context,
     "\ No newline at end of file" nothing, "@@" the next hunk. So a
     deleted SQL comment "-- old" shows as "--- old" and is still a
     deleted line, not a header.
   Text before the first "diff --git" (other than empty lines) raises
   ValueError("not a git diff: ..."). "" gives [].
3. git_diff_stats(repo, base, head) -> diff_stats of the output of
   `git diff -M BASE HEAD` (an argument list, check=True; read stdout as
   bytes and decode UTF-8 with errors="replace": file contents may be
   anything). The tests compare it with `git diff --numstat -z`.
"""
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class FileStat:
    path: str
    old_path: str | None = None  # set for a rename
    added: int | None = 0  # None for a binary file
    deleted: int | None = 0


def unquote(name: str) -> str:
    # TODO: quoted? decode the escapes to bytes, then the bytes as UTF-8.
    raise NotImplementedError


def diff_stats(patch: str) -> list[FileStat]:
    # TODO: one FileStat per "diff --git"; header lines, then hunk lines.
    raise NotImplementedError


def git_diff_stats(repo: Path, base: str, head: str) -> list[FileStat]:
    # TODO: run git diff -M, decode, parse.
    raise NotImplementedError
