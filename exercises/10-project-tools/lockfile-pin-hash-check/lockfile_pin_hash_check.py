"""Check a hashed lock file, the one ``pip install --require-hashes -r`` trusts.

A lock file (what ``pip-compile --generate-hashes`` writes) pins every package to ONE
exact version and lists the hashes of the files that may be installed for it:

    # requirements.lock
    certifi==2024.2.2 \\
        --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f
    idna==3.6 --hash=sha256:c05567e9c24a6b9faaa835c4821bad0590fbb9d5779e7caa6e1cc4978e7eb24f
    colorama==0.4.6 ; sys_platform == "win32" \\
        --hash=sha256:4f1d9991f5acc0ca119f9d443620b77f9d6b33703e51011c16baf57afb285fc6

A lock that is not pinned (``>=``, ``==1.*``) or not hashed gives no repeatable and
no tamper-proof install: refuse it.

1. ``parse_lock(text)`` returns {canonical name: Pin}. A line ending with a backslash
   continues on the next one; blank lines and comment lines (first non-space
   character '#') are skipped. In each entry the requirement comes first, then its
   options, each starting with ``--`` after a space. Use ``packaging``:
   ``Requirement(...)`` for the requirement, ``canonicalize_name`` for the key
   ("Foo_Bar" -> "foo-bar"), ``str(Version(...))`` for the version.
   Errors are ValueError starting with the number of the entry's FIRST line:
     - "line 4: 'requests>=2.31' is not pinned to one version with ==": exactly one
       specifier, operator ``==``, no wildcard (``==2.*`` is a range, not a pin);
     - "line 4: 'idna==3.6' has no --hash";
     - "line 4: bad hash 'md5:...'": a hash is ``algorithm:hexdigest`` with algorithm
       sha256, sha384 or sha512 and a lower-case hex digest of that algorithm's length;
     - "line 4: unknown option '--index-url=...'" for any other option;
     - "line 4: 'Foo_Bar' is locked twice" (names compare canonicalised);
     - "line 4: invalid requirement 'flask >>= 2'" where packaging cannot parse it.
2. ``check_lock(pins, requirements, environment)``: does the lock satisfy the
   project's own requirements (``["requests>=2.31", 'tomli ; python_version < "3.11"']``)?
   Skip a requirement whose marker is false in environment (a dict such as
   {"python_version": "3.12", "sys_platform": "linux"}). Return the problems, in the
   order of the requirements:
     - "requests is not locked"                 (canonical name)
     - "requests 2.30.0 does not satisfy >=2.31" (``str(requirement.specifier)``)
   Compare versions as versions: 2.10 is newer than 2.9. A pre-release the lock pins
   on purpose (2.32.0rc1) satisfies >=2.31: pip installs exactly what the lock names.
3. ``verify_file(pin, path)``: True when the file's digest, computed with the
   algorithm of one of the pin's hashes, equals that hash (``hashlib.new(name)``;
   read the file in chunks: wheels can be large).

    >>> pins = parse_lock("idna==3.6 --hash=sha256:c055...b24f\\n")
    >>> pins["idna"]
    Pin(name='idna', version='3.6', hashes=frozenset({'sha256:c055...b24f'}), marker=None)
    >>> check_lock(pins, ["idna>=3.7", "certifi"], {})
    ['idna 3.6 does not satisfy >=3.7', 'certifi is not locked']
"""

from dataclasses import dataclass
from pathlib import Path

# TODO: import what you need: hashlib, re, and from packaging Requirement,
#       InvalidRequirement, Version, canonicalize_name


@dataclass(frozen=True)
class Pin:
    name: str  # canonical: "charset-normalizer"
    version: str  # normalised: "2.0.0rc1"
    hashes: frozenset[str]  # {"sha256:0569...", ...}
    marker: str | None  # 'sys_platform == "win32"', or None


def parse_lock(text: str) -> dict[str, Pin]:
    """Parse a hashed lock file into {canonical name: Pin}; refuse unpinned, unhashed entries."""
    # TODO: join continuation lines, remembering each entry's first line number
    raise NotImplementedError


def check_lock(
    pins: dict[str, Pin], requirements: list[str], environment: dict[str, str]
) -> list[str]:
    """Return the problems of the lock against the project's requirements."""
    # TODO
    raise NotImplementedError


def verify_file(pin: Pin, path: Path) -> bool:
    """Return whether the file at path matches one of the pin's hashes."""
    # TODO
    raise NotImplementedError
