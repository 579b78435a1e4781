r"""Find the commit that broke add() with `git bisect run`.

`git bisect` binary-searches the history between a good and a bad commit.
`git bisect run CMD...` automates it: at each step git checks out a commit
and runs CMD in the top folder of the repository; CMD's exit status says
what that commit is:
    0              good
    1-124, 126-127 bad
    125            cannot be tested: skip it (it does not build, a file is
                   missing...). Calling such a commit "bad" blames it for
                   a bug it may not have.
    anything else  (negative, 128 and more) aborts the whole bisect.
When it is done, git prints "<40-hex sha> is the first bad commit" on
stdout; when skipped commits leave several candidates it prints "The first
bad commit could be any of:" instead and exits non-zero. Either way, the
repository stays in bisect mode, on an old commit, until
`git bisect reset`.

1. probe(folder) -> 0, 1 or 125 for the file folder/"calc.py":
   * 125 if it cannot be loaded: missing, a syntax error, an import that
     fails, no function named add in it. Load it afresh each time with
     runpy.run_path (a cached `import calc` would keep the first version).
   * 1 if add(2, 2) != 4 or add(-4, 4) != 0, or if calling add raises.
   * 0 otherwise.
   Running this module as a script exits with probe(Path.cwd()): the
   `if __name__ == "__main__":` block at the bottom is already written.
2. first_bad_commit(repo, good, bad) -> the full sha of the first bad
   commit (good and bad are any revisions: "HEAD~8", "v1.0", "main").
   Run, each as an argument list with cwd=repo:
       git bisect start <bad> <good>         (bad first!)
       git bisect run <sys.executable> <this file's absolute path>
       git bisect reset                      (ALWAYS: in a finally block)
   If `bisect start` fails (e.g. good and bad swapped), raise
   BisectError("git bisect start failed: <git's stderr>"). If the output of
   `bisect run` has no "<sha> is the first bad commit" line, raise
   BisectError("git bisect run found no single first bad commit: ...").
   Afterwards, HEAD is back on the branch it was on.
"""
import re
import runpy
import subprocess
import sys
from pathlib import Path


class BisectError(RuntimeError):
    """git bisect could not name one first bad commit."""


def probe(folder: Path) -> int:
    # TODO: load calc.py with runpy.run_path (125 on any failure), then check add.
    raise NotImplementedError


def first_bad_commit(repo: Path, good: str, bad: str) -> str:
    # TODO: bisect start, bisect run (this file as the script), bisect reset in finally.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(probe(Path.cwd()))
