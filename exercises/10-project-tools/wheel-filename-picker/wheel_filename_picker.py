"""Name wheels the way PyPI wants them, and pick the one pip would download.

A wheel's file name carries its metadata (PEP 427, the binary distribution format):

    {name}-{version}(-{build})?-{python tag}-{abi tag}-{platform tag}.whl
    numpy-2.1.1-cp312-cp312-manylinux_2_17_x86_64.whl

Write:

* ``wheel_filename(name, version, tag="py3-none-any")``: the name normalised (PEP 503:
  lower case, each run of '-', '_', '.' becomes '-') and then with '-' written as '_';
  the version normalised by ``packaging.version.Version`` ("1.0.0-RC1" -> "1.0.0rc1").
  A name that is not a valid project name (letters, digits, '.', '_', '-', starting and
  ending with a letter or digit): ValueError("invalid project name ...").
* ``parse_wheel(filename)``: a WheelInfo with the canonical name ("foo-bar-baz"), the
  Version, and the set of tags as strings. A compressed tag set expands:
  "py2.py3-none-any" -> {"py2-none-any", "py3-none-any"}. A malformed file name:
  ValueError("invalid wheel filename ...").
* ``best_wheel(filenames, supported, pre=False)``: the file pip would install, or None.
  ``supported`` lists the tags this machine runs, best first. Skip what is not a valid
  wheel (sdists like "numpy-2.1.1.tar.gz" too), wheels with no supported tag, and
  pre-releases unless pre=True. Pick the highest version; between wheels of the same
  version, the one with a tag earliest in ``supported`` (a wheel with several tags
  counts with its best one).

    >>> wheel_filename("Foo.Bar_baz", "1.0")
    'foo_bar_baz-1.0-py3-none-any.whl'
    >>> best_wheel(["app-1.0-py3-none-any.whl", "app-1.1-py3-none-any.whl"], ["py3-none-any"])
    'app-1.1-py3-none-any.whl'
"""

from typing import NamedTuple

from packaging.version import Version

# TODO: packaging.utils has canonicalize_name and parse_wheel_filename


class WheelInfo(NamedTuple):
    name: str
    version: Version
    tags: frozenset[str]


def wheel_filename(name: str, version: str, tag: str = "py3-none-any") -> str:
    """Return the wheel file name for a project, version and tag."""
    # TODO
    raise NotImplementedError


def parse_wheel(filename: str) -> WheelInfo:
    """Split a wheel file name into canonical name, version and tags."""
    # TODO
    raise NotImplementedError


def best_wheel(filenames: list[str], supported: list[str], pre: bool = False) -> str | None:
    """Return the wheel pip would pick for a machine supporting these tags."""
    # TODO
    raise NotImplementedError
