"""Replay Docker's layer cache: which steps of a new build run again?"""

import posixpath
import re


def instructions(dockerfile: str) -> list[str]:
    """Each instruction as one line: continuations joined, comments and blank lines skipped."""
    result, pieces = [], []
    for line in dockerfile.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pieces.append(stripped[:-1].strip())
            continue
        pieces.append(stripped)
        result.append(" ".join(pieces))
        pieces = []
    return result


def stages(dockerfile: str) -> list[list[str]]:
    """The instructions grouped by stage; each stage starts with its FROM."""
    grouped: list[list[str]] = []
    for instruction in instructions(dockerfile):
        if instruction.split()[0].upper() == "FROM":
            grouped.append([])
        if grouped:
            grouped[-1].append(instruction)
    return grouped


def stage_name(from_line: str) -> str | None:
    match = re.search(r"\s+as\s+(\S+)$", from_line, re.IGNORECASE)
    return match[1] if match else None


def copies_changed_file(instruction: str, changed: set[str]) -> bool:
    keyword, *args = instruction.split()
    if keyword.upper() not in ("COPY", "ADD"):
        return False
    sources = [arg for arg in args if not arg.startswith("--")][:-1]
    for source in sources:
        source = posixpath.normpath(source).lstrip("/")
        for path in changed:
            if source == "." or path == source or path.startswith(source + "/"):
                return True
    return False


def copy_from(instruction: str) -> str | None:
    keyword, *args = instruction.split()
    if keyword.upper() != "COPY":
        return None
    for arg in args:
        if arg.startswith("--from="):
            return arg.removeprefix("--from=")
    return None


def invalidated(instruction: str, changed: set[str], dirty: set[str]) -> bool:
    """Does the step's input differ although its text is the same?"""
    source = copy_from(instruction)
    if source is not None:
        return source in dirty
    return copies_changed_file(instruction, changed)


def rebuilt_steps(old: str, new: str, changed: set[str]) -> list[str]:
    """The steps of new (not the FROM lines) that run again instead of coming from the cache."""
    old_stages = stages(old)
    rebuilt: list[str] = []
    dirty: set[str] = set()  # the names and numbers of the stages whose result changed
    for number, stage in enumerate(stages(new)):
        before = old_stages[number] if number < len(old_stages) else []
        cached = bool(before) and before[0] == stage[0]
        for position, instruction in enumerate(stage[1:], start=1):
            cached = (
                cached
                and position < len(before)
                and before[position] == instruction
                and not invalidated(instruction, changed, dirty)
            )
            if not cached:
                rebuilt.append(instruction)
        if not cached:
            dirty.add(str(number))
            name = stage_name(stage[0])
            if name:
                dirty.add(name)
    return rebuilt
