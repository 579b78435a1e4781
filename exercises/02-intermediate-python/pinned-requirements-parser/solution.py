"""Read a pinned requirements file, the way you rebuild a virtual environment."""

import re

PIN = re.compile(
    r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)"
    r"\s*(?:\[[^\]]*\])?"  # optional extras, dropped
    r"\s*==\s*"
    r"(?P<version>[A-Za-z0-9][A-Za-z0-9.+!_-]*)"
)


def normalize_name(name: str) -> str:
    """Return the normalised form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_requirements(text: str) -> dict[str, str]:
    """Parse pinned requirements into {normalised name: version}."""
    pins: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.partition("#")[0].partition(";")[0].strip()
        if not line:
            continue
        match = PIN.fullmatch(line)
        if match is None:
            raise ValueError(
                f"line {number}: expected an exact pin like 'name==1.2.3', got {line!r}"
            )
        name = normalize_name(match["name"])
        if name in first_line:
            raise ValueError(
                f"line {number}: duplicate requirement {name!r} "
                f"(first pinned on line {first_line[name]})"
            )
        first_line[name] = number
        pins[name] = match["version"]
    return pins
