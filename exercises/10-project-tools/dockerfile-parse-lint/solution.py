"""Read a Dockerfile and lint it for the best practices a reviewer checks."""

import json
from dataclasses import dataclass

INSTRUCTIONS = {
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
    "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
}


@dataclass
class Instruction:
    line: int
    keyword: str
    args: str
    exec_form: list[str] | None = None


@dataclass(order=True)
class Problem:
    line: int
    rule: str


def _exec_form(args: str) -> list[str] | None:
    try:
        value = json.loads(args)
    except json.JSONDecodeError:
        return None
    is_list_of_strings = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return value if is_list_of_strings else None


def _instruction(pieces: list[tuple[int, str]]) -> Instruction:
    line = pieces[0][0]
    keyword, *rest = " ".join(text for _, text in pieces).split(maxsplit=1)
    if keyword.upper() not in INSTRUCTIONS:
        raise ValueError(f"line {line}: unknown instruction {keyword!r}")
    args = rest[0] if rest else ""
    return Instruction(line, keyword.upper(), args, _exec_form(args))


def parse_dockerfile(text: str) -> list[Instruction]:
    """Split a Dockerfile into instructions."""
    instructions = []
    pieces: list[tuple[int, str]] = []  # (line number, text) of the instruction being read
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pieces.append((number, line.removesuffix("\\").strip()))
        if not line.endswith("\\"):
            instructions.append(_instruction(pieces))
            pieces = []
    if pieces:
        instructions.append(_instruction(pieces))
    return instructions


def _image_problems(instruction: Instruction, stages: set[str]) -> list[Problem]:
    words = [word for word in instruction.args.split() if not word.startswith("--")]
    if len(words) == 3 and words[1].upper() == "AS":
        stages.add(words[2].lower())
    image = words[0]
    if image == "scratch" or image.lower() in stages:
        return []
    # After the last '/' (a registry may have a :port): name:tag. A digest, name@sha256:...,
    # holds a ':' too, so an image pinned by digest passes without a special case.
    tag = image.rpartition("/")[2].partition(":")[2]
    if not tag:
        return [Problem(instruction.line, "untagged-image")]
    if tag == "latest":
        return [Problem(instruction.line, "latest-tag")]
    return []


def lint(instructions: list[Instruction]) -> list[Problem]:
    """Return the best-practice problems, sorted by line."""
    problems: list[Problem] = []
    stages: set[str] = set()
    previous = None
    last_from = last_user = None
    for instruction in instructions:
        keyword = instruction.keyword
        if keyword == "FROM":
            problems += _image_problems(instruction, stages)
            last_from, last_user = instruction, None  # every stage starts as root
        elif keyword == "USER":
            last_user = instruction
        elif keyword == "RUN" and previous == "RUN":
            problems.append(Problem(instruction.line, "consecutive-run"))
        elif keyword in {"CMD", "ENTRYPOINT"} and instruction.exec_form is None:
            problems.append(Problem(instruction.line, "shell-form"))
        previous = keyword
    if last_from is None:
        raise ValueError("no FROM instruction")
    if last_user is None:
        problems.append(Problem(last_from.line, "root-user"))
    elif last_user.args.partition(":")[0] in {"root", "0"}:
        problems.append(Problem(last_user.line, "root-user"))
    return sorted(problems)
