import base64
import csv
import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from wheel_record_audit import audit_wheel, read_entry_points, read_metadata, verify_record

DIST = "shipit-1.0.dist-info"
RECORD = f"{DIST}/RECORD"

METADATA = """\
Metadata-Version: 2.1
Name: shipit
Version: 1.0
Summary: Ship releases, safely — avec élan
Author-email: José Núñez <jose@example.org>
Requires-Python: >=3.10
Requires-Dist: packaging>=23
Requires-Dist: rich>=13 ; extra == "pretty"
Provides-Extra: pretty
Classifier: Programming Language :: Python :: 3
Classifier: License :: OSI Approved :: MIT License
Platform: any
Project-URL: Homepage, https://example.org/shipit
Project-URL: Issues, https://example.org/shipit/issues
License-File: LICENSE
License-File: NOTICE
Dynamic: license
Description-Content-Type: text/markdown

# shipit

Ship it.
"""

ENTRY_POINTS = """\
[console_scripts]
shipit = shipit.cli:main
ShipIt-Legacy = shipit.cli:legacy_main

[shipit.checks]
record = shipit.checks:record_check
"""

PACKAGE = {
    "shipit/__init__.py": '__version__ = "1.0"\n',
    "shipit/cli.py": "def main():\n    return 0\n",
    "shipit/templates/report.html": "<h1>Report</h1>\n",
    "shipit/data/a,b.csv": "a,b\n1,2\n",  # a comma in a file name: RECORD quotes it
    "shipit/tests/test_inner.py": "def test_ok():\n    pass\n",
    f"{DIST}/METADATA": METADATA,
    f"{DIST}/WHEEL": "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    f"{DIST}/entry_points.txt": ENTRY_POINTS,
}


def b64_digest(data: bytes, algorithm: str = "sha256") -> str:
    digest = hashlib.new(algorithm, data).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def record_rows(files: dict[str, bytes]) -> list[list[str]]:
    rows = [[path, f"sha256={b64_digest(data)}", str(len(data))] for path, data in files.items()]
    return [[RECORD, "", ""], []] + rows  # RECORD's own row first, then an empty row


def make_wheel(folder: Path, files: dict[str, str | bytes], rows=None, record=RECORD) -> Path:
    """Write a wheel holding files, with a correct RECORD unless rows are given."""
    data = {path: text.encode() if isinstance(text, str) else text for path, text in files.items()}
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(record_rows(data) if rows is None else rows)
    wheel = folder / "shipit-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("shipit/", "")  # a folder entry, as some tools write
        for path, content in data.items():
            archive.writestr(path, content)
        archive.writestr(record, buffer.getvalue())
    return wheel


@pytest.fixture
def wheel(tmp_path):
    return make_wheel(tmp_path, PACKAGE)


# --- read_metadata ------------------------------------------------------------------------------


def test_read_metadata_keeps_every_occurrence_of_a_multiple_use_field(wheel):
    metadata = read_metadata(wheel)
    assert metadata["Requires-Dist"] == ["packaging>=23", 'rich>=13 ; extra == "pretty"'], (
        "Requires-Dist appears twice: use message.get_all() for the fields of MULTIPLE_USE"
    )
    assert metadata["Classifier"] == [
        "Programming Language :: Python :: 3",
        "License :: OSI Approved :: MIT License",
    ]
    assert metadata["Provides-Extra"] == ["pretty"], "a multiple-use field seen once is a list too"
    assert metadata["Project-URL"] == [
        "Homepage, https://example.org/shipit",
        "Issues, https://example.org/shipit/issues",
    ]
    assert metadata["License-File"] == ["LICENSE", "NOTICE"]
    assert metadata["Platform"] == ["any"]
    assert metadata["Dynamic"] == ["license"]


def test_read_metadata_reads_single_fields_and_the_body_as_utf8(wheel):
    metadata = read_metadata(wheel)
    assert metadata["Name"] == "shipit"
    assert metadata["Version"] == "1.0"
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata["Summary"] == "Ship releases, safely — avec élan", "decode METADATA as UTF-8"
    assert metadata["Author-email"] == "José Núñez <jose@example.org>"
    assert metadata["Description"] == "# shipit\n\nShip it.\n"


def test_read_metadata_without_a_body_has_no_description(tmp_path):
    files = dict(
        PACKAGE, **{f"{DIST}/METADATA": "Metadata-Version: 2.1\nName: shipit\nVersion: 1.0\n"}
    )
    metadata = read_metadata(make_wheel(tmp_path, files))
    assert metadata == {"Metadata-Version": "2.1", "Name": "shipit", "Version": "1.0"}


