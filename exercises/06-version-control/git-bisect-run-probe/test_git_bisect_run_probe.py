import os
import shutil
import subprocess
from pathlib import Path

import pytest

from git_bisect_run_probe import BisectError, first_bad_commit, probe

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}
WORKS = "def add(a, b):\n    return a + b\n"
WRONG = "def add(a, b):\n    return a - b\n"
BROKEN = "def add(a, b)\n    return a + b\n"  # a syntax error: this commit cannot be tested

# c1 works; c2..c5 are a refactoring that does not even compile; c6 works again;
# c7 introduces the bug; c8 and c9 keep it.
HISTORY = [WORKS, BROKEN, BROKEN, BROKEN, BROKEN, WORKS, WRONG, WRONG + "# 8\n", WRONG + "# 9\n"]
# c1 works; c2 does not compile; c3 is wrong: the bug came in c2 or c3, nobody can tell which.
AMBIGUOUS = [WORKS, BROKEN, WRONG, WRONG + "# 4\n"]


def run(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, encoding="utf-8").stdout


def build(path, history):
    path.mkdir()
    run(path, "init", "-q")
    run(path, "symbolic-ref", "HEAD", "refs/heads/main")
    for number, source in enumerate(history, start=1):
        (path / "calc.py").write_text(source, encoding="utf-8")
        run(path, "add", "calc.py")
        run(path, "commit", "-q", "--allow-empty", "-m", f"c{number}")


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    base = tmp_path_factory.mktemp("templates")
    saved = {name: os.environ.get(name) for name in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        build(base / "history", HISTORY)
        build(base / "ambiguous", AMBIGUOUS)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return base


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def repo(git_env, templates, tmp_path):
    return Path(shutil.copytree(templates / "history", tmp_path / "history"))


@pytest.fixture
def ambiguous(git_env, templates, tmp_path):
    return Path(shutil.copytree(templates / "ambiguous", tmp_path / "ambiguous"))


def commit_of(repo, subject):
    return run(repo, "log", "--format=%H", "--grep", f"^{subject}$").strip()


def assert_bisect_finished(repo):
    assert run(repo, "branch", "--show-current") == "main\n", (
        "bisect leaves HEAD on an old commit: always run `git bisect reset` (in a finally block)"
    )
    assert not (repo / ".git" / "BISECT_LOG").exists(), "the bisect session is still open: git bisect reset"
    assert (repo / "calc.py").read_text(encoding="utf-8") == HISTORY[-1], "the working tree must be main's again"


@pytest.mark.parametrize(
    ("source", "code"),
    [
        (WORKS, 0),
        ("def add(a, b):\n    return b + a\n", 0),
        (WRONG, 1),
        ("def add(a, b):\n    return a + b if a > 0 else a - b\n", 1),
        ("def add(a, b):\n    return None\n", 1),
        ("def add(a, b):\n    raise TypeError('no')\n", 1),
        (BROKEN, 125),
        ("import no_such_module_anywhere\n" + WORKS, 125),
        ("def plus(a, b):\n    return a + b\n", 125),
    ],
    ids=[
        "works", "works-differently", "wrong-result", "wrong-only-for-some-inputs", "returns-none",
        "raises-when-called", "syntax-error", "import-fails", "no-add-function",
    ],
)
def test_probe_returns_the_exit_code_git_bisect_run_expects(tmp_path, source, code):
    (tmp_path / "calc.py").write_text(source, encoding="utf-8")
    assert probe(tmp_path) == code, (
        "0 = good, 1 = bad (add gives a wrong answer or raises), 125 = cannot test (calc.py does not load)"
    )


def test_probe_without_calc_py_cannot_test(tmp_path):
    assert probe(tmp_path) == 125, "a commit without calc.py cannot be tested: 125, not bad"


def test_probe_runs_the_file_fresh_each_time(tmp_path):
    (tmp_path / "calc.py").write_text(WORKS, encoding="utf-8")
    assert probe(tmp_path) == 0
    (tmp_path / "calc.py").write_text(WRONG, encoding="utf-8")
    assert probe(tmp_path) == 1, "the second probe saw the first calc.py: do not import it as a cached module"


def test_first_bad_commit_finds_the_commit_that_broke_add(repo):
    assert first_bad_commit(repo, "HEAD~8", "HEAD") == commit_of(repo, "c7"), (
        "if commits that do not compile are called bad (1) instead of skipped (125), bisect blames the refactoring"
    )
    assert_bisect_finished(repo)


def test_first_bad_commit_accepts_any_revision_names(repo):
    run(repo, "tag", "v1.0", commit_of(repo, "c6"))
    assert first_bad_commit(repo, "v1.0", "main") == commit_of(repo, "c7")
    assert_bisect_finished(repo)


def test_first_bad_commit_when_skips_leave_a_choice_raises_and_resets(ambiguous):
    with pytest.raises(BisectError, match="no single first bad commit"):
        first_bad_commit(ambiguous, "HEAD~3", "HEAD")
    assert run(ambiguous, "branch", "--show-current") == "main\n", "reset the bisect even when it fails"
    assert not (ambiguous / ".git" / "BISECT_LOG").exists(), "reset the bisect even when it fails"


def test_first_bad_commit_with_good_and_bad_swapped_raises(repo):
    with pytest.raises(BisectError, match="git bisect start failed"):
        first_bad_commit(repo, "HEAD", "HEAD~8")
    assert run(repo, "branch", "--show-current") == "main\n"
