import sys

import pytest

from venv_detect_and_config import (
    in_virtualenv,
    includes_system_site_packages,
    parse_pyvenv_cfg,
)

# What `python3 -m venv --prompt=dev .venv` writes on Linux with Python 3.11.
REAL_PYVENV_CFG = """\
home = /usr/local/bin
include-system-site-packages = false
version = 3.11.7
executable = /usr/local/bin/python3.11
command = /usr/local/bin/python3 -m venv --prompt=dev /home/ada/project/.venv
prompt = 'dev'
"""


@pytest.mark.parametrize(
    ("prefix", "base_prefix", "expected"),
    [
        ("/home/ada/project/.venv", "/usr/local", True),
        ("/usr/local", "/usr/local", False),
        ("C:\\Users\\ada\\proj\\.venv", "C:\\Python311", True),
    ],
    ids=["inside-a-venv", "system-python", "windows-venv"],
)
def test_in_virtualenv_compares_prefix_with_base_prefix(monkeypatch, prefix, base_prefix, expected):
    monkeypatch.setattr(sys, "prefix", prefix)
    monkeypatch.setattr(sys, "base_prefix", base_prefix)
    assert in_virtualenv() is expected, (
        f"with sys.prefix={prefix!r} and sys.base_prefix={base_prefix!r}, "
        f"in_virtualenv() should be {expected}; read both values inside the function, "
        "not once at import time"
    )


@pytest.mark.parametrize(
    ("prefix", "virtual_env", "expected"),
    [
        ("/home/ada/project/.venv", None, True),
        ("/usr/local", "/home/ada/project/.venv", False),
    ],
    ids=["venv-python-run-without-activating", "system-python-in-an-activated-shell"],
)
def test_in_virtualenv_ignores_the_virtual_env_variable(monkeypatch, prefix, virtual_env, expected):
    monkeypatch.setattr(sys, "prefix", prefix)
    monkeypatch.setattr(sys, "base_prefix", "/usr/local")
    if virtual_env is None:
        monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    else:
        monkeypatch.setenv("VIRTUAL_ENV", virtual_env)

    assert in_virtualenv() is expected, (
        "VIRTUAL_ENV is only set by the `activate` script: .venv/bin/python run directly has no "
        "such variable, and a shell can keep it while running another Python. Ask sys instead."
    )


def test_parse_reads_every_key_of_a_real_pyvenv_cfg():
    cfg = parse_pyvenv_cfg(REAL_PYVENV_CFG)
    assert cfg == {
        "home": "/usr/local/bin",
        "include-system-site-packages": "false",
        "version": "3.11.7",
        "executable": "/usr/local/bin/python3.11",
        "command": "/usr/local/bin/python3 -m venv --prompt=dev /home/ada/project/.venv",
        "prompt": "'dev'",
    }


def test_parse_splits_only_at_the_first_equals_sign():
    cfg = parse_pyvenv_cfg("home = /opt/py\ncommand = python -m venv --prompt=dev .venv\n")
    assert cfg["command"] == "python -m venv --prompt=dev .venv", (
        "the value may itself contain '=': split each line at the first '=' only"
    )


def test_parse_lowercases_keys_but_keeps_the_case_of_values():
    cfg = parse_pyvenv_cfg("HOME = /Applications/Python 3.11/bin\nVersion=3.11.7")
    assert cfg == {"home": "/Applications/Python 3.11/bin", "version": "3.11.7"}


@pytest.mark.parametrize(
    "text",
    [
        "\nhome = /usr/bin\n\n",
        "this line has no equals sign\nhome = /usr/bin\n",
        "home = /usr/bin\r\n",
        "   home   =   /usr/bin   ",
    ],
    ids=["blank-lines", "line-without-equals", "windows-line-ending", "extra-spaces"],
)
def test_parse_ignores_blank_lines_junk_and_surrounding_whitespace(text):
    assert parse_pyvenv_cfg(text) == {"home": "/usr/bin"}


def test_parse_keeps_unicode_paths():
    cfg = parse_pyvenv_cfg("home = /home/zoë/python/bin\n")
    assert cfg["home"] == "/home/zoë/python/bin"


@pytest.mark.parametrize(
    "text",
    ["", "version = 3.11.7\n", "homes = /usr/bin\n"],
    ids=["empty-file", "only-version", "similar-key"],
)
def test_parse_rejects_a_config_without_home(text):
    with pytest.raises(ValueError, match="pyvenv.cfg has no 'home' key"):
        parse_pyvenv_cfg(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("True", True), ("TRUE", True), ("tRuE", True), ("false", False), ("yes", False),
     ("untrue", False), ("true-ish", False), ("", False)],
    ids=["true", "capitalised-True", "upper-TRUE", "mixed-case", "false", "yes-is-not-true",
         "contains-true", "starts-with-true", "empty"],
)
def test_system_site_packages_flag_is_read_case_insensitively(value, expected):
    cfg = {"home": "/usr/bin", "include-system-site-packages": value}
    assert includes_system_site_packages(cfg) is expected


def test_missing_system_site_packages_flag_means_false():
    assert includes_system_site_packages({"home": "/usr/bin"}) is False
