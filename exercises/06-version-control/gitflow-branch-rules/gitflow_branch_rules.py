r"""GitFlow as code: check branch names and which merges are allowed.

GitFlow keeps two long-lived branches, main (what is released) and develop
(what comes next), and three kinds of short-lived ones:

    kind      name                   starts from   is merged into
    feature   feature/<topic>        develop       develop
    release   release/<X.Y.Z>        develop       main and develop
    hotfix    hotfix/<X.Y.Z>         main          main and develop, or main
                                                   and the open release

The one exception in GitFlow: while a release branch is open, a hotfix goes
into main and that release branch INSTEAD of develop (the release carries
the fix into develop when it is finished).

<topic> is lower-case words of letters and digits joined by single hyphens
("login-form", "oauth2"); X.Y.Z is three numbers of ASCII digits 0-9
("1.10.0"; Python's \d also matches digits such as "١" or "５": not here).
A name is the whole string: "main\n" is not main.

1. branch_type(name) -> "main", "develop", "feature", "release" or "hotfix".
   Anything else ("Feature/Login", "release/1.2", "bugfix/x", "master")
   raises ValueError("'...' is not a GitFlow branch name").
2. start_branch(kind, current_version, topic="") -> (new branch, base branch).
   This team's versions: a release bumps the minor number, a hotfix the patch.
       start_branch("feature", "1.4.2", "login-form") -> ("feature/login-form", "develop")
       start_branch("release", "1.4.2")               -> ("release/1.5.0", "develop")
       start_branch("hotfix", "1.4.2")                -> ("hotfix/1.4.3", "main")
   A current_version that is not X.Y.Z, an unknown kind, or a feature topic
   that gives an invalid name raises ValueError.
3. check_merge(source, target, open_release=None) -> None when the table
   allows it, else
   ValueError("feature/login-form may only be merged into develop, not main").
   open_release is the release branch open right now, if any:
       check_merge("hotfix/1.4.3", "release/1.5.0", open_release="release/1.5.0") -> None
       check_merge("hotfix/1.4.3", "develop", open_release="release/1.5.0")
       -> ValueError("hotfix/1.4.3 may only be merged into main and release/1.5.0, not develop")
   An open_release that is not a release branch name raises
   ValueError("'develop' is not a release branch").
   main and develop are never merged anywhere:
   ValueError("develop is never merged into another branch").
   Invalid branch names raise the ValueError of branch_type.
"""
import re

PATTERNS = {
    "main": r"main",
    "develop": r"develop",
    # TODO: the patterns of the three short-lived kinds
}
MERGE_TARGETS = {
    "main": (),
    "develop": (),
    # TODO: where each short-lived kind is merged
}


def branch_type(name: str) -> str:
    # TODO: return the kind whose pattern fully matches the name.
    raise NotImplementedError


def start_branch(kind: str, current_version: str, topic: str = "") -> tuple[str, str]:
    # TODO: parse X.Y.Z, build the new name, pick the base branch.
    raise NotImplementedError


def check_merge(source: str, target: str, open_release: str | None = None) -> None:
    # TODO: raise ValueError unless target is allowed for the source's kind
    # (a hotfix goes into the open release, if there is one, not develop).
    raise NotImplementedError
