r"""Drive git from Python: run it safely, read its status, commit.

Tools call git as a program. Three habits make that robust:

* Run it with an argument LIST, never a shell string: a file called
  "$(touch pwned).txt" or a message with a quote in it is then only text.
  subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
  encoding="utf-8") does it; never shell=True, never " ".join(...).
* Check the exit status: git writes why it failed to stderr.
* Parse the machine formats ("porcelain", with -z), never the text meant
  for people: -z ends each entry with a NUL ("\0") and writes paths as they
  are, where the human format quotes "café.txt" as "caf\303\251.txt".

1. git(repo, *args) -> str: run `git <args>` in the folder repo and return
   its standard output exactly as printed (do not strip it: the first
   character of a status line can be a meaningful space). A non-zero exit
   raises GitError whose message names the command (its arguments joined
   with spaces) and contains git's stderr, e.g.
       git(repo, "checkout", "nope")
       -> GitError("git checkout nope failed: error: pathspec 'nope' did not match ...")
2. status(repo) -> {path: code}: from
       git status --porcelain=v1 -z --untracked-files=all
   each entry is "XY PATH" then NUL: XY is the two-letter code (X = the
   index, Y = the working tree; "??" untracked, "A " added, " M" modified
   and not staged, "MM" both...), one space, then the path. A rename or
   copy (X is "R" or "C") is followed by ONE MORE NUL-terminated field, the
   old path, which is not an entry of its own:
       "R  new name.txt\0old name.txt\0?? café.txt\0"
       -> {"new name.txt": "R ", "café.txt": "??"}
   A clean repository gives {}.
3. commit_all(repo, message) -> str: stage everything (new, modified and
   deleted files: `git add --all`), commit with exactly that message
   (`git commit -m MESSAGE`) and return the new commit's full 40-character
   id (`git rev-parse HEAD`), without the newline. With nothing to commit,
   git fails and so GitError is raised.

The tests set your identity (GIT_AUTHOR_NAME...) in the environment, which
git inherits; your code does not need to.
"""
import subprocess
from pathlib import Path


class GitError(RuntimeError):
    """A git command exited with a non-zero status."""


def git(repo: Path, *args: str) -> str:
    # TODO: subprocess.run with a list, check the return code, return stdout.
    raise NotImplementedError


def status(repo: Path) -> dict[str, str]:
    # TODO: split the -z output on "\0"; skip the extra field of a rename.
    raise NotImplementedError


def commit_all(repo: Path, message: str) -> str:
    # TODO: add --all, commit -m, rev-parse HEAD.
    raise NotImplementedError
