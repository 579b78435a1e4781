"""Read a unified diff (the output of `git diff`) like a code-review tool.

A pull request is reviewed as a diff. Each changed file starts with
"--- a/<old path>" and "+++ b/<new path>" ("/dev/null" for a file that is
created or deleted); lines such as "diff --git" or "index ..." before them
can be ignored. Then come hunks:

    @@ -20,3 +21,4 @@ def helper():      old lines 20..22 become new lines 21..24
         y = 2                            " " context: in both files
    -    z = 0                            "-" removed: old-file line numbers
    +    z = 3                            "+" added: new-file line numbers
    +    w = 4

A missing count means 1 ("@@ -1 +1 @@"). Lines starting with "\\" ("\\ No
newline at end of file") are notes, not lines. A context line that is
completely empty (an editor stripped its leading space) is still context.

1. parse_diff(text) -> list[FileDiff], in the order of the diff. path is the
   new path, or the old one for a deleted file. Read exactly as many lines as
   the hunk header counts: a removed SQL comment "-- users" appears as
   "--- users" and is NOT a new file header. A line starting with "@@" that
   is not a valid hunk header raises ValueError("malformed hunk header ...").
2. shortstat(files) -> the summary line of `git diff --shortstat`:
   "3 files changed, 5 insertions(+), 3 deletions(-)"; singular for 1
   ("1 file changed, 1 insertion(+)"); a zero part is left out unless both
   are zero ("1 file changed, 0 insertions(+), 0 deletions(-)"); no files:
   "0 files changed".
3. comment_target(files, path, line) -> "added" or "context": where a review
   comment on that NEW-file line lands. Lines outside the hunks cannot take
   comments: ValueError("line 10 of app.py is not part of the diff"); a path
   not in the diff: ValueError("... is not changed in this diff").
"""
import re
from dataclasses import dataclass, field

HUNK_HEADER = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@dataclass
class FileDiff:
    path: str
    added: list[int] = field(default_factory=list)  # new-file line numbers
    removed: list[int] = field(default_factory=list)  # old-file line numbers
    context: list[int] = field(default_factory=list)  # new-file line numbers


def parse_diff(text: str) -> list[FileDiff]:
    # TODO: walk text.splitlines(); track the current line numbers and how
    # many old/new lines of the current hunk are still to come.
    raise NotImplementedError


def shortstat(files: list[FileDiff]) -> str:
    # TODO: count files, insertions, deletions; mind the singulars and zeros.
    raise NotImplementedError


def comment_target(files: list[FileDiff], path: str, line: int) -> str:
    # TODO: find the file, then look the line up in added and context.
    raise NotImplementedError
