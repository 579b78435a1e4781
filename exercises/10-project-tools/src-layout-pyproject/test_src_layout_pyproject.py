import email.message
import importlib
import os.path
import runpy
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet

from src_layout_pyproject import load_pyproject, project_version, resolve_object

ROOT = Path(__file__).parent


@pytest.fixture
def on_src_path(monkeypatch):
    """Make src/ importable, the way `pip install -e .` would, and forget tally afterwards."""
    monkeypatch.syspath_prepend(str(ROOT / "src"))
    yield
    for name in [m for m in sys.modules if m.partition(".")[0] == "tally"]:
        del sys.modules[name]


@pytest.fixture
def pyproject():
    try:
        with open(ROOT / "pyproject.toml", "rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        pytest.fail(f"pyproject.toml is not valid TOML: {error}")


def write_project(root: Path, toml: str, package: str = "", version: str = "") -> Path:
    (root / "pyproject.toml").write_text(toml, encoding="utf-8")
    if package:
        (root / "src" / package).mkdir(parents=True)
        (root / "src" / package / "__init__.py").write_text(f"__version__ = {version!r}\n")
    return root


# --- the three helpers ---------------------------------------------------------------


def test_load_pyproject_parses_the_toml_file(tmp_path):
    write_project(tmp_path, '[project]\nname = "café"\nkeywords = ["a", "b"]\n')
    assert load_pyproject(tmp_path) == {"project": {"name": "café", "keywords": ["a", "b"]}}


def test_load_pyproject_of_a_folder_without_one_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_pyproject(tmp_path)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("os.path:join", os.path.join),
        ("email.message:Message", email.message.Message),
        ("email.message:Message.get_payload", email.message.Message.get_payload),
    ],
    ids=["function-in-submodule", "class", "dotted-attribute"],
)
def test_resolve_object_imports_the_module_and_walks_the_attributes(reference, expected):
    assert resolve_object(reference) is expected


@pytest.mark.parametrize(
    "reference", ["os.path", "os.path:", ":join"], ids=["no-colon", "no-attribute", "no-module"]
)
def test_resolve_object_rejects_a_malformed_reference(reference):
    with pytest.raises(ValueError, match=r"expected 'module:attribute'"):
        resolve_object(reference)


def test_resolve_object_lets_a_missing_attribute_raise():
    with pytest.raises(AttributeError):
        resolve_object("os.path:no_such_function")


def test_project_version_reads_a_static_version(tmp_path):
    write_project(tmp_path, '[project]\nname = "demo"\nversion = "2.0.0rc1"\n')
    assert project_version(tmp_path) == "2.0.0rc1"


def test_project_version_reads_a_dynamic_version_from_a_submodule(tmp_path, monkeypatch):
    toml = (
        '[project]\nname = "demo"\ndynamic = ["version"]\n\n'
        '[tool.setuptools.dynamic]\nversion = {attr = "dynsub_demo.about.VERSION"}\n'
    )
    write_project(tmp_path, toml, package="dynsub_demo", version="9.9.9")
    (tmp_path / "src" / "dynsub_demo" / "about.py").write_text('VERSION = "3.1.0"\n')
    monkeypatch.syspath_prepend(str(tmp_path / "src"))
    for name in ["dynsub_demo", "dynsub_demo.about"]:
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert project_version(tmp_path) == "3.1.0", (
        "the module part of attr may be dotted: split 'dynsub_demo.about.VERSION' at its LAST dot"
    )


def test_project_version_reads_a_dynamic_version_from_the_package(tmp_path, monkeypatch):
    toml = (
        '[project]\nname = "demo"\ndynamic = ["version"]\n\n'
        '[tool.setuptools.dynamic]\nversion = {attr = "dynver_demo.__version__"}\n'
    )
    write_project(tmp_path, toml, package="dynver_demo", version="1.4.2")
    monkeypatch.syspath_prepend(str(tmp_path / "src"))
    monkeypatch.delitem(sys.modules, "dynver_demo", raising=False)
    assert project_version(tmp_path) == "1.4.2"


@pytest.mark.parametrize(
    "toml",
    [
        '[project]\nname = "demo"\n',
        '[project]\nname = "demo"\ndynamic = ["version"]\n',
        '[project]\nname = "demo"\n\n[tool.setuptools.dynamic]\nversion = {attr = "os.sep"}\n',
    ],
    ids=["no-version-at-all", "dynamic-but-no-attr", "attr-but-version-not-listed-as-dynamic"],
)
def test_project_version_without_a_version_raises(tmp_path, toml):
    write_project(tmp_path, toml)
    with pytest.raises(ValueError, match=r"pyproject\.toml declares no version"):
        project_version(tmp_path)


