import os
import subprocess
import sys
from pathlib import Path

import pytest

from venv_envbuilder_subprocess import create_env, interpreter_facts

WINDOWS = os.name == "nt"


def read_cfg(env):
    lines = (env / "pyvenv.cfg").read_text(encoding="utf-8").splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition("=") for line in lines)}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """One environment for the tests that only look at it, in a folder with a space and
    a quote in its name."""
    root = tmp_path_factory.mktemp("envs") / "it's a build env"
    return root, create_env(root)


def test_create_env_makes_an_environment_and_returns_its_python(env):
    root, python = env

    expected = root / ("Scripts/python.exe" if WINDOWS else "bin/python")
    assert Path(python) == expected, f"the interpreter of the environment is {expected}"
    assert Path(python).exists()
    assert (root / "pyvenv.cfg").is_file(), "EnvBuilder writes pyvenv.cfg at the top"


def test_the_environment_has_no_pip_and_its_own_site_packages_only(env):
    root, _ = env

    cfg = read_cfg(root)
    assert cfg["include-system-site-packages"] == "false"
    assert not list(root.rglob("pip")), "with_pip=False: no pip (installing it needs the network)"


@pytest.mark.skipif(WINDOWS, reason="Windows copies the interpreter instead")
def test_the_interpreter_is_a_symlink_on_posix(env):
    _, python = env

    assert Path(python).is_symlink(), "symlinks=True except on Windows (os.name == 'nt')"


def test_interpreter_facts_of_the_new_environment(env):
    root, python = env

    try:
        facts = interpreter_facts(python)
    except subprocess.CalledProcessError as error:
        pytest.fail(f"running {str(python)!r} failed ({error.stderr!r}): its path holds a space "
                    "and a quote; pass a LIST of arguments to subprocess.run, never a shell string")

    assert facts["in_venv"] is True
    assert Path(facts["prefix"]).resolve() == root.resolve(), (
        "inside the environment, sys.prefix is the environment's folder"
    )
    assert Path(facts["base_prefix"]).resolve() != root.resolve()
    assert facts["version"] == list(sys.version_info[:2]), (
        "version is [major, minor] as a JSON list"
    )
    assert set(facts) == {"prefix", "base_prefix", "in_venv", "version"}


def test_interpreter_facts_of_the_interpreter_running_the_tests():
    facts = interpreter_facts(Path(sys.executable))

    assert facts["prefix"] == sys.prefix
    assert facts["base_prefix"] == sys.base_prefix
    assert facts["in_venv"] is (sys.prefix != sys.base_prefix)


def test_system_site_packages_goes_to_the_environment(tmp_path):
    create_env(tmp_path / "shared", system_site_packages=True)

    assert read_cfg(tmp_path / "shared")["include-system-site-packages"] == "true"


def test_an_existing_empty_folder_is_fine(tmp_path):
    (tmp_path / "empty").mkdir()

    python = create_env(tmp_path / "empty")

    assert Path(python).exists()


@pytest.mark.parametrize("kind", ["folder-with-a-file", "a-file"], ids=["non-empty-folder", "file"])
def test_refuses_a_path_that_is_not_an_empty_folder_and_touches_nothing(tmp_path, kind):
    target = tmp_path / "project"
    if kind == "a-file":
        target.write_text("precious", encoding="utf-8")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("precious", encoding="utf-8")

    with pytest.raises(FileExistsError, match="is not empty"):
        create_env(target)

    kept = target if kind == "a-file" else target / "notes.txt"
    assert kept.read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "project" / "pyvenv.cfg").exists(), (
        "check BEFORE creating: nothing may be written into a folder that is not empty"
    )


@pytest.mark.skipif(WINDOWS, reason="uses a POSIX shell script as a failing 'interpreter'")
def test_interpreter_facts_lets_a_failing_interpreter_raise(tmp_path):
    broken = tmp_path / "broken python"
    broken.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)

    with pytest.raises(subprocess.CalledProcessError) as caught:
        interpreter_facts(broken)
    assert caught.value.returncode == 3
