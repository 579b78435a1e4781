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
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def _instruction(line: int, pieces: list[str]) -> Instruction:
    keyword, *rest = " ".join(pieces).split(maxsplit=1)
    if keyword.upper() not in INSTRUCTIONS:
        raise ValueError(f"line {line}: unknown instruction {keyword!r}")
    args = rest[0] if rest else ""
    return Instruction(line, keyword.upper(), args, _exec_form(args))


def parse_dockerfile(text: str) -> list[Instruction]:
    """Split a Dockerfile into instructions."""
    instructions = []
    pieces: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not pieces:
            start = number
        continued = line.endswith("\\")
        pieces.append(line.removesuffix("\\").strip())
        if not continued:
            instructions.append(_instruction(start, pieces))
            pieces = []
    if pieces:
        instructions.append(_instruction(start, pieces))
    return instructions


def _image_problems(instruction: Instruction, stages: set[str]) -> list[Problem]:
    words = [word for word in instruction.args.split() if not word.startswith("--")]
    image = words[0]
    if len(words) >= 3 and words[1].upper() == "AS":
        stages.add(words[2].lower())
    if image == "scratch" or image.lower() in stages or "@" in image:
        return []
    name = image.rpartition("/")[2]
    if ":" not in name:
        return [Problem(instruction.line, "untagged-image")]
    if name.partition(":")[2] == "latest":
        return [Problem(instruction.line, "latest-tag")]
    return []


def lint(instructions: list[Instruction]) -> list[Problem]:
    """Return the best-practice problems, sorted by line."""
    froms = [i for i in instructions if i.keyword == "FROM"]
    if not froms:
        raise ValueError("no FROM instruction")
    problems: list[Problem] = []
    stages: set[str] = set()
    previous = None
    for instruction in instructions:
        if instruction.keyword == "FROM":
            problems += _image_problems(instruction, stages)
        elif instruction.keyword == "RUN" and previous == "RUN":
            problems.append(Problem(instruction.line, "consecutive-run"))
        elif instruction.keyword in {"CMD", "ENTRYPOINT"} and instruction.exec_form is None:
            problems.append(Problem(instruction.line, "shell-form"))
        previous = instruction.keyword

    final_stage = instructions[instructions.index(froms[-1]):]
    users = [i for i in final_stage if i.keyword == "USER"]
    if not users:
        problems.append(Problem(froms[-1].line, "root-user"))
    elif users[-1].args.partition(":")[0] in {"root", "0"}:
        problems.append(Problem(users[-1].line, "root-user"))
    return sorted(problems)
