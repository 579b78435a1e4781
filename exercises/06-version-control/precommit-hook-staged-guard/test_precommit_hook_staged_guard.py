import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from precommit_hook_staged_guard import install_hook, main, problems, staged_files

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}


def run(repo, *args, check=True):
    return subprocess.run(["git", *args], cwd=repo, check=check, capture_output=True, encoding="utf-8")


def with_identity(build):
    """Run build() with the tests' git identity in os.environ, then restore it."""
    saved = {name: os.environ.get(name) for name in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        return build()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """A fixed identity and date, and no personal git configuration."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Built once: a repository with app.py, old.txt and legacy.py committed."""
    path = tmp_path_factory.mktemp("template") / "repo"

    def build():
        path.mkdir()
        run(path, "init", "-q")
        run(path, "symbolic-ref", "HEAD", "refs/heads/main")
        (path / "app.py").write_text("def main():\n    return 1\n", encoding="utf-8")
        (path / "old.txt").write_text("old\n", encoding="utf-8")
        (path / "legacy.py").write_text("breakpoint()\n", encoding="utf-8")
        run(path, "add", "--all")
        run(path, "commit", "-q", "--no-verify", "-m", "initial")
        return path

    return with_identity(build)


@pytest.fixture
def repo(git_env, template, tmp_path):
    """Each test's own copy of the template."""
    return Path(shutil.copytree(template, tmp_path / "repo"))


def stage(repo, path, text):
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")
    run(repo, "add", "--", path)


def test_staged_files_lists_added_modified_and_renamed_paths_but_not_deleted(repo):
    stage(repo, "app.py", "def main():\n    return 2\n")
    stage(repo, "docs/café notes.md", "# Notes\n")
    run(repo, "mv", "old.txt", "new.txt")
    run(repo, "rm", "-q", "legacy.py")
    (repo / "unstaged.py").write_text("x = 1\n", encoding="utf-8")
    assert sorted(staged_files(repo)) == ["app.py", "docs/café notes.md", "new.txt"], (
        "only what the commit will contain: staged, not deleted (--diff-filter=ACMR), paths unquoted (-z)"
    )


def test_a_clean_staged_file_has_no_problem(repo):
    stage(repo, "app.py", "def main():\n    return 2\n")
    assert problems(repo) == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("x = 1\nbreakpoint()\n", 2),
        ("def f():\n    breakpoint()\n", 2),
        ("import pdb\n", 1),
        ("import pdb; pdb.set_trace()\n", 1),
        ("def f():\n    pdb.set_trace()\n    return 1\n", 2),
    ],
    ids=["breakpoint", "indented-breakpoint", "import-pdb", "one-line-pdb", "set-trace"],
)
def test_problems_reports_a_leftover_debugger_call_with_its_line(repo, text, line):
    stage(repo, "app.py", text)
    assert problems(repo) == [f"app.py:{line}: leftover debugger call"]


@pytest.mark.parametrize(
    "text",
    [
        "# never leave breakpoint() in a commit\n",
        'HELP = "use breakpoint() to debug"\n',
        "import pdbpp_helpers\n",
        "def check_breakpoint():\n    return 1\n",
    ],
    ids=["in-a-comment", "in-a-string", "other-module", "name-containing-the-word"],
)
def test_problems_does_not_flag_the_words_outside_a_call(repo, text):
    stage(repo, "app.py", text)
    assert problems(repo) == [], "match a call at the start of a line, not the word anywhere in it"


def test_problems_survives_bytes_that_are_not_utf8(repo):
    (repo / "app.py").write_bytes(b"# caf\xe9 (Latin-1)\nbreakpoint()\n")
    run(repo, "add", "app.py")
    assert problems(repo) == ["app.py:2: leftover debugger call"], "decode with errors='replace'"


def test_problems_outside_a_repository_raises(tmp_path):
    (tmp_path / "plain").mkdir()
    with pytest.raises(subprocess.CalledProcessError):
        problems(tmp_path / "plain")


def test_problems_ignores_debugger_text_in_files_that_are_not_python(repo):
    stage(repo, "README.md", "Call breakpoint() to stop.\n")
    assert problems(repo) == []