# --- the tally project itself -------------------------------------------------------------


def parsed_requirements(lines: list[str]) -> list[Requirement]:
    try:
        return [Requirement(line) for line in lines]
    except InvalidRequirement as error:
        pytest.fail(f"[build-system] requires holds a line pip cannot read: {error}")


def test_build_system_is_setuptools_61_or_newer(pyproject):
    build = pyproject.get("build-system", {})
    assert build.get("build-backend") == "setuptools.build_meta", (
        "[build-system] needs build-backend = \"setuptools.build_meta\""
    )
    setuptools = [r for r in parsed_requirements(build.get("requires", [])) if r.name == "setuptools"]
    assert setuptools, (
        "[build-system] requires must list setuptools itself, e.g. requires = [\"setuptools>=61\"]"
    )
    assert not setuptools[0].specifier.contains("60.10.0"), (
        "setuptools reads [project] only from version 61 on; an older one would build a package "
        "called UNKNOWN: requires = [\"setuptools>=61\"]"
    )
    assert setuptools[0].specifier.contains("75.0.0"), "a current setuptools must be allowed too"


# Released Pythons the project must accept (3.10 and newer), and ones it must refuse.
NEWER_PYTHONS = ["3.10.0", "3.10.13", "3.11.9", "3.12.4", "3.13.0", "3.14.0"]
OLDER_PYTHONS = ["3.8.18", "3.9.0", "3.9.19"]


def test_project_metadata_is_filled_in(pyproject):
    project = pyproject.get("project", {})
    assert project.get("name") == "tally"
    assert isinstance(project.get("description"), str) and project["description"].strip(), (
        "[project] needs a one-line description"
    )
    requires_python = project.get("requires-python")
    assert isinstance(requires_python, str), "[project] needs requires-python, e.g. \">=3.10\""
    try:
        specifier = SpecifierSet(requires_python)
    except InvalidSpecifier:
        pytest.fail(f"requires-python = {requires_python!r} is not a version specifier")
    refused = [v for v in NEWER_PYTHONS if not specifier.contains(v)]
    allowed = [v for v in OLDER_PYTHONS if specifier.contains(v)]
    assert not refused and not allowed, (
        f"requires-python = {requires_python!r} must allow Python 3.10 and newer and nothing "
        f"older (it refuses {refused} and allows {allowed}): \">=3.10\""
    )


def test_project_version_matches_the_package(on_src_path):
    import tally

    assert project_version(ROOT) == tally.__version__, (
        "the version in pyproject.toml must be the one in src/tally/__init__.py"
    )


def test_packages_are_found_under_src(pyproject):
    find = pyproject.get("tool", {}).get("setuptools", {}).get("packages", {}).get("find", {})
    assert find.get("where") == ["src"], (
        "add [tool.setuptools.packages.find] with where = [\"src\"] so setuptools looks in src/"
    )


def test_tally_command_runs_tally_cli_main(pyproject, on_src_path, capsys):
    scripts = pyproject.get("project", {}).get("scripts", {})
    assert "tally" in scripts, "add a [project.scripts] table with a `tally` entry"
    main = resolve_object(scripts["tally"])
    assert main(["to be or not to be", "--top", "2"]) == 0
    assert capsys.readouterr().out == "to 2\nbe 2\n"


def test_importing_tally_main_does_not_run_the_cli(on_src_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["tally", "not", "to", "be", "run"])
    try:
        importlib.import_module("tally.__main__")
    except SystemExit:
        pytest.fail(
            "importing tally.__main__ ran the command line: call main() only under "
            "`if __name__ == \"__main__\":` (tools such as pydoc and test runners import it)"
        )
    assert capsys.readouterr().out == ""


def test_python_dash_m_tally_runs_the_cli(on_src_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["tally", "Ça va, ça va", "--top", "1"])
    try:
        runpy.run_module("tally", run_name="__main__")
    except SystemExit as exit_info:
        code = exit_info.code
    else:
        pytest.fail(
            "`python -m tally` ran src/tally/__main__.py but it did not exit: "
            "call main() there and exit with its result, `raise SystemExit(main())`"
        )
    assert code == 0, "__main__.py should exit with the value main() returns"
    assert capsys.readouterr().out == "ça 2\n"
