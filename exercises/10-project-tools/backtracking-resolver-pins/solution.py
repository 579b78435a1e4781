"""A small dependency resolver: what pip does between reading requirements and installing."""

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

Index = dict[str, dict[str, list[str]]]


def resolve(requirements: list[str], index: Index, environment: dict[str, str]) -> dict[str, str]:
    """Pin every package the requirements need, newest versions first, backtracking on conflicts."""

    def applies(requirement: Requirement) -> bool:
        return requirement.marker is None or requirement.marker.evaluate(environment)

    def solve(
        pins: dict[str, str], constraints: dict[str, SpecifierSet], todo: list[Requirement]
    ) -> dict[str, str] | None:
        if not todo:
            return pins
        requirement, rest = todo[0], todo[1:]
        name = canonicalize_name(requirement.name)
        wanted = constraints.get(name, SpecifierSet()) & requirement.specifier
        constraints = {**constraints, name: wanted}
        if name in pins:
            return solve(pins, constraints, rest) if pins[name] in wanted else None
        releases = index.get(name, {})
        for version in wanted.filter(sorted(releases, key=Version, reverse=True)):
            dependencies = [Requirement(line) for line in releases[version]]
            found = solve(
                {**pins, name: version},
                constraints,
                rest + [dependency for dependency in dependencies if applies(dependency)],
            )
            if found is not None:
                return found
        return None

    top = [Requirement(line) for line in requirements]
    pins = solve({}, {}, [requirement for requirement in top if applies(requirement)])
    if pins is None:
        raise LookupError(f"cannot resolve {', '.join(str(r) for r in top)}")
    return pins


def lock_text(pins: dict[str, str]) -> str:
    """The pins as a requirements file: one 'name==version' line each, sorted by name."""
    return "".join(f"{name}=={version}\n" for name, version in sorted(pins.items()))
