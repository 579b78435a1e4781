import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import typed_protocol_generic_mypy as typed
from typed_protocol_generic_mypy import Closeable, Registry, close_all, first, parse_user

# A file that USES the module the way a colleague would. mypy must accept every
# line, and every line marked `# type: ignore` must really be an error: with
# --warn-unused-ignores, a type too loose (Any, a plain dict) makes that ignore
# "unused", which mypy reports.
USAGE = '''import io
from typing_extensions import assert_type
from typed_protocol_generic_mypy import Registry, UserRow, close_all, first, parse_user


class Door:
    def close(self) -> None:
        pass


assert_type(close_all([io.StringIO(), Door()]), int)
close_all([42])  # type: ignore

reg: Registry[int] = Registry()
reg.add("a", 1)
reg.add("b", "two")  # type: ignore
assert_type(reg.get("a"), int)
assert_type(reg.names(), list[str])

assert_type(first([1, 2]), int)
assert_type(first(["x"], None), str | None)
assert_type(first([1.5], "none"), float | str)

row: UserRow = parse_user({"id": "7", "name": "Ada"})
assert_type(row["id"], int)
assert_type(row["name"], str)
row["age"]  # type: ignore
'''


def test_mypy_strict_accepts_the_module_and_its_typed_usage(tmp_path):
    usage = tmp_path / "usage_of_typed_module.py"
    usage.write_text(USAGE, encoding="utf-8")
    module_dir = str(Path(typed.__file__).resolve().parent)
    env = {**os.environ, "MYPYPATH": module_dir}
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--warn-unused-ignores", "--no-color-output",
         "--cache-dir", str(tmp_path / "mypy-cache"), "--python-version", "3.10", str(usage)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )
    usage_lines = USAGE.splitlines()
    findings = []
    for line in (proc.stdout + proc.stderr).strip().splitlines():
        findings.append(line)
        name, _, rest = line.partition(":")
        number = rest.partition(":")[0]
        if name == usage.name and number.isdigit():
            findings.append(f"      line {number} is: {usage_lines[int(number) - 1].strip()}")
    findings = "\n".join(findings)
    numbered = "\n".join(f"{n:4}  {line}" for n, line in enumerate(usage_lines, start=1))
    exit_code = proc.returncode
    assert exit_code == 0, (
        "mypy --strict found problems:\n" + findings + "\n\n(A line marked 'type: ignore' that is NOT an error means "
        "a type is too loose, e.g. Any or a plain dict.) The usage file mypy checked:\n" + numbered
    )


class Door:
    def __init__(self, log, name, error=None):
        self.log, self.name, self.error = log, name, error

    def close(self):
        self.log.append(self.name)
        if self.error:
            raise self.error


@pytest.mark.parametrize(
    "resource, expected",
    [(io.StringIO(), True), (Door([], "d"), True), (42, False), ("text", False)],
    ids=["stringio", "own-class-without-inheritance", "int", "str"],
)
def test_closeable_is_a_runtime_checkable_protocol(resource, expected):
    assert isinstance(resource, Closeable) is expected, (
        "Closeable must be a typing.Protocol decorated with @runtime_checkable: any object with close() counts"
    )


def test_close_all_closes_everything_and_counts():
    log = []
    stream = io.StringIO()
    assert close_all([Door(log, "a"), stream, Door(log, "b")]) == 3
    assert log == ["a", "b"] and stream.closed


def test_close_all_still_closes_the_rest_and_re_raises_the_first_error():
    log = []
    first_error = OSError("disk")
    doors = [Door(log, "a", first_error), Door(log, "b"), Door(log, "c", ValueError("late"))]

    with pytest.raises(OSError, match="disk") as info:
        close_all(doors)

    assert log == ["a", "b", "c"], "one failing close() must not leave the others open"
    assert info.value is first_error, "re-raise the first error itself"


def test_close_all_of_nothing_is_zero():
    assert close_all([]) == 0


def test_registry_is_generic_at_run_time_too():
    reg = Registry[int]()
    reg.add("b", 2)
    reg.add("a", 0)

    assert reg.get("a") == 0
    assert reg.names() == ["a", "b"], "names() is sorted"


def test_registry_refuses_a_name_twice_and_keeps_the_first():
    reg = Registry[str]()
    reg.add("x", "first")

    with pytest.raises(ValueError, match="'x'"):
        reg.add("x", "second")
    assert reg.get("x") == "first"


def test_registry_instances_do_not_share_items():
    one, two = Registry[int](), Registry[int]()
    one.add("a", 1)
    assert two.names() == [], "keep the items per instance (in __init__), not on the class"


def test_registry_get_of_an_unknown_name_raises_key_error():
    with pytest.raises(KeyError, match="missing"):
        Registry[int]().get("missing")


@pytest.mark.parametrize(
    "items, expected",
    [([3, 4], 3), ("hé", "h"), ((x for x in [0, 1]), 0), ([None], None)],
    ids=["list", "string", "generator", "none-as-item"],
)
def test_first_returns_the_first_item_of_any_iterable(items, expected):
    assert first(items) == expected


def test_first_reads_only_one_item():
    pulled = []

    def numbers():
        for n in range(5):
            pulled.append(n)
            yield n

    assert first(numbers()) == 0
    assert pulled == [0], "first() must stop after one item: do not build a list"


@pytest.mark.parametrize(
    "default", [None, 0, "", "fallback"], ids=["none", "zero", "empty-string", "string"],
)
def test_first_of_nothing_returns_any_default_even_none(default):
    assert first([], default) == default and type(first([], default)) is type(default), (
        "None, 0 and '' are real defaults: tell 'no default given' apart with a private sentinel object"
    )


def test_first_of_nothing_without_a_default_raises():
    with pytest.raises(ValueError, match="empty"):
        first([])


def test_parse_user_builds_the_typed_row():
    row = parse_user({"id": " 7", "name": " Ada ", "extra": "x"})
    assert row == {"id": 7, "name": "Ada"}, "int() the id, strip the name, keep only id and name"
    assert type(row) is dict


def test_user_row_is_a_typed_dict_with_two_required_keys():
    assert getattr(typed.UserRow, "__required_keys__", None) == frozenset({"id", "name"}), (
        "UserRow must be a TypedDict with the fields id: int and name: str"
    )
    assert typed.UserRow.__annotations__ == {"id": int, "name": str}


@pytest.mark.parametrize("missing", ["id", "name"], ids=["no-id", "no-name"])
def test_parse_user_names_a_missing_field(missing):
    raw = {"id": "1", "name": "x"}
    del raw[missing]
    with pytest.raises(ValueError, match=repr(missing)):
        parse_user(raw)
