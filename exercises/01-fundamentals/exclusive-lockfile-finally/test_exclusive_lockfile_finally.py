import os
import pathlib

import pytest

from exclusive_lockfile_finally import LockedError, run_exclusively


@pytest.fixture
def lock_path(tmp_path):
    return tmp_path / "nightly.lock"


def test_the_action_runs_holding_a_lock_with_our_pid_and_the_lock_is_removed(lock_path):
    seen = []

    def action():
        seen.append(lock_path.read_text(encoding="utf-8"))
        return "backed up"

    assert run_exclusively(lock_path, action) == "backed up"
    assert seen == [str(os.getpid())], "while the action runs, the lock file holds str(os.getpid())"
    assert not lock_path.exists(), "remove the lock file when the action is done"


@pytest.mark.parametrize("result", [None, 0, ""], ids=["none", "zero", "empty-string"])
def test_whatever_the_action_returns_is_returned(lock_path, result):
    assert run_exclusively(lock_path, lambda: result) == result


@pytest.mark.parametrize(
    "error",
    [ValueError("bad data"), OSError("disk gone"), KeyboardInterrupt(), SystemExit(3)],
    ids=["value-error", "os-error", "ctrl-c", "system-exit"],
)
def test_the_lock_is_removed_however_the_action_fails(lock_path, error):
    def action():
        raise error

    with pytest.raises(type(error)) as excinfo:
        run_exclusively(lock_path, action)

    assert excinfo.value is error, "the action's exception must propagate unchanged"
    assert not lock_path.exists(), (
        f"the lock was left behind after {type(error).__name__}: remove it in `finally:`, which "
        "also runs for KeyboardInterrupt and SystemExit; the next run would be locked out for ever"
    )


@pytest.mark.parametrize(("content", "shown"), [("977", "977"), ("977\n", "977"), ("", "unknown")],
                         ids=["pid", "pid-with-newline", "empty-file"])
def test_an_existing_lock_is_refused_and_left_alone(lock_path, content, shown):
    lock_path.write_text(content, encoding="utf-8")
    calls = []

    with pytest.raises(LockedError) as excinfo:
        run_exclusively(lock_path, lambda: calls.append("ran"))

    assert str(excinfo.value) == f"nightly.lock is held by process {shown}"
    assert isinstance(excinfo.value.__cause__, FileExistsError), (
        "create the file with open(path, 'x') and raise LockedError from its FileExistsError"
    )
    assert calls == [], "the action must not run while another process holds the lock"
    assert lock_path.read_text(encoding="utf-8") == content, (
        "the other process's lock file must stay exactly as it was: only the code after you "
        "got the lock belongs in the try/finally that removes it"
    )


def test_a_lock_created_between_a_check_and_the_write_is_not_overwritten(lock_path, monkeypatch):
    lock_path.write_text("977", encoding="utf-8")
    # Simulate the race: the other process creates its lock right after any exists() check.
    monkeypatch.setattr(pathlib.Path, "exists", lambda self, *a, **k: False)
    monkeypatch.setattr(pathlib.Path, "is_file", lambda self, *a, **k: False)
    monkeypatch.setattr(os.path, "exists", lambda path: False)
    monkeypatch.setattr(os.path, "isfile", lambda path: False)
    calls = []

    race = ("checking exists() and then writing is a race: two processes can both pass the check. "
            "Create the file in one step with open(path, 'x'), which fails if it already exists")
    try:
        run_exclusively(lock_path, lambda: calls.append("ran"))
    except LockedError:
        pass
    else:
        pytest.fail(race)

    assert calls == [] and lock_path.read_text(encoding="utf-8") == "977", race


def test_a_second_run_inside_the_first_is_refused_and_keeps_the_first_lock(lock_path):
    inner_errors = []

    def outer_action():
        try:
            run_exclusively(lock_path, lambda: "inner")
        except LockedError as err:
            inner_errors.append(str(err))
        return lock_path.exists()

    still_locked = run_exclusively(lock_path, outer_action)

    assert inner_errors == [f"nightly.lock is held by process {os.getpid()}"]
    assert still_locked, "a refused attempt must not remove the lock it failed to get"
    assert not lock_path.exists()


def test_a_lock_already_removed_by_the_action_is_fine(lock_path):
    assert run_exclusively(lock_path, lambda: lock_path.unlink() or "done") == "done"


def test_the_lock_can_be_taken_again_after_a_run(lock_path):
    def failing_action():
        raise RuntimeError("boom")

    run_exclusively(lock_path, lambda: None)
    with pytest.raises(RuntimeError):
        run_exclusively(lock_path, failing_action)

    assert run_exclusively(lock_path, lambda: "third run") == "third run"