# --- read_entry_points ------------------------------------------------------------------------


def test_read_entry_points_returns_groups_and_keeps_the_names_case(wheel):
    assert read_entry_points(wheel) == {
        "console_scripts": {"shipit": "shipit.cli:main", "ShipIt-Legacy": "shipit.cli:legacy_main"},
        "shipit.checks": {"record": "shipit.checks:record_check"},
    }, "configparser lower-cases names unless parser.optionxform = str: 'ShipIt-Legacy' must stay"


def test_read_entry_points_of_a_wheel_without_them_is_empty(tmp_path):
    files = {k: v for k, v in PACKAGE.items() if not k.endswith("entry_points.txt")}
    assert read_entry_points(make_wheel(tmp_path, files)) == {}


def test_the_dist_info_folder_is_found_by_its_suffix(tmp_path):
    folder = "Ship_It-2.0rc1.dist-info"
    files = {path.replace(DIST, folder): text for path, text in PACKAGE.items()}
    rows = [[p, f"sha256={b64_digest(t.encode())}", str(len(t.encode()))] for p, t in files.items()]
    record = f"{folder}/RECORD"
    wheel = make_wheel(tmp_path, files, rows + [[record, "", ""]], record=record)
    assert read_entry_points(wheel)["console_scripts"]["shipit"] == "shipit.cli:main", (
        "do not build the folder name from the file name: find the one ending in .dist-info"
    )
    assert read_metadata(wheel)["Name"] == "shipit"
    assert verify_record(wheel) == []


@pytest.mark.parametrize("folders", [[], ["a-1.dist-info", "b-1.dist-info"]], ids=["none", "two"])
def test_a_wheel_needs_exactly_one_dist_info_folder(tmp_path, folders):
    wheel = tmp_path / "broken-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("broken/__init__.py", "")
        for folder in folders:
            archive.writestr(f"{folder}/METADATA", "Name: x\n")
    with pytest.raises(ValueError, match=r"expected one \.dist-info folder"):
        read_metadata(wheel)


# --- verify_record ----------------------------------------------------------------------------


def test_a_correct_record_has_no_problems(wheel):
    assert verify_record(wheel) == [], (
        "RECORD hashes are urlsafe_b64encode(digest) without '=' padding, not hexdigest(); "
        "RECORD's own row has no hash; read RECORD with csv (a name may hold a comma)"
    )


def tampered(tmp_path: Path, **changes: str) -> Path:
    """A wheel whose RECORD describes PACKAGE, but whose files are changed after."""
    rows = record_rows({path: text.encode() for path, text in PACKAGE.items()})
    return make_wheel(tmp_path, dict(PACKAGE, **changes), rows)


def test_verify_record_finds_a_file_changed_after_the_build(tmp_path):
    wheel = tampered(tmp_path, **{"shipit/cli.py": "def main():\n    return 1\n"})
    assert verify_record(wheel) == ["shipit/cli.py: hash mismatch"]


def test_verify_record_finds_a_file_of_another_size(tmp_path):
    wheel = tampered(tmp_path, **{"shipit/cli.py": "def main():\n    return 10\n"})
    assert verify_record(wheel) == ["shipit/cli.py: hash mismatch", "shipit/cli.py: size mismatch"]


def test_verify_record_finds_a_file_slipped_into_the_wheel(tmp_path):
    wheel = tampered(tmp_path, **{"shipit/_backdoor.py": "import os\n"})
    assert verify_record(wheel) == ["shipit/_backdoor.py: in the wheel but not in RECORD"], (
        "check the other direction too: every file of the zip must be in RECORD"
    )


def test_verify_record_finds_a_listed_file_that_is_missing(tmp_path):
    rows = record_rows({p: t.encode() for p, t in PACKAGE.items()})
    wheel = make_wheel(tmp_path, {p: t for p, t in PACKAGE.items() if p != "shipit/cli.py"}, rows)
    assert verify_record(wheel) == ["shipit/cli.py: listed in RECORD but not in the wheel"]


def row_for(path: str, hash_value: str, size: str | None = None) -> list[list[str]]:
    rows = record_rows({p: t.encode() for p, t in PACKAGE.items()})
    return [
        [p, hash_value, size or s] if p == path else [p, h, s] for p, h, s in filter(None, rows)
    ]


