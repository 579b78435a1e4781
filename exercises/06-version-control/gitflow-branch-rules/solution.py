"""GitFlow's branch model as code: names, starting points and merge directions."""
import re

PATTERNS = {
    "main": r"main",
    "develop": r"develop",
    "feature": r"feature/[a-z0-9]+(?:-[a-z0-9]+)*",
    "release": r"release/[0-9]+\.[0-9]+\.[0-9]+",
    "hotfix": r"hotfix/[0-9]+\.[0-9]+\.[0-9]+",
}
MERGE_TARGETS = {
    "main": (),
    "develop": (),
    "feature": ("develop",),
    "release": ("main", "develop"),
    "hotfix": ("main", "develop"),
}


def branch_type(name: str) -> str:
    for kind, pattern in PATTERNS.items():
        if re.fullmatch(pattern, name):
            return kind
    raise ValueError(f"{name!r} is not a GitFlow branch name")


def start_branch(kind: str, current_version: str, topic: str = "") -> tuple[str, str]:
    match = re.fullmatch(r"([0-9]+)\.([0-9]+)\.([0-9]+)", current_version)
    if match is None:
        raise ValueError(f"current_version must look like 1.4.2, got {current_version!r}")
    major, minor, patch = map(int, match.groups())
    if kind == "feature":
        name, base = f"feature/{topic}", "develop"
    elif kind == "release":
        name, base = f"release/{major}.{minor + 1}.0", "develop"
    elif kind == "hotfix":
        name, base = f"hotfix/{major}.{minor}.{patch + 1}", "main"
    else:
        raise ValueError(f"cannot start a {kind!r} branch; use feature, release or hotfix")
    branch_type(name)  # a bad feature topic raises here
    return name, base


def check_merge(source: str, target: str, open_release: str | None = None) -> None:
    if open_release is not None and not re.fullmatch(PATTERNS["release"], open_release):
        raise ValueError(f"{open_release!r} is not a release branch")
    kind = branch_type(source)
    targets = MERGE_TARGETS[kind]
    if kind == "hotfix" and open_release is not None:
        targets = ("main", open_release)
    branch_type(target)
    if target not in targets:
        if targets:
            raise ValueError(f"{source} may only be merged into {' and '.join(targets)}, not {target}")
        raise ValueError(f"{source} is never merged into another branch")
