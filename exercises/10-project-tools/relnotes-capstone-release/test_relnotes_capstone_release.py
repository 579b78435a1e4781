import base64
import csv
import email.parser
import hashlib
import io
import os
import re
import runpy
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from relnotes_capstone_release import archive_names, build_dists, install_wheel

ROOT = Path(__file__).parent
VERSION = "2.1.1"  # the tests set this in the copy's __init__.py: the build must follow it
SUBJECTS = (
    "feat(cli): add --json\nfix: handle empty input\nfeat!: drop Python 3.9\n"
    "Merge branch 'x'\n\nfeat: add --since\n"
)
NOTES = """\
# Release 2.1.0

## Breaking changes

- drop Python 3.9

## Features

- cli: add --json
- add --since

## Bug fixes

- handle empty input

## Other changes

- Merge branch 'x'
"""


@pytest.fixture
def relnotes(monkeypatch):
    """The relnotes package of src/, imported fresh, forgotten afterwards."""
    monkeypatch.syspath_prepend(str(ROOT / "src"))
    for name in [m for m in sys.modules if m == "relnotes" or m.startswith("relnotes.")]:
        monkeypatch.delitem(sys.modules, name)
    import relnotes.cli
    import relnotes.core

    yield relnotes
    for name in [m for m in sys.modules if m == "relnotes" or m.startswith("relnotes.")]:
        del sys.modules[name]


# --- core.py and cli.py ------------------------------------------------------------------------


def test_group_sorts_subjects_into_sections_in_order(relnotes):
    got = relnotes.core.group(["feat(cli): add --json", "fix: crash", "feat!: drop 3.9", "Merge x"])
    assert got == {
        "Breaking changes": ["drop 3.9"],
        "Features": ["cli: add --json"],
        "Bug fixes": ["crash"],
        "Other changes": ["Merge x"],
    }
    assert list(got) == ["Breaking changes", "Features", "Bug fixes", "Other changes"]


@pytest.mark.parametrize(
    ("subject", "section", "entry"),
    [
        ("  fix(parser): ünïcode  ", "Bug fixes", "parser: ünïcode"),
        ("fix(api)!: new return type", "Breaking changes", "api: new return type"),
        ("docs: explain --json", "Other changes", "explain --json"),
        ("Feat: capital type", "Other changes", "Feat: capital type"),
        ("feat:no space", "Other changes", "feat:no space"),
        ("feat: ", "Other changes", "feat:"),
        ("fix(): empty scope", "Other changes", "fix(): empty scope"),
    ],
    ids=[
        "scope-and-strip",
        "bang-with-scope",
        "other-type",
        "not-lower-case",
        "no-space",
        "no-text",
        "empty-scope",
    ],
)
def test_group_reads_the_conventional_commit_format(relnotes, subject, section, entry):
    assert relnotes.core.group([subject]) == {section: [entry]}


def test_group_of_nothing_is_empty(relnotes):
    assert relnotes.core.group(["", "   "]) == {}


def test_group_goes_on_after_blank_and_unusual_subjects(relnotes):
    got = relnotes.core.group(["fix: a", "", "Merge x", "WIP", "feat: b", "fix: c"])
    assert got == {
        "Features": ["b"],
        "Bug fixes": ["a", "c"],
        "Other changes": ["Merge x", "WIP"],
    }, "skip a blank subject with `continue`, not `break`: the subjects after it count too"


def test_render_fills_the_template(relnotes):
    assert relnotes.core.render("2.1.0", SUBJECTS.splitlines()) == NOTES


def test_render_normalises_the_version_and_keeps_dollars_and_braces(relnotes):
    got = relnotes.core.render("2.1.0-RC1", ["fix: keep $HOME and {braces}"])
    assert got == "# Release 2.1.0rc1\n\n## Bug fixes\n\n- keep $HOME and {braces}\n", (
        "substitute the template once: a commit subject is data, not template text"
    )


def test_render_without_changes_says_so(relnotes):
    assert relnotes.core.render("1.0", []) == "# Release 1.0\n\nNo changes.\n"


def test_render_refuses_an_invalid_version(relnotes):
    with pytest.raises(ValueError, match=r"not a version: 'banana'"):
        relnotes.core.render("banana", ["fix: x"])


