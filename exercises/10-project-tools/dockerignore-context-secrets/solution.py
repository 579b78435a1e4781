"""Which files reach a Docker image: .dockerignore, the build context, multi-stage COPY."""

import json
import posixpath
import re
from fnmatch import fnmatchcase
from itertools import accumulate

SECRET_NAMES = (".env", ".env.*", "*.pem", "*.key", "id_rsa", "id_ed25519", ".npmrc", ".pypirc")


def clean(pattern: str) -> str:
    """'./src/' -> 'src', '/build' -> 'build', 'a//b/../c' -> 'a/c'."""
    return posixpath.normpath(pattern).lstrip("/")


def to_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def matches(pattern: str, path: str) -> bool:
    """Does the pattern match the path or one of the folders it is in?"""
    if pattern == ".":
        return True
    regex = to_regex(pattern)
    folders_and_path = accumulate(path.split("/"), lambda folder, name: f"{folder}/{name}")
    return any(regex.fullmatch(candidate) for candidate in folders_and_path)


def is_ignored(path: str, dockerignore: str) -> bool:
    """Return whether .dockerignore keeps path out of the build context."""
    ignored = False
    for line in dockerignore.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        if matches(clean(line.removeprefix("!").strip()), path):
            ignored = not exception
    return ignored


def build_context(paths: list[str], dockerignore: str) -> list[str]:
    """Return the files sent to the Docker daemon, sorted."""
    return sorted(path for path in paths if not is_ignored(path, dockerignore))


def instructions(dockerfile: str) -> list[tuple[str, str]]:
    """(KEYWORD, arguments) for each instruction, continuations joined."""
    result, pieces = [], []
    for line in dockerfile.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):  # also inside a continued instruction
            continue
        if stripped.endswith("\\"):
            pieces.append(stripped[:-1])
            continue
        pieces.append(stripped)
        keyword, _, arguments = " ".join(pieces).partition(" ")
        result.append((keyword.upper(), arguments.strip()))
        pieces = []
    return result


def final_stage_copies(dockerfile: str, context: list[str]) -> list[str]:
    """Return the context files that COPY or ADD put into the final stage, sorted."""
    final_copies: list[str] = []  # the arguments of each COPY/ADD after the last FROM
    for keyword, arguments in instructions(dockerfile):
        if keyword == "FROM":
            final_copies = []
        elif keyword in ("COPY", "ADD"):
            final_copies.append(arguments)
    copied = set()
    for arguments in final_copies:
        rest, from_stage = arguments, False
        while rest.startswith("--"):
            flag, _, rest = rest.partition(" ")
            from_stage = from_stage or flag.startswith("--from=")
            rest = rest.lstrip()
        if from_stage:
            continue
        args = json.loads(rest) if rest.startswith("[") else rest.split()
        for source in args[:-1]:
            copied.update(path for path in context if matches(clean(source), path))
    return sorted(copied)


def is_secret(path: str) -> bool:
    name = posixpath.basename(path)
    return not name.endswith(".example") and any(fnmatchcase(name, p) for p in SECRET_NAMES)


def leaked_secrets(dockerfile: str, paths: list[str], dockerignore: str) -> list[str]:
    """Return the secret files the final image would contain, sorted."""
    copied = final_stage_copies(dockerfile, build_context(paths, dockerignore))
    return [path for path in copied if is_secret(path)]
