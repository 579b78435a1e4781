r"""Read a unified diff (the output of `git diff`) like a code-review tool.

A pull request is reviewed as a diff. Each changed file starts with
"--- a/<old path>" and "+++ b/<new path>" ("/dev/null" for a file that is
created or deleted); lines such as "diff --git" or "index ..." before them
can be ignored, and so can entries with no "---"/"+++" lines at all (a pure
rename, a mode change, a binary file). Then come hunks:

    @@ -20,3 +21,4 @@ def helper():      old lines 20..22 become new lines 21..24
         y = 2                            " " context: in both files
    -    z = 0                            "-" removed: old-file line numbers
    +    z = 3                            "+" added: new-file line numbers
    +    w = 4

A missing count means 1 ("@@ -1 +1 @@"). Lines starting with "\" ("\ No
newline at end of file") are notes, not lines. A context line that is
completely empty (an editor stripped its leading space) is still context.

1. git_path(field) -> the path in the rest of a "---" or "+++" line, read the
   way git prints it:
   - a TAB ends the path: git puts one after a path with a space in it
     ("a/my notes.txt\t"), GNU `diff -u` puts one and a timestamp;
   - a path with a non-ASCII character, a '"', a backslash or a control
     character is quoted C-style, each UTF-8 byte of a non-ASCII character
     as an octal escape (git's core.quotePath): '"b/caf\303\251.txt"' is
     café.txt, '"a/say \"hi\".txt"' is say "hi".txt, '"a/tab\tname"' has
     a TAB inside its name (with core.quotePath off, é stays as it is, still
     inside quotes when the name needs them);
   - then the first "a/" or "b/" goes: "a/b/x.py" is "b/x.py". "/dev/null"
     stays "/dev/null".
2. parse_diff(text) -> list[FileDiff], in the order of the diff. path is the
   new path, or the old one for a deleted file. Lines end at "\n" only
   (str.splitlines() also breaks at "\f", "\x1c" or "\u2028", which can
   sit inside a line of code). Read exactly as many lines as the hunk header
   counts: a removed SQL comment "-- users" appears as "--- users" and is NOT
   a new file header. Errors, all ValueError:
   - an "@@" line that is not a valid hunk header, or that comes before any
     "+++" line: "malformed hunk header ...";
   - a hunk with fewer lines than its header counts (a line inside it starts
     with none of " ", "+", "-", "\", or the text ends inside it):
     "hunk is shorter than its header says ...".
3. shortstat(files) -> the summary line of `git diff --shortstat`:
   "3 files changed, 5 insertions(+), 3 deletions(-)"; singular for 1
   ("1 file changed, 1 insertion(+)"); a zero part is left out unless both
   are zero ("1 file changed, 0 insertions(+), 0 deletions(-)"); no files:
   "0 files changed".
4. comment_target(files, path, line) -> "added" or "context": where a review
   comment on that NEW-file line lands. Lines outside the hunks cannot take
   comments: ValueError("line 10 of app.py is not part of the diff"); a path
   not in the diff (the exact path: "notes.txt" is not "my notes.txt"):
   ValueError("notes.txt is not changed in this diff").
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


def git_path(field: str) -> str:
    # TODO: cut at the TAB, unquote a quoted path, drop "a/" or "b/".
    raise NotImplementedError


def parse_diff(text: str) -> list[FileDiff]:
    # TODO: walk the lines; track the current line numbers and how many
    # old/new lines of the current hunk are still to come.
    raise NotImplementedError


def shortstat(files: list[FileDiff]) -> str:
    # TODO: count files, insertions, deletions; mind the singulars and zeros.
    raise NotImplementedError


def comment_target(files: list[FileDiff], path: str, line: int) -> str:
    # TODO: find the file, then look the line up in added and context.
    raise NotImplementedError
