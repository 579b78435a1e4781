import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from git_status_porcelain_commit import GitError, commit_all, git, status

# A TAB is a legal character in a file name on Linux and macOS, not on Windows.
ODD_NAME = "tab\there.txt" if sys.platform != "win32" else "semi;colon.txt"

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}


def run(repo, *args):
    """The tests' own git, to set up and to check what your code did."""
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


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
    """Built once: a repository with one commit of three files."""
    path = tmp_path_factory.mktemp("template") / "repo"

    def build():
        path.mkdir()
        run(path, "init", "-q")
        run(path, "symbolic-ref", "HEAD", "refs/heads/main")
        (path / "app.py").write_text("print('hi')\n", encoding="utf-8")
        (path / "old name.txt").write_text("notes\n", encoding="utf-8")
        (path / "café.txt").write_text("menu\n", encoding="utf-8")
        run(path, "add", "--all")
        run(path, "commit", "-q", "-m", "initial")
        return path

    return with_identity(build)


@pytest.fixture
def committed(git_env, template, tmp_path):
    """Each test's own copy: a repository with one commit of three files."""
    return Path(shutil.copytree(template, tmp_path / "repo"))


def test_git_returns_standard_output_unchanged(committed):
    (committed / "app.py").write_text("print('bye')\n", encoding="utf-8")
    assert git(committed, "status", "--porcelain=v1") == " M app.py\n", (
        "git() must return stdout exactly: stripping it eats the leading space of ' M'"
    )


def test_git_passes_arguments_without_a_shell(committed):
    name = "$(touch pwned) & notes.txt"
    (committed / name).write_text("x\n", encoding="utf-8")
    git(committed, "add", "--", name)
    assert not (committed / "pwned").exists(), (
        "a shell ran part of a file name as a command: pass a list to subprocess.run, no shell=True"
    )
    assert run(committed, "diff", "--cached", "--name-only", "-z") == name + "\0"


def test_git_failure_raises_git_error_with_gits_message(committed):
    with pytest.raises(GitError, match="pathspec 'no-such-branch' did not match") as error:
        git(committed, "checkout", "no-such-branch")
    assert "checkout no-such-branch" in str(error.value), "the message should name the command that failed"


def test_git_error_is_not_raised_on_success(committed):
    assert git(committed, "rev-parse", "--is-inside-work-tree") == "true\n"


def test_status_of_a_clean_repository_is_empty(committed):
    assert status(committed) == {}


@pytest.fixture
def busy(committed):
    """Staged, unstaged, untracked, renamed and oddly named changes at once."""
    run(committed, "mv", "old name.txt", "new name.txt")
    (committed / "café.txt").write_text("menu\nsoup\n", encoding="utf-8")
    run(committed, "add", "café.txt")
    (committed / "café.txt").write_text("menu\nsoup\nbread\n", encoding="utf-8")
    (committed / "app.py").write_text("print('bye')\n", encoding="utf-8")
    (committed / ODD_NAME).write_text("t\n", encoding="utf-8")
    (committed / "docs" / "api").mkdir(parents=True)
    (committed / "docs" / "api" / "index.md").write_text("# API\n", encoding="utf-8")
    (committed / "added.py").write_text("x = 1\n", encoding="utf-8")
    run(committed, "add", "added.py")
    return committed


def test_status_gives_paths_unquoted(busy):
    paths = set(status(busy))
    assert "café.txt" in paths and ODD_NAME in paths, (
        f"got {sorted(paths)}: use -z, where git writes paths as they are instead of quoting "
        '"caf\\303\\251.txt"'
    )


def test_status_keeps_the_leading_space_of_the_code(busy):
    assert status(busy)["app.py"] == " M", "' M' (changed, not staged) is not 'M ' (staged): do not strip"


def test_status_does_not_turn_the_old_name_of_a_rename_into_an_entry(busy):
    changes = status(busy)
    extra = set(changes) - {"new name.txt", "café.txt", "app.py", "added.py", ODD_NAME, "docs/api/index.md"}
    assert not extra, (
        f"unexpected entries {sorted(extra)}: after 'R  new\\0' comes the old path as one more field; "
        "skip it, it is not an entry"
    )
    assert changes["new name.txt"] == "R "


def test_status_skips_the_source_field_of_a_copy_too(committed):
    run(committed, "config", "status.renames", "copies")
    (committed / "copy.py").write_text("print('hi')\n", encoding="utf-8")
    (committed / "app.py").write_text("print('hi')\nprint('more')\n", encoding="utf-8")
    run(committed, "add", "--all")
    assert status(committed) == {"copy.py": "C ", "app.py": "M "}, (
        "a copy ('C') is followed by its source path like a rename: skip that field too"
    )


def test_status_lists_files_inside_untracked_folders(busy):
    assert "docs/api/index.md" in status(busy), "pass --untracked-files=all, or git shows only 'docs/'"


def test_status_reads_every_kind_of_change(busy):
    assert status(busy) == {
        "new name.txt": "R ",
        "café.txt": "MM",
        "app.py": " M",
        "added.py": "A ",
        ODD_NAME: "??",
        "docs/api/index.md": "??",
    }


def test_commit_all_commits_new_changed_and_deleted_files(committed):
    (committed / "new.txt").write_text("new\n", encoding="utf-8")
    (committed / "app.py").write_text("print('bye')\n", encoding="utf-8")
    (committed / "old name.txt").unlink()
    commit_id = commit_all(committed, "Update files")
    assert re.fullmatch(r"[0-9a-f]{40}", commit_id), f"expected a bare 40-character id, got {commit_id!r}"
    assert commit_id == run(committed, "rev-parse", "HEAD").strip()
    files = run(committed, "ls-tree", "-r", "--name-only", "-z", "HEAD").split("\0")[:-1]
    assert sorted(files) == ["app.py", "café.txt", "new.txt"], (
        "stage everything with `git add --all`: `commit -a` leaves new files out"
    )
    assert run(committed, "status", "--porcelain") == ""


@pytest.mark.parametrize(
    "message",
    ['Say "hi" to $HOME', "It's `done`; really", "--amend", "Subject\n\nA body line."],
    ids=["double-quotes-and-dollar", "apostrophe-backticks-semicolon", "looks-like-an-option", "with-a-body"],
)
def test_commit_all_keeps_the_message_exactly(committed, message):
    (committed / "app.py").write_text("print('bye')\n", encoding="utf-8")
    commit_all(committed, message)
    assert run(committed, "log", "-1", "--format=%B").rstrip("\n") == message, (
        "the message changed on its way to git: pass it as one list item after -m, no shell"
    )


def test_commit_all_with_nothing_to_commit_raises_git_error(committed):
    before = run(committed, "rev-parse", "HEAD")
    with pytest.raises(GitError, match="nothing to commit"):
        commit_all(committed, "Empty")
    assert run(committed, "rev-parse", "HEAD") == before, "no empty commit may be created"