def test_the_cli_reads_a_file(relnotes, tmp_path, capsys):
    log = tmp_path / "log.txt"
    log.write_text(SUBJECTS, encoding="utf-8")
    assert relnotes.cli.main(["2.1.0", str(log)]) == 0
    assert capsys.readouterr().out == NOTES


def test_the_cli_reads_standard_input(relnotes, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("fix: one\n"))
    assert relnotes.cli.main(["3.0"]) == 0
    assert capsys.readouterr().out == "# Release 3.0\n\n## Bug fixes\n\n- one\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["banana"], "relnotes: not a version: 'banana'"),
        (["1.0", "no/such/file.txt"], "relnotes: "),
    ],
    ids=["bad-version", "missing-file"],
)
def test_the_cli_reports_errors_on_stderr_with_status_2(
    relnotes, monkeypatch, capsys, args, message
):
    monkeypatch.setattr(sys, "stdin", io.StringIO("fix: one\n"))
    assert relnotes.cli.main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(message), captured.err


def test_the_cli_prints_its_version(relnotes, capsys):
    with pytest.raises(SystemExit) as exit_info:
        relnotes.cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == "relnotes 2.1.0\n"


# --- the release helpers, on small archives --------------------------------------------------


def test_archive_names_lists_the_files_of_a_wheel(tmp_path):
    wheel = tmp_path / "demo-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name in ["demo/", "demo/b.py", "demo/a.py", "demo-1.0.dist-info/RECORD"]:
            archive.writestr(name, "")
    assert archive_names(wheel) == ["demo-1.0.dist-info/RECORD", "demo/a.py", "demo/b.py"]


def test_archive_names_lists_the_files_of_an_sdist_without_its_top_folder(tmp_path):
    sdist = tmp_path / "demo-1.0.tar.gz"
    with tarfile.open(sdist, "w:gz") as archive:
        for name in ["demo-1.0", "demo-1.0/src", "demo-1.0/src/demo"]:
            info = tarfile.TarInfo(name)
            info.type = tarfile.DIRTYPE
            archive.addfile(info)
        for name in [
            "demo-1.0/src/demo/a.py",
            "demo-1.0/PKG-INFO",
            "demo-1.0/src/demo/data/x-1.0/y",
        ]:
            archive.addfile(tarfile.TarInfo(name), io.BytesIO(b""))
    assert archive_names(sdist) == ["PKG-INFO", "src/demo/a.py", "src/demo/data/x-1.0/y"]


def test_archive_names_refuses_other_files(tmp_path):
    other = tmp_path / "demo-1.0.zip"
    other.write_bytes(b"")
    with pytest.raises(ValueError, match=r"not a wheel or an sdist: demo-1.0.zip"):
        archive_names(other)


def test_build_dists_refuses_a_dist_folder_with_old_files_before_building(tmp_path):
    outdir = tmp_path / "dist"
    outdir.mkdir()
    (outdir / "relnotes-2.0.0-py3-none-any.whl").write_bytes(b"old")
    with pytest.raises(ValueError, match="is not empty"):
        build_dists(tmp_path / "no-project-here", outdir)


def test_build_dists_reports_a_failing_build(tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "pyproject.toml").write_text("[project\nname = 'x'\n")
    with pytest.raises(RuntimeError, match=r"^python -m build failed:\n") as info:
        build_dists(tmp_path / "broken", tmp_path / "dist")
    message = str(info.value)
    assert "pyproject.toml" in message, f"show what build said (capture its output): {message!r}"
    assert "b'" not in message, "decode the output (text=True) so that it reads as text"


def test_install_wheel_reports_a_failing_install(tmp_path):
    with pytest.raises(RuntimeError, match=r"^pip install failed:\n") as info:
        install_wheel(tmp_path / "missing-1.0-py3-none-any.whl", tmp_path / "target")
    message = str(info.value)
    assert "missing-1.0-py3-none-any.whl" in message, f"show what pip said: {message!r}"
    assert "b'" not in message, "decode the output (text=True) so that it reads as text"


