"""Decide what pip would install: version specifiers and environment markers."""

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


def allowed_versions(specifier: str, versions: list[str], pre: bool = False) -> list[str]:
    """Return the versions the specifier allows, oldest first."""
    allowed = SpecifierSet(specifier).filter(versions, prereleases=pre)
    return sorted(allowed, key=Version)


def newest_allowed(specifier: str, versions: list[str], pre: bool = False) -> str | None:
    """Return the newest version the specifier allows, or None."""
    allowed = allowed_versions(specifier, versions, pre)
    return allowed[-1] if allowed else None


def marker_applies(requirement: str, environment: dict[str, str]) -> bool:
    """Return whether the requirement's marker holds in the environment."""
    marker = Requirement(requirement).marker
    return marker is None or marker.evaluate(environment)


def pick_versions(
    requirements: list[str], index: dict[str, list[str]], environment: dict[str, str]
) -> dict[str, str]:
    """Return {canonical name: newest allowed version} for the lines that apply."""
    wanted: dict[str, SpecifierSet] = {}
    for line in requirements:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement as error:
            raise ValueError(f"invalid requirement {line!r}: {error}") from error
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        name = canonicalize_name(requirement.name)
        wanted[name] = wanted.get(name, SpecifierSet()) & requirement.specifier

    picked = {}
    for name, specifier in wanted.items():
        version = newest_allowed(str(specifier), index.get(name, []))
        if version is None:
            raise LookupError(f"no version of {name!r} matches {str(specifier)!r}")
        picked[name] = version
    return picked
