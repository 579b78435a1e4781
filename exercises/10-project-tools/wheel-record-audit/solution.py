"""Open a built wheel and check it before it goes to PyPI: METADATA, entry points, RECORD."""

import base64
import configparser
import csv
import email.parser
import hashlib
import io
import zipfile
from pathlib import Path

MULTIPLE_USE = {
    "Classifier",
    "Dynamic",
    "License-File",
    "Platform",
    "Project-URL",
    "Provides-Extra",
    "Requires-Dist",
}
ALLOWED = {"sha256", "sha384", "sha512"}


def dist_info(archive: zipfile.ZipFile) -> str:
    """The name of the wheel's one NAME-VERSION.dist-info folder."""
    folders = {name.split("/")[0] for name in archive.namelist()}
    found = sorted(folder for folder in folders if folder.endswith(".dist-info"))
    if len(found) != 1:
        raise ValueError(f"expected one .dist-info folder, found {found}")
    return found[0]


def read_text(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(f"{dist_info(archive)}/{name}").decode("utf-8")


def read_metadata(wheel: Path) -> dict[str, str | list[str]]:
    """Return the METADATA fields: multiple-use fields as lists, the body as Description."""
    message = email.parser.Parser().parsestr(read_text(wheel, "METADATA"))
    metadata: dict[str, str | list[str]] = {}
    for key in message.keys():
        if key in MULTIPLE_USE:
            metadata[key] = message.get_all(key)
        else:
            metadata[key] = message[key]
    body = message.get_payload()
    if body.strip():
        metadata["Description"] = body
    return metadata


def read_entry_points(wheel: Path) -> dict[str, dict[str, str]]:
    """Return {group: {name: "module:attr"}} from entry_points.txt ({} without one)."""
    try:
        text = read_text(wheel, "entry_points.txt")
    except KeyError:
        return {}
    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # entry point names are case-sensitive
    parser.read_string(text)
    return {group: dict(parser[group]) for group in parser.sections()}


def record_hash(algorithm: str, data: bytes) -> str:
    digest = hashlib.new(algorithm, data).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verify_record(wheel: Path) -> list[str]:
    """Return the problems between RECORD and the wheel's files, sorted."""
    problems = []
    with zipfile.ZipFile(wheel) as archive:
        record = f"{dist_info(archive)}/RECORD"
        files = {name for name in archive.namelist() if not name.endswith("/")}
        listed = set()
        for row in csv.reader(io.StringIO(archive.read(record).decode("utf-8"))):
            if not row:
                continue
            path, hash_value, size = row
            listed.add(path)
            if path == record:
                continue
            if path not in files:
                problems.append(f"{path}: listed in RECORD but not in the wheel")
                continue
            algorithm, _, expected = hash_value.partition("=")
            if not expected:
                problems.append(f"{path}: no hash")
                continue
            if algorithm not in ALLOWED:
                problems.append(f"{path}: weak or unknown hash algorithm {algorithm!r}")
                continue
            data = archive.read(path)
            if record_hash(algorithm, data) != expected:
                problems.append(f"{path}: hash mismatch")
            if size != str(len(data)):
                problems.append(f"{path}: size mismatch")
        for path in files - listed:
            problems.append(f"{path}: in the wheel but not in RECORD")
    return sorted(problems)


def audit_wheel(wheel: Path, must_include: list[str]) -> list[str]:
    """Return verify_record's problems plus what the wheel must and must not hold, sorted."""
    problems = verify_record(wheel)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for name in names:
        if name.split("/")[0] in ("tests", "test"):
            problems.append(f"{name}: tests do not belong in the wheel")
        if name.endswith(".pyc"):
            problems.append(f"{name}: bytecode does not belong in the wheel")
    problems += [f"{path}: missing from the wheel" for path in must_include if path not in names]
    return sorted(problems)
