"""A tiny make: read a Makefile, then work out what ``make`` would rebuild.

Make's idea is simple: a target is rebuilt when it is missing or older than one of
its prerequisites. ``make -n`` (dry run) prints what it would do; you compute that.

1. ``parse_makefile(text)`` reads this subset of Make (no variables, one target per rule):

       # a comment line             blank lines and comment lines (first non-space
                                    character '#') are skipped
       app: main.o util.o           a rule: target, ':', prerequisites split on spaces
       <TAB>cc -o app main.o util.o    recipe lines start with a TAB and belong to
                                       the rule above (keep them without the TAB)
       .PHONY: clean test           the named targets are not files: always rebuilt
                                    (several .PHONY lines add up)

   The first rule is the default goal. Errors are ValueError starting with the line number:
     - "line 3: missing separator" for a line that is neither a rule nor a recipe
       (for example a recipe indented with spaces: the most famous Make mistake);
     - "line 1: recipe line before the first rule";
     - "line 7: target 'app' defined twice".

2. ``plan(makefile, root, goal=None)`` returns the targets to rebuild, prerequisites
   first, each once. Paths are relative to the folder root. Walk the prerequisites of
   the goal depth-first, in order; a target with a rule is rebuilt when it is phony, or
   its file does not exist, or a prerequisite was rebuilt, or a prerequisite's file is
   newer (``Path.stat().st_mtime``) than it. A prerequisite without a rule must exist
   as a file. Errors:
     - FileNotFoundError("no rule to make target 'util.c', needed by 'util.o'");
     - ValueError("circular dependency: a -> b -> a"), naming only the targets on the cycle;
     - ValueError("no targets") when there is no goal and the Makefile has no rule.

Example: this Makefile, after editing main.c (so main.c is newer than main.o)

    app: main.o util.o
    <TAB>cc -o app main.o util.o
    main.o: main.c
    <TAB>cc -c main.c
    util.o: util.c
    <TAB>cc -c util.c

    >>> plan(parse_makefile(text), root)
    ['main.o', 'app']
"""

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
    # TODO
    raise NotImplementedError


def plan(makefile: Makefile, root: Path, goal: str | None = None) -> list[str]:
    """Return the targets `make goal` would rebuild, in the order it would build them."""
    # TODO: a depth-first walk; remember what you visited and what is on the current path
    raise NotImplementedError
