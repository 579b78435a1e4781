"""Check a hashed lock file, the one ``pip install --require-hashes -r`` trusts."""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ALGORITHMS = ("sha256", "sha384", "sha512")


@dataclass(frozen=True)
class Pin:
    name: str  # canonical: "charset-normalizer"
    version: str  # normalised: "2.0.0rc1"
    hashes: frozenset[str]  # {"sha256:0569...", ...}
    marker: str | None  # 'sys_platform == "win32"', or None


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Join backslash continuations: [(number of the first line, joined text)]."""
    entries: list[tuple[int, str]] = []
    pieces: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not pieces:
            start = number
        stripped = line.strip()
        if stripped.endswith("\\"):
            pieces.append(stripped[:-1])
            continue
        pieces.append(stripped)
        entry = " ".join(pieces).strip()
        pieces = []
        if entry and not entry.startswith("#"):
            entries.append((start, entry))
    return entries


def parse_hash(value: str) -> str | None:
    algorithm, _, digest = value.partition(":")
    if algorithm not in ALGORITHMS:
        return None
    if len(digest) != 2 * hashlib.new(algorithm).digest_size:
        return None
    if not re.fullmatch(r"[0-9a-f]+", digest):
        return None
    return f"{algorithm}:{digest}"


def parse_lock(text: str) -> dict[str, Pin]:
    """Parse a hashed lock file into {canonical name: Pin}; refuse unpinned, unhashed entries."""
    pins: dict[str, Pin] = {}
    for number, entry in logical_lines(text):
        requirement_text, *options = re.split(r"\s+(?=--)", entry)
        try:
            requirement = Requirement(requirement_text)
        except InvalidRequirement as error:
            raise ValueError(f"line {number}: invalid requirement {requirement_text!r}") from error
        specifiers = list(requirement.specifier)
        if (
            len(specifiers) != 1
            or specifiers[0].operator != "=="
            or specifiers[0].version.endswith("*")
        ):
            raise ValueError(
                f"line {number}: {requirement_text!r} is not pinned to one version with =="
            )
        hashes = set()
        for option in options:
            if not option.startswith("--hash="):
                raise ValueError(f"line {number}: unknown option {option!r}")
            value = option.removeprefix("--hash=")
            parsed = parse_hash(value)
            if parsed is None:
                raise ValueError(f"line {number}: bad hash {value!r}")
            hashes.add(parsed)
        if not hashes:
            raise ValueError(f"line {number}: {requirement_text!r} has no --hash")
        name = canonicalize_name(requirement.name)
        if name in pins:
            raise ValueError(f"line {number}: {requirement.name!r} is locked twice")
        pins[name] = Pin(
            name=name,
            version=str(Version(specifiers[0].version)),
            hashes=frozenset(hashes),
            marker=str(requirement.marker) if requirement.marker else None,
        )
    return pins


def check_lock(
    pins: dict[str, Pin], requirements: list[str], environment: dict[str, str]
) -> list[str]:
    """Return the problems of the lock against the project's requirements."""
    problems = []
    for line in requirements:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        name = canonicalize_name(requirement.name)
        pin = pins.get(name)
        if pin is None:
            problems.append(f"{name} is not locked")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{name} {pin.version} does not satisfy {requirement.specifier}")
    return problems


def verify_file(pin: Pin, path: Path) -> bool:
    """Return whether the file at path matches one of the pin's hashes."""
    for algorithm in sorted({value.partition(":")[0] for value in pin.hashes}):
        digest = hashlib.new(algorithm)
        with path.open("rb") as file:
            for chunk in iter(lambda: file.read(1 << 16), b""):
                digest.update(chunk)
        if f"{algorithm}:{digest.hexdigest()}" in pin.hashes:
            return True
    return False