@pytest.mark.parametrize(
    ("hash_of", "expected"),
    [
        (lambda data: "sha256=" + hashlib.sha256(data).hexdigest(), "shipit/cli.py: hash mismatch"),
        (
            lambda data: "sha256=" + base64.b64encode(hashlib.sha256(data).digest()).decode(),
            "shipit/cli.py: hash mismatch",
        ),
        (lambda data: "", "shipit/cli.py: no hash"),
        (
            lambda data: "md5=" + b64_digest(data, "md5"),
            "shipit/cli.py: weak or unknown hash algorithm 'md5'",
        ),
        (
            lambda data: "sha1=" + b64_digest(data, "sha1"),
            "shipit/cli.py: weak or unknown hash algorithm 'sha1'",
        ),
        (lambda data: "blake9=abc", "shipit/cli.py: weak or unknown hash algorithm 'blake9'"),
    ],
    ids=["hex-digest", "padded-standard-base64", "empty-hash", "md5", "sha1", "unknown-algorithm"],
)
def test_verify_record_accepts_only_the_wheel_hash_format(tmp_path, hash_of, expected):
    data = PACKAGE["shipit/cli.py"].encode()
    wheel = make_wheel(tmp_path, PACKAGE, row_for("shipit/cli.py", hash_of(data)))
    assert verify_record(wheel) == [expected]


@pytest.mark.parametrize("algorithm", ["sha384", "sha512"])
def test_verify_record_accepts_stronger_algorithms(tmp_path, algorithm):
    data = PACKAGE["shipit/cli.py"].encode()
    rows = row_for("shipit/cli.py", f"{algorithm}={b64_digest(data, algorithm)}")
    assert verify_record(make_wheel(tmp_path, PACKAGE, rows)) == []


def test_only_the_padding_is_stripped_from_a_digest(tmp_path):
    # A sha384 digest is 64 base64 characters, no padding: it may end in any letter.
    data = next(d for n in range(5000) if b64_digest(d := b"%d" % n, "sha384").endswith("X"))
    files = dict(PACKAGE, **{"shipit/cli.py": data})
    rows = record_rows({p: t.encode() if isinstance(t, str) else t for p, t in files.items()})
    rows = [
        [p, f"sha384={b64_digest(data, 'sha384')}", s] if p == "shipit/cli.py" else [p, h, s]
        for p, h, s in filter(None, rows)
    ]
    assert verify_record(make_wheel(tmp_path, files, rows)) == [], "strip only '=': .rstrip(b'=')"


def test_urlsafe_characters_are_part_of_the_hash(tmp_path):
    # Find files whose hashes hold '-' and '_', the two characters urlsafe base64 adds.
    files = dict(PACKAGE)
    for n in range(200):
        files[f"shipit/gen/m{n}.py"] = f"N = {n}\n"
    hashes = "".join(b64_digest(text.encode()) for text in files.values())
    assert "-" in hashes and "_" in hashes
    assert verify_record(make_wheel(tmp_path, files)) == [], (
        "use base64.urlsafe_b64encode ('-' and '_'), not b64encode ('+' and '/')"
    )


# --- audit_wheel --------------------------------------------------------------------------


def test_audit_wheel_of_a_good_wheel_is_empty(wheel):
    must = ["shipit/templates/report.html", "shipit/__init__.py"]
    assert audit_wheel(wheel, must) == [], "a test folder INSIDE the package is allowed"


def test_audit_wheel_flags_tests_bytecode_and_missing_data_files(tmp_path):
    files = {p: t for p, t in PACKAGE.items() if p != "shipit/templates/report.html"}
    files["tests/__init__.py"] = ""
    files["tests/test_cli.py"] = "def test_main():\n    pass\n"
    files["test/conftest.py"] = ""
    files["testing_tools/helpers.py"] = "X = 1\n"
    files["shipit/__pycache__/cli.cpython-312.pyc"] = b"\x00bytecode"
    files["shipit/legacy.pyc"] = b"\x00bytecode"
    must = ["shipit/templates/report.html", "shipit/py.typed", "shipit/cli.py"]
    assert audit_wheel(make_wheel(tmp_path, files), must) == [
        "shipit/__pycache__/cli.cpython-312.pyc: bytecode does not belong in the wheel",
        "shipit/legacy.pyc: bytecode does not belong in the wheel",
        "shipit/py.typed: missing from the wheel",
        "shipit/templates/report.html: missing from the wheel",
        "test/conftest.py: tests do not belong in the wheel",
        "tests/__init__.py: tests do not belong in the wheel",
        "tests/test_cli.py: tests do not belong in the wheel",
    ], "only a TOP-LEVEL tests/ or test/ folder is flagged: testing_tools/ is a real package"


def test_audit_wheel_includes_the_record_problems(tmp_path):
    wheel = tampered(tmp_path, **{"tests/test_x.py": ""})
    assert audit_wheel(wheel, []) == [
        "tests/test_x.py: in the wheel but not in RECORD",
        "tests/test_x.py: tests do not belong in the wheel",
    ]
