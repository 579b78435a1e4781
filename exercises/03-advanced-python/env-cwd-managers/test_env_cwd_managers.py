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


def test_temporary_env_restores_even_after_a_keyboard_interrupt(env):
    with pytest.raises(KeyboardInterrupt):
        with TemporaryEnv(LOG_LEVEL="debug", DEBUG="1"):
            raise KeyboardInterrupt

    assert (env.get("LOG_LEVEL"), "DEBUG" in env) == ("info", False), (
        "Ctrl+C is a BaseException, not an Exception: the restore must run for every exception"
    )


def test_temporary_env_restores_the_values_of_the_moment_it_is_entered(env):
    manager = TemporaryEnv(LOG_LEVEL="debug")
    env["LOG_LEVEL"] = "warning"  # the environment changes after the manager was created...

    with manager:
        assert env["LOG_LEVEL"] == "debug"

    assert env["LOG_LEVEL"] == "warning", (
        "the old values must be saved in __enter__, when the block starts, not in __init__"
    )


def test_temporary_env_can_be_used_again_and_nested(env):
    debug = TemporaryEnv(LOG_LEVEL="debug")
    with debug:
        with TemporaryEnv(LOG_LEVEL="trace", DEBUG="1"):
            assert env["LOG_LEVEL"] == "trace"
        assert (env["LOG_LEVEL"], "DEBUG" in env) == ("debug", False), "the inner block restores the outer one's values"
    with debug:
        assert env["LOG_LEVEL"] == "debug"

    assert env["LOG_LEVEL"] == "info"


def test_temporary_env_undoes_its_first_changes_when_a_later_one_fails_on_entry(env):
    manager = TemporaryEnv(LOG_LEVEL="debug", DEBUG="1", BROKEN="nul\0byte")

    with pytest.raises(ValueError, match="null"):
        with manager:
            pass  # pragma: no cover

    assert (env.get("LOG_LEVEL"), "DEBUG" in env, "BROKEN" in env) == ("info", False, False), (
        "os.environ refused BROKEN after LOG_LEVEL and DEBUG were already changed, and __exit__ never runs "
        "when __enter__ raises: __enter__ itself must put them back before it lets the error out"
    )


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


def test_working_directory_changes_back_even_after_a_keyboard_interrupt(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()

    with pytest.raises(KeyboardInterrupt):
        with working_directory("sub"):
            raise KeyboardInterrupt

    assert Path.cwd() == tmp_path.resolve(), (
        "Ctrl+C is a BaseException, not an Exception: `except Exception` misses it, `finally:` does not"
    )


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
