import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from git_diff_stat_quoted_paths import FileStat, diff_stats, git_diff_stats, unquote

# TAB and '"' are legal in file names on Linux and macOS, not on Windows.
ODD_NAMES = ["ta\tb.txt", 'say "hi".md'] if sys.platform != "win32" else ["semi;colon.txt", "brace{}.md"]

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("app.py", "app.py"),
        ("my file.txt", "my file.txt"),
        ('"caf\\303\\251.txt"', "café.txt"),
        ('"ta\\tb.txt"', "ta\tb.txt"),
        ('"say \\"hi\\".txt"', 'say "hi".txt'),
        ('"back\\\\slash"', "back\\slash"),
        ('"\\346\\227\\245\\346\\234\\254.md"', "日本.md"),
    ],
    ids=["plain", "space-is-not-quoted", "octal-utf8-bytes", "tab", "double-quote", "backslash", "cjk"],
)
def test_unquote_reads_git_c_style_quoting(name, expected):
    assert unquote(name) == expected


SQL_TRAP = """\
diff --git a/schema.sql b/schema.sql
index 37ba0d1..44c1c49 100644
--- a/schema.sql
+++ b/schema.sql
@@ -1,3 +1,3 @@
 keep
--- old comment
+++ new
 select 1;
"""


def test_diff_stats_counts_lines_that_look_like_headers_inside_a_hunk():
    assert diff_stats(SQL_TRAP) == [FileStat("schema.sql", None, 1, 1)], (
        "inside a hunk, '--- old comment' is the deleted line '-- old comment' and '+++ new' the added "
        "'++ new': only before the first @@ are ---/+++ file names"
    )


def test_diff_stats_of_nothing_is_empty():
    assert diff_stats("") == []


def test_diff_stats_rejects_text_that_is_not_a_git_diff():
    with pytest.raises(ValueError, match="not a git diff"):
        diff_stats("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n")


def test_diff_stats_ignores_the_no_newline_marker():
    patch = (
        "diff --git a/nl.txt b/nl.txt\nindex 20cbb4d..6fe2aa3 100644\n--- a/nl.txt\n+++ b/nl.txt\n"
        "@@ -1 +1 @@\n-no newline\n\\ No newline at end of file\n+no newline!\n\\ No newline at end of file\n"
    )
    assert diff_stats(patch) == [FileStat("nl.txt", None, 1, 1)]


def test_diff_stats_reads_a_binary_file_without_counts():
    patch = (
        "diff --git a/my img.bin b/my img.bin\nindex bdc955b..8835708 100644\n"
        "Binary files a/my img.bin and b/my img.bin differ\n"
    )
    assert diff_stats(patch) == [FileStat("my img.bin", None, None, None)], (
        "a binary file has no ---/+++ lines: take the name from 'diff --git a/P b/P' (both halves are equal)"
    )


def test_diff_stats_reads_a_quoted_binary_name_from_the_diff_git_line():
    patch = 'diff --git "a/caf\\303\\251.bin" "b/caf\\303\\251.bin"\nindex 1..2 100644\nBinary files differ\n'
    assert diff_stats(patch) == [FileStat("café.bin", None, None, None)]


def test_diff_stats_reads_a_pure_rename():
    patch = (
        "diff --git a/move.txt b/d/moved.txt\nsimilarity index 100%\n"
        "rename from move.txt\nrename to d/moved.txt\n"
    )
    assert diff_stats(patch) == [FileStat("d/moved.txt", "move.txt", 0, 0)]


# --- against real git: `git diff --numstat -z` is the oracle ---------------------


def run(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True).stdout


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "repo"
    saved = {name: os.environ.get(name) for name in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        path.mkdir()
        run(path, "init", "-q")
        run(path, "symbolic-ref", "HEAD", "refs/heads/main")
        before = {
            "app.py": b"a\nb\nc\n", "schema.sql": b"keep\n-- old comment\nselect 1;\n", "café.txt": b"x\n",
            "old name.txt": b"one\ntwo\nthree\nfour\nfive\n", "legacy.py": b"gone\n", "move.txt": b"same\n",
            "img.bin": b"\x00\x01", "nl.txt": b"no newline", "latin1.txt": b"caf\xe9\n",
        }
        for name, data in before.items():
            (path / name).write_bytes(data)
        run(path, "add", "--all")
        run(path, "commit", "-q", "-m", "base")
        after = {
            "app.py": b"a\nB\nc\nd\n", "schema.sql": b"keep\n++ new\nselect 1;\n", "café.txt": b"y\n",
            "img.bin": b"\x00\x02", ODD_NAMES[0]: b"tab\n", "new file.txt": b"new\n", "nl.txt": b"no newline!",
            ODD_NAMES[1]: b"hi\n", "latin1.txt": b"caf\xe9!\n",
        }
        for name, data in after.items():
            (path / name).write_bytes(data)
        run(path, "mv", "old name.txt", "new name.txt")
        (path / "new name.txt").write_bytes(b"one\ntwo\nthree\nfour\nFIVE\n")
        (path / "d").mkdir()
        run(path, "mv", "move.txt", "d/moved.txt")
        run(path, "rm", "-q", "legacy.py")
        run(path, "add", "--all")
        run(path, "commit", "-q", "-m", "change")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return path


@pytest.fixture
def repo(template, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    return Path(shutil.copytree(template, tmp_path / "repo"))


def numstat(repo):
    """git's own count, with -z: no quoting, renames as 'A<TAB>D<TAB>' NUL old NUL new NUL."""
    fields = run(repo, "diff", "--numstat", "-z", "-M", "HEAD~1", "HEAD").decode("utf-8").split("\0")
    stats, index = [], 0
    while fields[index]:
        added, deleted, path = fields[index].split("\t", 2)
        count = lambda text: None if text == "-" else int(text)  # noqa: E731
        if path:
            stats.append(FileStat(path, None, count(added), count(deleted)))
            index += 1
        else:
            stats.append(FileStat(fields[index + 2], fields[index + 1], count(added), count(deleted)))
            index += 3
    return stats


def test_git_diff_stats_agrees_with_git_numstat(repo):
    mine = git_diff_stats(repo, "HEAD~1", "HEAD")
    expected = numstat(repo)
    assert len(mine) == len(expected), f"{len(mine)} files instead of {len(expected)}: {mine}"
    wrong = [f"  yours {m}\n  git's {e}" for m, e in zip(mine, expected) if m != e]
    assert not wrong, "these files differ from `git diff --numstat -z`:\n" + "\n".join(wrong)


def test_git_diff_stats_names_every_file_as_it_is(repo):
    paths = {stat.path for stat in git_diff_stats(repo, "HEAD~1", "HEAD")}
    assert {"café.txt", *ODD_NAMES, "new file.txt", "new name.txt"} <= paths, (
        f"got {sorted(paths)}: unquote \"caf\\303\\251.txt\""
    )


def test_git_diff_stats_of_an_unknown_revision_raises(repo):
    with pytest.raises(subprocess.CalledProcessError):
        git_diff_stats(repo, "HEAD~1", "no-such-branch")