def test_problems_checks_the_staged_version_not_the_working_tree(repo):
    stage(repo, "app.py", "breakpoint()\n")
    (repo / "app.py").write_text("def main():\n    return 2\n", encoding="utf-8")
    assert problems(repo) == ["app.py:1: leftover debugger call"], (
        "the commit contains what is staged: read it with `git show :path`, not from the disk"
    )


def test_problems_does_not_blame_unstaged_edits(repo):
    stage(repo, "app.py", "def main():\n    return 2\n")
    (repo / "app.py").write_text("breakpoint()\n" + "x" * 500, encoding="utf-8")
    assert problems(repo, max_bytes=100) == []


def test_problems_does_not_crash_on_a_staged_deletion(repo):
    run(repo, "rm", "-q", "legacy.py")
    assert problems(repo) == [], "a deleted file is not in the commit: nothing to check"


@pytest.mark.parametrize(
    ("size", "too_big"), [(99, False), (100, False), (101, True)], ids=["under", "exactly-the-limit", "one-over"]
)
def test_problems_rejects_a_file_over_the_size_limit(repo, size, too_big):
    stage(repo, "data.csv", "x" * (size - 1) + "\n")
    expected = [f"data.csv: {size} bytes is over the 100-byte limit"] if too_big else []
    assert problems(repo, max_bytes=100) == expected, "the limit itself is allowed; one byte more is not"


def test_problems_measures_the_size_in_bytes_not_characters(repo):
    stage(repo, "menu.txt", "é" * 60)
    assert problems(repo, max_bytes=100) == ["menu.txt: 120 bytes is over the 100-byte limit"], (
        "'é' is 2 bytes in UTF-8: measure the staged bytes, not the characters"
    )


def test_main_prints_each_problem_to_stderr_and_returns_1(repo, monkeypatch, capsys):
    stage(repo, "app.py", "breakpoint()\n")
    stage(repo, "big.bin", "x" * 100_001)
    monkeypatch.chdir(repo)
    assert main() == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert sorted(captured.err.splitlines()) == [
        "app.py:1: leftover debugger call",
        "big.bin: 100001 bytes is over the 100000-byte limit",
    ]


def test_main_returns_0_when_all_is_well(repo, monkeypatch, capsys):
    stage(repo, "app.py", "def main():\n    return 2\n")
    stage(repo, "ok.bin", "x" * 100_000)
    monkeypatch.chdir(repo)
    assert main() == 0
    assert capsys.readouterr().err == ""


def test_install_hook_writes_an_executable_pre_commit_hook(repo):
    hook = install_hook(repo)
    assert hook == repo / ".git" / "hooks" / "pre-commit"
    assert os.access(hook, os.X_OK), "git silently skips a hook that is not executable: chmod it (0o755)"
    assert stat.S_IMODE(hook.stat().st_mode) == 0o755, (
        f"mode {stat.S_IMODE(hook.stat().st_mode):o}: a hook is rwxr-xr-x (0o755), not writable by others"
    )


def test_install_hook_follows_core_hooks_path(repo):
    run(repo, "config", "core.hooksPath", "tools/git-hooks")
    hook = install_hook(repo)
    assert hook == repo / "tools" / "git-hooks" / "pre-commit", (
        "ask git where hooks live: git rev-parse --git-path hooks/pre-commit"
    )
    assert os.access(hook, os.X_OK)


def test_the_installed_hook_makes_a_real_commit_fail(repo):
    install_hook(repo)
    stage(repo, "app.py", "def main():\n    breakpoint()\n")
    before = run(repo, "rev-parse", "HEAD").stdout
    commit = run(repo, "commit", "-m", "debugging", check=False)
    assert commit.returncode != 0, "git commit succeeded: the hook did not run or returned 0"
    assert "app.py:2: leftover debugger call" in commit.stderr, f"the hook's stderr was: {commit.stderr!r}"
    assert run(repo, "rev-parse", "HEAD").stdout == before


def test_the_installed_hook_lets_a_clean_commit_through(repo):
    install_hook(repo)
    stage(repo, "app.py", "def main():\n    return 2\n")
    commit = run(repo, "commit", "-m", "clean", check=False)
    assert commit.returncode == 0, f"a clean commit was rejected: {commit.stderr!r}"