def test_conf_py_names_the_project_and_takes_the_release_from_the_package(monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    for name in [m for m in sys.modules if m == "relnotes" or m.startswith("relnotes.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.chdir(ROOT / "docs")  # Sphinx runs conf.py from its folder
    try:
        settings = runpy.run_path(str(ROOT / "docs" / "conf.py"))
        import relnotes
    except ImportError as error:
        pytest.fail(f"conf.py must put src/ (next to docs/) on sys.path: {error}")

    assert relnotes.__file__.startswith(str(ROOT / "src")), "conf.py must put src/ on sys.path"
    assert settings.get("project") == "relnotes"
    assert settings.get("release") == relnotes.__version__, "release = relnotes.__version__"
    assert "sphinx.ext.autodoc" in settings.get("extensions", [])
    for name in [m for m in sys.modules if m == "relnotes" or m.startswith("relnotes.")]:
        del sys.modules[name]


# --- the real release: build once, inspect, install, run --------------------------------------


class Release:
    def __init__(self, base: Path):
        self.base = base
        self.project = base / "project"


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    base = tmp_path_factory.mktemp("release")
    release = Release(base)
    project = release.project
    junk = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src", project / "src", ignore=junk)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=junk)
    for name in ["pyproject.toml", "MANIFEST.in", "README.md"]:
        shutil.copy(ROOT / name, project / name)
    init = project / "src" / "relnotes" / "__init__.py"
    init.write_text(re.sub(r"__version__ = .*", f'__version__ = "{VERSION}"', init.read_text()))
    (project / "tests").mkdir()
    (project / "tests" / "test_relnotes_smoke.py").write_text("def test_smoke():\n    pass\n")
    (project / "tests" / "__pycache__").mkdir()
    (project / "tests" / "__pycache__" / "test_relnotes_smoke.cpython-312.pyc").write_bytes(b"\0")
    (project / ".env").write_text("PYPI_TOKEN=pypi-not-for-the-archive\n")
    release.sdist, release.wheel = build_dists(project, base / "dist")
    release.target = base / "target"
    install_wheel(release.wheel, release.target)
    return release


def wheel_file(release: Release, name: str) -> str:
    with zipfile.ZipFile(release.wheel) as archive:
        return archive.read(f"relnotes-{VERSION}.dist-info/{name}").decode("utf-8")


def test_the_archives_are_named_after_the_project_and_its_dynamic_version(release):
    assert release.wheel.name == f"relnotes-{VERSION}-py3-none-any.whl", (
        "the version must be dynamic, read from relnotes.__version__ (the tests set it to "
        f'{VERSION} in __init__.py): dynamic = ["version"] and [tool.setuptools.dynamic]'
    )
    assert release.sdist.name == f"relnotes-{VERSION}.tar.gz"


def test_the_wheel_metadata_describes_the_project(release):
    metadata = email.parser.Parser().parsestr(wheel_file(release, "METADATA"))
    assert metadata["Name"] == "relnotes" and metadata["Version"] == VERSION
    assert (metadata["Summary"] or "").strip(), "add a description in [project]"
    python = SpecifierSet(metadata["Requires-Python"] or "")
    assert all(v in python for v in ["3.10", "3.13"]) and "3.9" not in python, (
        'requires-python = ">=3.10"'
    )
    requirements = [Requirement(line) for line in metadata.get_all("Requires-Dist") or []]
    packaging = [r for r in requirements if r.name == "packaging"]
    assert packaging, 'core.py imports packaging: dependencies = ["packaging>=22"]'
    assert packaging[0].specifier.contains("22.0") and packaging[0].specifier.contains("24.1")
    assert not packaging[0].specifier.contains("21.3"), "packaging 22 or newer, not older"
    assert "# relnotes" in metadata.get_payload(), 'PyPI shows the README: readme = "README.md"'


def test_the_wheel_declares_the_console_script(release):
    assert re.search(
        r"^relnotes\s*=\s*relnotes\.cli:main\s*$", wheel_file(release, "entry_points.txt"), re.M
    ), '[project.scripts] needs relnotes = "relnotes.cli:main"'


def test_the_wheel_holds_the_package_and_its_data_and_nothing_else(release):
    names = archive_names(release.wheel)
    for needed in [
        "relnotes/__init__.py",
        "relnotes/__main__.py",
        "relnotes/cli.py",
        "relnotes/core.py",
    ]:
        assert needed in names, f'{needed} is missing from the wheel: packages.find where = ["src"]'
    for data in ["relnotes/templates/notes.md", "relnotes/py.typed"]:
        assert data in names, (
            f"{data} is missing from the wheel: list it in [tool.setuptools.package-data]"
        )
    strays = [n for n in names if not n.startswith(("relnotes/", f"relnotes-{VERSION}.dist-info/"))]
    assert strays == [], f"the wheel must hold only the package and its .dist-info: {strays}"
    assert not [n for n in names if n.endswith(".pyc")], "no bytecode in the wheel"


def test_every_record_hash_of_the_wheel_is_right(release):
    with zipfile.ZipFile(release.wheel) as archive:
        record = archive.read(f"relnotes-{VERSION}.dist-info/RECORD").decode("utf-8")
        for path, hash_value, size in filter(None, csv.reader(io.StringIO(record))):
            if not hash_value:
                continue
            data = archive.read(path)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert hash_value == f"sha256={digest}" and int(size) == len(data), path


def test_the_sdist_holds_the_sources_tests_and_docs_but_no_secrets(release):
    names = archive_names(release.sdist)
    for needed in [
        "PKG-INFO",
        "pyproject.toml",
        "README.md",
        "src/relnotes/core.py",
        "src/relnotes/templates/notes.md",
        "src/relnotes/py.typed",
    ]:
        assert needed in names, (
            f"{needed} is missing from the sdist (data files: [tool.setuptools.package-data])"
        )
    for needed in ["tests/test_relnotes_smoke.py", "docs/conf.py", "docs/index.rst"]:
        assert needed in names, (
            f"{needed} is missing from the sdist: packagers rebuild and test from it; "
            "MANIFEST.in needs `graft tests` and `graft docs`"
        )
    assert ".env" not in names, "the .env file of secrets was shipped in the sdist!"
    assert not [n for n in names if n.endswith(".pyc")], (
        "bytecode in the sdist: add `global-exclude *.py[cod]` to MANIFEST.in"
    )


def run_installed(release: Release, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """Run a command with only the install folder on the path, far from src/."""
    env = dict(os.environ, PYTHONPATH=str(release.target))
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        cwd=release.base,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_the_installed_package_runs_with_python_dash_m(release):
    result = run_installed(release, "-m", "relnotes", "2.1.0", stdin=SUBJECTS)
    assert result.returncode == 0, (
        "the installed relnotes failed (is the template in the wheel, and read with "
        f"importlib.resources rather than a path to src/?):\n{result.stderr}"
    )
    assert result.stdout == NOTES


def test_the_installed_console_script_works(release):
    scripts = [*release.target.glob("bin/relnotes*"), *release.target.glob("Scripts/relnotes*")]
    assert scripts, "pip created no `relnotes` command: check [project.scripts]"
    if scripts[0].suffix == ".exe":  # Windows: a launcher, not a Python file
        result = run_installed(
            release,
            "-c",
            "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))",
            str(scripts[0]),
            "--version",
        )
    else:
        result = run_installed(release, str(scripts[0]), "--version")
    assert (result.returncode, result.stdout) == (0, f"relnotes {VERSION}\n"), result.stderr


# --- the documentation, built by Sphinx with warnings as errors --------------------------------


@pytest.fixture(scope="module")
def docs(release):
    out = release.base / "html"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    command = [sys.executable, "-m", "sphinx", "-b", "text", "-W", "--keep-going", "-q", "-E"]
    command += ["-d", str(out / "doctrees"), str(release.project / "docs"), str(out / "text")]
    result = subprocess.run(
        command, cwd=release.base, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, f"Sphinx failed (-W: warnings are errors):\n{result.stderr}"
    return (out / "text" / "index.txt").read_text(encoding="utf-8")


def test_the_docs_build_and_show_the_release(docs):
    assert VERSION in docs, "index.rst must show |release|, taken from relnotes.__version__"


@pytest.mark.parametrize(
    "signature",
    [
        "relnotes.core.group(subjects: list[str]) -> dict[str, list[str]]",
        "relnotes.core.render(version: str, subjects: list[str]) -> str",
    ],
    ids=["group", "render"],
)
def test_the_docs_document_the_api(docs, signature):
    assert signature in docs, f"the docs lack {signature.split('(')[0]}: automodule relnotes.core"
    section = docs.split(signature, 1)[1].split("relnotes.core.", 1)[0]
    assert "Parameters:" in section and "Returns:" in section, (
        "write :param ...: and :returns: in the docstring"
    )
