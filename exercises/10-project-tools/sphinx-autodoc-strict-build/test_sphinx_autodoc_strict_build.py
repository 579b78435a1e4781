import doctest
import inspect
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import sphinx_autodoc_strict_build as durations
from sphinx_autodoc_strict_build import format_duration, parse_duration

ROOT = Path(__file__).parent
FUNCTIONS = [parse_duration, format_duration]
FUNCTION_IDS = ["parse_duration", "format_duration"]


# --- the code being documented (it works; these guard it) --------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1h30m", 5400), (" 90s ", 90), ("2h", 7200), ("45m10s", 2710), ("1h0m1s", 3601), ("0s", 0)],
    ids=["hours-minutes", "spaces-around", "hours", "minutes-seconds", "all-three", "zero"],
)
def test_parse_duration_counts_seconds(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    ["", "  ", "30m1h", "1 h", "1.5h", "10"],
    ids=["empty", "blank", "wrong-order", "space-inside", "fraction", "no-unit"],
)
def test_parse_duration_refuses_what_is_not_a_duration(text):
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("seconds", "separator", "text"),
    [
        (5400, " ", "1h 30m"),
        (3725, "", "1h2m5s"),
        (0, " ", "0s"),
        (59, " ", "59s"),
        (3600, ", ", "1h"),
        (61, "+", "1m+1s"),
    ],
    ids=[
        "hours-minutes",
        "no-separator",
        "zero",
        "seconds-only",
        "hours-only",
        "minute-and-second",
    ],
)
def test_format_duration_writes_the_nonzero_parts(seconds, separator, text):
    assert format_duration(seconds, separator) == text


def test_format_duration_uses_a_space_by_default_and_refuses_negative_numbers():
    assert format_duration(7261) == "2h 1m 1s"
    with pytest.raises(ValueError, match="negative duration: -1"):
        format_duration(-1)


# --- the docstrings ------------------------------------------------------------------------


@pytest.mark.parametrize("function", FUNCTIONS, ids=FUNCTION_IDS)
def test_every_parameter_is_documented_under_its_real_name(function):
    documented = re.findall(
        r"^:param (?:[\w\[\], ]+ )?(\w+):", inspect.getdoc(function) or "", re.M
    )
    assert sorted(documented) == sorted(inspect.signature(function).parameters), (
        f"{function.__name__} documents the parameters {sorted(documented)}, but its signature "
        f"has {sorted(inspect.signature(function).parameters)}: one ':param name:' line each, "
        "with the exact names"
    )


@pytest.mark.parametrize("function", FUNCTIONS, ids=FUNCTION_IDS)
def test_every_docstring_says_what_it_returns_and_raises(function):
    doc = inspect.getdoc(function) or ""
    assert re.search(r"^:returns?:", doc, re.M), f"{function.__name__}: add a ':returns:' line"
    assert re.search(r"^:raises ValueError:", doc, re.M), (
        f"{function.__name__} raises ValueError: add a ':raises ValueError:' line saying when"
    )


@pytest.mark.parametrize("function", FUNCTIONS, ids=FUNCTION_IDS)
def test_every_docstring_has_an_example_that_doctest_runs_and_passes(function):
    tests = doctest.DocTestFinder(recurse=False).find(function, globs=vars(durations))
    examples = sum(len(test.examples) for test in tests)
    assert examples >= 1, f"{function.__name__}: add an example, a line '>>> ...' and its result"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test, out=lambda text: None)
    assert runner.failures == 0, (
        f"an example in {function.__name__}'s docstring is wrong: run "
        f"`python -m doctest -v sphinx_autodoc_strict_build.py` to see which"
    )


# --- docs/conf.py ----------------------------------------------------------------------------


def test_conf_py_takes_the_release_from_the_module(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_bytes((ROOT / "docs" / "conf.py").read_bytes())
    (tmp_path / "sphinx_autodoc_strict_build.py").write_text('__version__ = "9.8.7"\n')
    monkeypatch.delitem(sys.modules, "sphinx_autodoc_strict_build")
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.chdir(tmp_path / "docs")  # Sphinx runs conf.py from its own folder
    settings = runpy.run_path(str(tmp_path / "docs" / "conf.py"))
    assert "sphinx.ext.autodoc" in settings.get("extensions", []), (
        'turn on autodoc in docs/conf.py: extensions = ["sphinx.ext.autodoc"]'
    )
    assert settings.get("project") == "durations"
    assert settings.get("release") == "9.8.7", (
        "release must come from the module's __version__ (import it), or the documentation "
        "will show an old version after the next release"
    )


# --- the real Sphinx build ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Run Sphinx once, as CI would: text output, every warning an error."""
    out = tmp_path_factory.mktemp("sphinx")
    # Run from elsewhere, without PYTHONPATH: only conf.py may make the module importable.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    command = [sys.executable, "-m", "sphinx", "-b", "text", "-W", "--keep-going", "-q", "-E"]
    command += ["-d", str(out / "doctrees"), str(ROOT / "docs"), str(out / "text")]
    result = subprocess.run(command, cwd=out, env=env, capture_output=True, text=True, timeout=60)
    return result, out / "text"


def page(built, name: str) -> str:
    result, out = built
    status, said = result.returncode, result.stderr + result.stdout
    assert status == 0, (
        f"Sphinx failed (-W makes every warning an error); it said:\n{said}"
    )
    path = out / f"{name}.txt"
    assert path.exists(), f"Sphinx built no page {name}: is docs/{name}.rst in the toctree?"
    return path.read_text(encoding="utf-8")


def test_sphinx_builds_the_documentation_without_a_single_warning(built):
    result, _ = built
    status, said = result.returncode, result.stderr + result.stdout
    assert status == 0 and not said.strip(), (
        f"Sphinx failed (-W makes every warning an error); it said:\n{said}"
    )


def test_the_index_shows_the_release_and_links_the_api_page(built):
    index = page(built, "index")
    assert "version 1.4.0" in index, "index.rst's |release| must show 1.4.0, set in conf.py"
    assert "API" in index, "index.rst needs a toctree that lists api"


@pytest.mark.parametrize(
    ("signature", "parameters"),
    [
        (r"parse_duration\(text: str\) -> int", ["text"]),
        (r"format_duration\(seconds: int, separator: str = .*\) -> str", ["seconds", "separator"]),
    ],
    ids=FUNCTION_IDS,
)
def test_the_api_page_renders_each_function_with_its_fields(built, signature, parameters):
    api = page(built, "api")
    match = re.search(signature, api)
    assert match, f"the API page shows no {signature.split(chr(92))[0]}(): add an autofunction"
    section = api[match.end() :].split("sphinx_autodoc_strict_build.", 1)[0]
    for heading in ["Parameters:", "Returns:", "Raises:"]:
        assert heading in section, f"Sphinx rendered no {heading!r} section: check the field list"
    for name in parameters:
        assert f"**{name}**" in section
    assert ">>>" in section, "the example must appear in the documentation"
    assert ":param" not in api and ":returns" not in api, (
        "a ':param' line was shown as plain text: a field list needs a blank line before it "
        "and exactly ':param name: text'"
    )
