r"""GitFlow with real git: start a release, finish it, finish a hotfix.

GitFlow (https://nvie.com/posts/a-successful-git-branching-model/) keeps
main (what is released) and develop (what comes next). A release branch
starts from develop; when it is finished it is merged into main, the merge
commit on main is tagged, and it is merged back into develop (it may hold
a version bump or last fixes), then deleted. A hotfix branch (from main)
finishes the same way, except that while a release branch is open the
hotfix goes into THAT release instead of develop.

Every merge is `git merge --no-ff --no-edit BRANCH`: even when git could
fast-forward, GitFlow records a merge commit ("Merge branch
'release/1.5.0'") so history shows where each release began and ended.

Run git with argument lists (cwd=repo); a git command that fails raises
GitFlowError("git <command> failed: <git's stderr>"), e.g. a merge into
develop that conflicts ("git merge failed: ..."; like git-flow, the merge
is then left for a person to resolve). A version that is
not three dot-separated numbers ("1.5", "v1.5.0", "1.5.0-rc1") raises
ValueError("'1.5' is not MAJOR.MINOR.PATCH") before anything is done.
The open release branches are `git branch --list "release/*"` (use
--format=%(refname:short) to get bare names).

1. start_release(repo, version) -> "release/1.5.0": create that branch
   from develop and switch to it (`git switch --create release/1.5.0
   develop`). If a release branch is already open:
       GitFlowError("release/1.5.0 is still open")
2. finish_release(repo, version) -> the sha of the new merge commit on
   main. Refuse, changing nothing, when
       there is no such branch -> GitFlowError("there is no branch release/1.5.0")
       `git status --porcelain` prints anything
                               -> GitFlowError("the working tree has uncommitted changes")
   Then: switch to main; merge the branch (--no-ff --no-edit); create the
   annotated tag `git tag --annotate --message "Release 1.5.0" v1.5.0`
   on that merge commit; switch to develop; merge the branch (--no-ff
   --no-edit); `git branch --delete` it (-d refuses to delete a branch
   that is not merged: a last safety net). You end on develop.
3. finish_hotfix(repo, version): the same for "hotfix/<version>", merged
   into main (and tagged), then into the open release branch if there is
   one, else into develop; deleted; returns the sha of main's merge commit.
"""
import re
import subprocess
from pathlib import Path


class GitFlowError(Exception):
    """The repository is not in a state for this GitFlow step."""


def start_release(repo: Path, version: str) -> str:
    # TODO: check the version, refuse a second release, switch --create from develop.
    raise NotImplementedError


def finish_release(repo: Path, version: str) -> str:
    # TODO: checks; main: merge --no-ff, tag; develop: merge --no-ff; delete the branch.
    raise NotImplementedError


def finish_hotfix(repo: Path, version: str) -> str:
    # TODO: like finish_release, but into the open release if there is one.
    raise NotImplementedError
