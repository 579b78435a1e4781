"""Open a built wheel and check it before it goes to PyPI: METADATA, entry points, RECORD.

A wheel is a zip file. Next to the package it holds one folder NAME-VERSION.dist-info
with (among others):

    METADATA            e-mail style headers, then the long description as the body:
                            Metadata-Version: 2.1
                            Name: shipit
                            Requires-Dist: packaging>=23
                            Requires-Dist: rich ; extra == "pretty"
                            <blank line>
                            # shipit ...
    entry_points.txt    an INI file:  [console_scripts]
                                      shipit = shipit.cli:main
    RECORD              a CSV file, one row per file of the wheel: path, hash, size
                            shipit/cli.py,sha256=EEPvUuiyFFOCNorP4yRHIPMZ9TmlTxVCqcPIV-09IRE,25
                            shipit-1.0.dist-info/RECORD,,
                        the hash is ``algorithm=`` + the URL-safe base64 of the digest
                        without '=' padding (NOT a hex digest); RECORD lists itself
                        with an empty hash and size.

Write (wheel is the Path of the .whl; the .dist-info folder is the one top-level folder
whose name ends with ".dist-info", and a wheel with none or several is broken: raise
ValueError("expected one .dist-info folder, found [...]"); read members as UTF-8):

1. ``read_metadata(wheel)``: {field: value} of METADATA, parsed with ``email.parser``.
   The fields in MULTIPLE_USE may repeat: their value is the list of every occurrence,
   in order (a plain dict of the message would keep one). The body, if not blank, is
   stored under "Description".
2. ``read_entry_points(wheel)``: {group: {name: "module:attr"}} from entry_points.txt,
   {} if the wheel has none. Parse with ``configparser``, but keep the names' case
   (``parser.optionxform = str``: "MyTool" is not "mytool").
3. ``verify_record(wheel)``: the sorted list of problems, each "PATH: what":
     - "PATH: listed in RECORD but not in the wheel"
     - "PATH: in the wheel but not in RECORD" (folder entries ending in '/' do not count)
     - "PATH: no hash" (any row but RECORD's own with an empty hash)
     - "PATH: weak or unknown hash algorithm 'md5'" (only sha256, sha384, sha512)
     - "PATH: hash mismatch", "PATH: size mismatch" (size is the byte count, as text)
   Read RECORD with the ``csv`` module (a file name may contain a comma); skip
   empty rows; RECORD's own row may come anywhere.
4. ``audit_wheel(wheel, must_include)``: verify_record's problems plus, sorted:
     - "tests/test_cli.py: tests do not belong in the wheel" for every file under a
       TOP-LEVEL tests/ or test/ folder (it would install a package called "tests");
     - "shipit/__pycache__/cli.cpython-312.pyc: bytecode does not belong in the wheel"
       (any path ending in .pyc);
     - "shipit/templates/report.html: missing from the wheel" for each path of
       must_include the wheel lacks (data files forgotten in package-data).

    >>> audit_wheel(Path("dist/shipit-1.0-py3-none-any.whl"), ["shipit/py.typed"])
    ['shipit/py.typed: missing from the wheel',
     'tests/test_cli.py: tests do not belong in the wheel']
"""

from pathlib import Path

# TODO: import what you need (base64, configparser, csv, email.parser, hashlib, io, zipfile)

MULTIPLE_USE = {
    "Classifier",
    "Dynamic",
    "License-File",
    "Platform",
    "Project-URL",
    "Provides-Extra",
    "Requires-Dist",
}


def read_metadata(wheel: Path) -> dict[str, str | list[str]]:
    """Return the METADATA fields: multiple-use fields as lists, the body as Description."""
    # TODO
    raise NotImplementedError


def read_entry_points(wheel: Path) -> dict[str, dict[str, str]]:
    """Return {group: {name: "module:attr"}} from entry_points.txt ({} without one)."""
    # TODO
    raise NotImplementedError


def verify_record(wheel: Path) -> list[str]:
    """Return the problems between RECORD and the wheel's files, sorted."""
    # TODO
    raise NotImplementedError


def audit_wheel(wheel: Path, must_include: list[str]) -> list[str]:
    """Return verify_record's problems plus what the wheel must and must not hold, sorted."""
    # TODO
    raise NotImplementedError
