r"""Resolve three-way merge conflicts in code, then commit the merge.

When two branches change the same lines, git stops the merge and writes
both versions into the file between conflict markers:

    flask==3.0
    <<<<<<< HEAD              ours (the branch you are on)
    pandas==2.2
    ||||||| 30dd59b           the common base (only with the diff3 style)
    =======
    numpy==1.26
    >>>>>>> feature           theirs (the branch being merged)
    requests==2.31

A marker line is EXACTLY seven "<", "|" or ">" followed by a space and a
label, or by nothing; or exactly "=======". Anything else is text
("========", " =======", "<<<<<<<x"). Keep each line's own ending: files
with "\r\n" keep it (split with str.splitlines(keepends=True), and read
and write files as bytes decoded/encoded as UTF-8; text mode would turn
"\r\n" into "\n").

1. three_way(base, ours, theirs) -> (merged text, number of conflicts),
   from git itself: write the three texts to files in a temporary folder
   and run
       git merge-file -p --diff3 -L ours -L base -L theirs OURS BASE THEIRS
   -p prints the result; the exit status IS the number of conflicts (git
   stops counting at 127) and not an error; a status above 127 (255:
   e.g. binary content) raises RuntimeError("git merge-file failed: ...")
   with git's stderr.
2. parse_conflicts(text) -> a list of the lines outside conflicts (str,
   each with its ending) and a Conflict(ours, base, theirs) for each
   conflict, in order; base is None without a "|||||||" section. Markers
   that do not form "<<<<<<<", optional "|||||||", "=======", ">>>>>>>"
   in this order raise ConflictError (a ValueError): a marker outside a
   conflict ("... outside a conflict"), one out of order or a second
   "=======" ("unexpected ..."), or a conflict never closed ("... not
   closed ...").
3. resolve_union(text) -> the text with each conflict replaced by the
   lines of ours, then the lines of theirs that are not among ours (the
   base is dropped):   pandas==2.2 / numpy==1.26
4. merge_branch(repo, branch) -> the sha of the new merge commit:
   * `git merge --no-ff --no-edit BRANCH` (GitFlow: --no-ff always makes
     a merge commit, so the branch stays visible in history);
   * if it fails, the conflicted paths are
     `git diff --name-only --diff-filter=U -z`; none means the merge
     failed for another reason: raise RuntimeError("git merge failed: ...");
   * resolve every conflicted file with resolve_union; if any raises
     ConflictError, run `git merge --abort` (the repository is as it was)
     and let the error propagate;
   * otherwise write them, `git add -- PATHS`, and `git commit --no-edit`
     (the merge is still in progress, so this commit has two parents and
     git's message "Merge branch 'feature'").
   Check every git call: one that fails (e.g. a pre-commit hook refusing
   the merge commit) raises RuntimeError("git commit failed: <stderr>").
   Run git with argument lists, cwd=repo.
"""
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class ConflictError(ValueError):
    """Conflict markers that do not form a conflict."""


@dataclass
class Conflict:
    ours: list[str]
    base: list[str] | None
    theirs: list[str]


def three_way(base: str, ours: str, theirs: str) -> tuple[str, int]:
    # TODO: three files in a tempfile.TemporaryDirectory(), git merge-file -p --diff3.
    raise NotImplementedError


def parse_conflicts(text: str) -> list[str | Conflict]:
    # TODO: walk the lines; a small state machine: outside, ours, base, theirs.
    raise NotImplementedError


def resolve_union(text: str) -> str:
    # TODO: ours, then the lines of theirs not in ours.
    raise NotImplementedError


def merge_branch(repo: Path, branch: str) -> str:
    # TODO: merge --no-ff; on conflicts resolve, add, commit; abort on ConflictError.
    raise NotImplementedError
