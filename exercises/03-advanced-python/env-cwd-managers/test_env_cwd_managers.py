import os
from pathlib import Path

import pytest

from env_cwd_managers import TemporaryEnv, working_directory


@pytest.fixture
def env(monkeypatch):
    """Start from LOG_LEVEL=info, TZ=UTC and no DEBUG; monkeypatch restores the real values afterwards."""
    monkeypatch.setenv("LOG_LEVEL", "info")
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("DEBUG", raising=False)
    return os.environ


def test_temporary_env_sets_and_unsets_variables_inside_the_block(env):
    with TemporaryEnv(LOG_LEVEL="debug", DEBUG="1", TZ=None):
        assert env.get("LOG_LEVEL") == "debug"
        assert env.get("DEBUG") == "1", "a variable that did not exist should be created"
        assert "TZ" not in env, "a value of None means: unset the variable inside the block"


def test_temporary_env_restores_everything_afterwards(env):
    with TemporaryEnv(LOG_LEVEL="debug", DEBUG="1", TZ=None):
        pass

    assert env.get("LOG_LEVEL") == "info"
    assert env.get("TZ") == "UTC", "an unset variable must come back with its old value"
    assert "DEBUG" not in env, "a variable that did not exist before must be removed again"


def test_temporary_env_restores_even_when_the_block_raises(env):
    # __exit__ must return False (or None): the error must not be swallowed.
    with pytest.raises(RuntimeError, match="boom"):
        with TemporaryEnv(LOG_LEVEL="debug", DEBUG="1"):
            raise RuntimeError("boom")

    assert env.get("LOG_LEVEL") == "info"
    assert "DEBUG" not in env


def test_temporary_env_gives_back_itself_and_handles_unicode_values(env):
    manager = TemporaryEnv(GREETING="grüß dich ✓")
    with manager as entered:
        assert entered is manager, "__enter__ should return self"
        assert env["GREETING"] == "grüß dich ✓"
    assert "GREETING" not in env


def test_temporary_env_with_no_changes_changes_nothing(env):
    before = dict(env)
    with TemporaryEnv():
        assert dict(env) == before
    assert dict(env) == before


@pytest.mark.parametrize(
    ("value", "type_name"), [(8080, "int"), (True, "bool"), (["a"], "list")], ids=["int", "bool", "list"]
)
def test_temporary_env_rejects_values_that_are_not_strings(env, value, type_name):
    with pytest.raises(TypeError, match=f"PORT must be a str or None, got {type_name}"):
        TemporaryEnv(PORT=value)


def test_working_directory_changes_into_the_folder_and_back(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()

    with working_directory("reports") as here:
        assert Path.cwd() == (tmp_path / "reports").resolve()
        assert here == Path.cwd(), "the with-statement should give back the new working directory"

    assert Path.cwd() == tmp_path.resolve(), "the previous directory must be restored"


def test_working_directory_changes_back_even_when_the_block_raises(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "données"
    target.mkdir()

    with pytest.raises(KeyError, match="missing"):
        with working_directory(target):
            raise KeyError("missing")

    assert Path.cwd() == tmp_path.resolve(), "use try/finally around the yield"


def test_working_directory_can_be_nested(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)

    with working_directory(tmp_path / "a"):
        with working_directory("b"):
            assert Path.cwd() == inner.resolve()
        assert Path.cwd() == (tmp_path / "a").resolve()
    assert Path.cwd() == tmp_path.resolve()


def test_working_directory_raises_for_a_missing_folder_and_stays_put(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    with pytest.raises(FileNotFoundError, match="no-such-dir"):
        with working_directory(tmp_path / "no-such-dir"):
            pass  # pragma: no cover

    assert Path.cwd() == tmp_path.resolve()
