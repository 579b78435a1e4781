"""A tiny make: read a Makefile, then work out what ``make`` would rebuild."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Rule:
    target: str
    prerequisites: list[str] = field(default_factory=list)
    recipe: list[str] = field(default_factory=list)


@dataclass
class Makefile:
    rules: dict[str, Rule] = field(default_factory=dict)  # in file order
    phony: set[str] = field(default_factory=set)
    default: str | None = None  # the first rule's target


def parse_makefile(text: str) -> Makefile:
    """Parse the Makefile subset described above."""
    makefile = Makefile()
    current: Rule | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("\t"):
            if current is None:
                raise ValueError(f"line {number}: recipe line before the first rule")
            current.recipe.append(line[1:])
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        target, colon, prerequisites = line.partition(":")
        target = target.strip()
        if not colon or not target:
            raise ValueError(f"line {number}: missing separator")
        if target == ".PHONY":
            makefile.phony.update(prerequisites.split())
            continue
        if target in makefile.rules:
            raise ValueError(f"line {number}: target {target!r} defined twice")
        current = Rule(target, prerequisites.split())
        makefile.rules[target] = current
        if makefile.default is None:
            makefile.default = target
    return makefile


def plan(makefile: Makefile, root: Path, goal: str | None = None) -> list[str]:
    """Return the targets `make goal` would rebuild, in the order it would build them."""
    goal = goal or makefile.default
    if goal is None:
        raise ValueError("no targets")
    to_build: list[str] = []
    rebuilt: dict[str, bool] = {}  # finished targets -> whether they are rebuilt
    path: list[str] = []  # the chain of targets being visited

    def visit(target: str, needed_by: str | None) -> bool:
        if target in rebuilt:
            return rebuilt[target]
        if target in path:
            cycle = path[path.index(target):] + [target]
            raise ValueError(f"circular dependency: {' -> '.join(cycle)}")
        file = root / target
        rule = makefile.rules.get(target)
        if rule is None:
            if file.exists():
                return False
            needed = f", needed by {needed_by!r}" if needed_by else ""
            raise FileNotFoundError(f"no rule to make target {target!r}{needed}")

        path.append(target)
        prerequisites_rebuilt = [visit(p, target) for p in rule.prerequisites]
        path.pop()

        # Past any(prerequisites_rebuilt), every prerequisite's file exists.
        stale = (
            target in makefile.phony
            or not file.exists()
            or any(prerequisites_rebuilt)
            or any((root / p).stat().st_mtime > file.stat().st_mtime for p in rule.prerequisites)
        )
        if stale:
            to_build.append(target)
        rebuilt[target] = stale
        return stale

    visit(goal, None)
    return to_build
