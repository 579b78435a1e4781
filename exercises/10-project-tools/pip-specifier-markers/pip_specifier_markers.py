"""Decide what pip would install: version specifiers and environment markers.

A requirement such as ``requests[socks]>=2.28,<3 ; python_version >= "3.8"`` has a
name, extras, a *specifier* (which versions are allowed) and a *marker* (on which
machines the line applies at all). The ``packaging`` library, which pip itself uses,
parses all of it: ``packaging.specifiers.SpecifierSet``, ``packaging.version.Version``,
``packaging.requirements.Requirement``, ``packaging.utils.canonicalize_name``.

Write:

* ``allowed_versions(specifier, versions, pre=False)``: the versions the specifier
  allows, oldest first in *version* order ("1.10" is newer than "1.9").
  Pre-releases (1.5rc1, 2.0a1) count only when pre=True, like ``pip install --pre``.
* ``newest_allowed(specifier, versions, pre=False)``: the newest of those, or None.
* ``marker_applies(requirement, environment)``: does the line apply on a machine with
  this environment ({"python_version": "3.10", "sys_platform": "linux", ...})?
  A line without a marker always applies.
* ``pick_versions(requirements, index, environment)``: for each line that applies,
  the newest allowed version found in index ({canonical name: [versions]}), as
  {canonical name: version}. A name on two lines that both apply must satisfy both.
  Blank lines and comment lines (first non-space character '#') are skipped. Errors:
    - a line packaging cannot parse: ValueError("invalid requirement 'flask >>= 2': ...")
    - no version fits: LookupError("no version of 'flask' matches '>=4'")

    >>> allowed_versions(">=1.2,<2", ["2.0", "1.10", "1.2", "1.0", "1.9.9", "1.5rc1"])
    ['1.2', '1.9.9', '1.10']
    >>> pick_versions(['tomli>=2 ; python_version < "3.11"', "Flask>=2"],
    ...               {"tomli": ["2.0.1"], "flask": ["2.3.3", "3.0.2"]},
    ...               {"python_version": "3.12"})
    {'flask': '3.0.2'}
"""

# TODO: import what you need from packaging


def allowed_versions(specifier: str, versions: list[str], pre: bool = False) -> list[str]:
    """Return the versions the specifier allows, oldest first."""
    # TODO
    raise NotImplementedError


def newest_allowed(specifier: str, versions: list[str], pre: bool = False) -> str | None:
    """Return the newest version the specifier allows, or None."""
    # TODO
    raise NotImplementedError


def marker_applies(requirement: str, environment: dict[str, str]) -> bool:
    """Return whether the requirement's marker holds in the environment."""
    # TODO
    raise NotImplementedError


def pick_versions(
    requirements: list[str], index: dict[str, list[str]], environment: dict[str, str]
) -> dict[str, str]:
    """Return {canonical name: newest allowed version} for the lines that apply."""
    # TODO
    raise NotImplementedError
