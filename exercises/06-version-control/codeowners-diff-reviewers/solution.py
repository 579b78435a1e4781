import re
import subprocess
from pathlib import Path

OWNER = re.compile(r"@[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+")
WILDCARDS = re.compile(r"(\*\*/|\*\*|\*|\?)")
TOKENS = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
DIFF = ["diff", "--name-status", "-z", "-M"]

Rule = tuple[re.Pattern[str], tuple[str, ...]]


def pattern_regex(pattern: str) -> re.Pattern[str]:
    core = pattern.removeprefix("/").removesuffix("/")
    parts = [TOKENS.get(token, re.escape(token)) for token in WILDCARDS.split(core)]
    last = core.split("/")[-1]
    if pattern.endswith("/"):
        tail = "/.*"
    elif "*" in last or "?" in last:
        tail = ""
    else:
        tail = "(?:/.*)?"
    anchored = "/" in pattern[:-1]
    return re.compile(("" if anchored else "(?:.*/)?") + "".join(parts) + tail)


def parse_codeowners(text: str) -> list[Rule]:
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        for owner in fields[1:]:
            if not OWNER.fullmatch(owner):
                raise ValueError(f"line {number}: {owner!r} is not an @user, @org/team or email")
        rules.append((pattern_regex(fields[0]), tuple(fields[1:])))
    return rules


def owners_of(rules: list[Rule], path: str) -> tuple[str, ...]:
    for regex, owners in reversed(rules):
        if regex.fullmatch(path):
            return owners
    return ()


def changed_paths(repo: Path, base: str, head: str) -> list[str]:
    output = subprocess.run(
        ["git", *DIFF, f"{base}...{head}"], cwd=repo, capture_output=True, encoding="utf-8", check=True
    ).stdout
    fields = output.split("\0")[:-1]
    paths = set()
    index = 0
    while index < len(fields):
        status = fields[index]
        count = 2 if status.startswith("R") else 1
        paths.update(fields[index + 1 : index + 1 + count])
        index += 1 + count
    return sorted(paths)


def review_requests(repo: Path, base: str, head: str, codeowners: str, author: str) -> dict[str, list[str]]:
    rules = parse_codeowners(codeowners)
    requests: dict[str, list[str]] = {}
    for path in changed_paths(repo, base, head):
        for owner in owners_of(rules, path):
            if owner.lower() != author.lower():
                requests.setdefault(owner, []).append(path)
    return requests
