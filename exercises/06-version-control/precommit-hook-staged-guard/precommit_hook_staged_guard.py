r"""A pre-commit hook that refuses debugger calls and oversized files.

Before git records a commit it runs the executable file
`.git/hooks/pre-commit` (or `<core.hooksPath>/pre-commit`) at the top of
the working tree; a non-zero exit status cancels the commit, and what the
hook wrote to stderr is what the developer sees. A hook must check what
will be COMMITTED, the staged ("index") version of each file, not the file
on disk: `git add app.py` then fixing app.py without adding it again still
commits the bad version.

1. staged_files(repo) -> paths staged for the commit, except deletions:
       git diff --cached --name-only -z --diff-filter=ACMR
   (Added, Copied, Modified, Renamed; -z: NUL after each path, no quoting).
2. problems(repo, max_bytes=MAX_BYTES) -> list of messages, in the order
   of staged_files, for each staged file:
   Read its staged content as bytes with `git show :PATH` (the name of
   the staged version is ":" then the path).
   * its size in BYTES over max_bytes (exactly max_bytes is fine):
         "data.csv: 101 bytes is over the 100-byte limit"
     (a file that is too big is not read any further);
   * otherwise, for a ".py" file, each line of that content (decoded
     as UTF-8 with errors="replace": a stray Latin-1 byte must not crash
     the hook) that starts, after its
     indentation, with "breakpoint(", "pdb.set_trace(" or the statement
     "import pdb" (the whole module name: "import pdbpp" is fine), with
     its line number counted from 1:
         "app.py:2: leftover debugger call"
     The words in a comment, a string or another name are not calls.
3. main() -> exit status for the hook: run problems on the current
   folder, print each message on its own line to stderr, return 1 if there
   was any, else 0.
4. install_hook(repo) -> the Path of the hook it wrote. Ask git where the
   hook goes: `git rev-parse --git-path hooks/pre-commit` prints it
   relative to repo (it honours core.hooksPath). The hook is a Python
   script that runs main() of THIS module:
       #!<sys.executable>
       import sys
       sys.path.insert(0, "<the folder this module is in>")
       from precommit_hook_staged_guard import main
       sys.exit(main())
   Create the folder (and its parents) if needed, and make the file
   executable with exactly hook.chmod(0o755) (rwxr-xr-x: anyone may run it,
   only you may change it): git ignores a hook it cannot execute.
Every git call uses an argument list and check=True: a failing git command
raises subprocess.CalledProcessError.
"""
import re
import subprocess
import sys
from pathlib import Path

MAX_BYTES = 100_000


def staged_files(repo: Path) -> list[str]:
    # TODO: git diff --cached --name-only -z --diff-filter=ACMR, split on NUL.
    raise NotImplementedError


def problems(repo: Path, max_bytes: int = MAX_BYTES) -> list[str]:
    # TODO: for each staged file: git show :path; its len, then (for .py) its lines.
    raise NotImplementedError


def main() -> int:
    # TODO: print problems(Path.cwd()) to stderr; 1 if any, else 0.
    raise NotImplementedError


def install_hook(repo: Path) -> Path:
    # TODO: write the script where rev-parse --git-path says, then chmod it.
    raise NotImplementedError
