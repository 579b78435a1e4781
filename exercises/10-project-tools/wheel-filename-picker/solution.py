"""Name wheels the way PyPI wants them, and pick the one pip would download."""

import re
from typing import NamedTuple

from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

VALID_NAME = re.compile(r"[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9]", re.IGNORECASE)


class WheelInfo(NamedTuple):
    name: str
    version: Version
    tags: frozenset[str]


def wheel_filename(name: str, version: str, tag: str = "py3-none-any") -> str:
    """Return the wheel file name for a project, version and tag."""
    if not VALID_NAME.fullmatch(name):
        raise ValueError(f"invalid project name {name!r}")
    escaped = canonicalize_name(name).replace("-", "_")
    return f"{escaped}-{Version(version)}-{tag}.whl"


def parse_wheel(filename: str) -> WheelInfo:
    """Split a wheel file name into canonical name, version and tags."""
    name, version, _build, tags = parse_wheel_filename(filename)
    return WheelInfo(name, version, frozenset(str(tag) for tag in tags))


def best_wheel(filenames: list[str], supported: list[str], pre: bool = False) -> str | None:
    """Return the wheel pip would pick for a machine supporting these tags."""
    rank = {tag: position for position, tag in enumerate(supported)}
    candidates = []
    for filename in filenames:
        try:
            wheel = parse_wheel(filename)
        except ValueError:
            continue
        positions = [rank[tag] for tag in wheel.tags if tag in rank]
        if not positions or (wheel.version.is_prerelease and not pre):
            continue
        # Highest version first, then the best (lowest) tag position.
        candidates.append((wheel.version, -min(positions), filename))
    return max(candidates)[2] if candidates else None
