import os
import shutil
import subprocess
from pathlib import Path

import pytest

from git_merge_conflict_resolver import Conflict, ConflictError, merge_branch, parse_conflicts, resolve_union, three_way

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


# --- three_way: git merge-file -----------------------------------------------------


def test_three_way_merges_changes_to_different_lines(git_env):
    assert three_way("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n") == ("A\nb\nC\n", 0)


def test_three_way_returns_a_conflict_with_diff3_markers(git_env):
    merged, conflicts = three_way("x = 1\n", "x = 2\n", "x = 3\n")
    assert conflicts == 1, "git merge-file exits with the number of conflicts: that is not an error"
    assert merged == (
        "<<<<<<< ours\nx = 2\n||||||| base\nx = 1\n=======\nx = 3\n>>>>>>> theirs\n"
    ), "pass --diff3 and the labels ours, base, theirs (-L three times)"


def test_three_way_counts_every_conflict(git_env):
    base = "1\n2\n3\n4\n5\n6\n7\n8\n"
    ours = "one\n2\n3\n4\n5\n6\n7\neight\n"
    theirs = "uno\n2\n3\n4\n5\n6\n7\nocho\n"
    assert three_way(base, ours, theirs)[1] == 2


def many(count, tag):
    """count changed lines, each followed by four unchanged ones (closer conflicts merge into one)."""
    return "".join(f"{number}{tag}\n" + "".join(f"keep {number}.{k}\n" for k in range(4)) for number in range(count))


@pytest.mark.parametrize(("count", "expected"), [(127, 127), (130, 127)], ids=["127", "capped-at-127"])
def test_three_way_reports_up_to_127_conflicts(git_env, count, expected):
    merged, conflicts = three_way(many(count, ""), many(count, "o"), many(count, "t"))
    assert conflicts == expected, "the exit status counts conflicts up to 127: only more than 127 is an error"
    assert merged.count("<<<<<<< ours\n") == count


def test_three_way_raises_when_git_cannot_merge(git_env):
    with pytest.raises(RuntimeError, match="git merge-file failed: .*binary"):
        three_way("a\0b\n", "a\0c\n", "a\0d\n")


def test_three_way_keeps_crlf_line_endings(git_env):
    merged, conflicts = three_way("a\r\nb\r\nc\r\n", "A\r\nb\r\nc\r\n", "a\r\nb\r\nC\r\n")
    assert (merged, conflicts) == ("A\r\nb\r\nC\r\n", 0), (
        "text mode turns \\r\\n into \\n: read git's output as bytes and decode it yourself"
    )


# --- parse_conflicts ---------------------------------------------------------------

MERGE_STYLE = "flask==3.0\n<<<<<<< HEAD\npandas==2.2\n=======\nnumpy==1.26\n>>>>>>> feature\nrequests==2.31\n"
DIFF3_STYLE = (
    "flask==3.0\n<<<<<<< HEAD\npandas==2.2\n||||||| 30dd59b\n=======\nnumpy==1.26\n>>>>>>> feature\nrequests==2.31\n"
)


def test_parse_conflicts_without_markers_gives_the_lines():
    assert parse_conflicts("a\nb\n") == ["a\n", "b\n"]
    assert parse_conflicts("") == []


def test_parse_conflicts_reads_a_merge_style_conflict():
    assert parse_conflicts(MERGE_STYLE) == [
        "flask==3.0\n",
        Conflict(ours=["pandas==2.2\n"], base=None, theirs=["numpy==1.26\n"]),
        "requests==2.31\n",
    ]


def test_parse_conflicts_reads_the_base_section_of_diff3():
    assert parse_conflicts(DIFF3_STYLE)[1] == Conflict(["pandas==2.2\n"], [], ["numpy==1.26\n"])
    text = "<<<<<<< ours\nb\n||||||| base\na\nz\n=======\nc\n>>>>>>> theirs\n"
    assert parse_conflicts(text) == [Conflict(["b\n"], ["a\n", "z\n"], ["c\n"])]


def test_parse_conflicts_reads_several_conflicts_and_empty_sides():
    text = "<<<<<<< a\n=======\nnew\n>>>>>>> b\nmid\n<<<<<<< a\nx\n=======\n>>>>>>> b\n"
    assert parse_conflicts(text) == [Conflict([], None, ["new\n"]), "mid\n", Conflict(["x\n"], None, [])]


@pytest.mark.parametrize(
    "line",
    ["========\n", "<<<<<<<<\n", "== Title ==\n", ">>>>>> six\n", " =======\n", "<<<<<<<x\n", "=======X\n"],
    ids=[
        "eight-equals", "eight-less-than", "equals-in-text", "six-greater-than", "indented", "no-space-after",
        "separator-with-more",
    ],
)
def test_parse_conflicts_treats_lines_that_are_not_exact_markers_as_text(line):
    assert parse_conflicts("<<<<<<< ours\n" + line + "=======\nb\n>>>>>>> theirs\n") == [
        Conflict([line], None, ["b\n"])
    ], "a marker is exactly seven characters, then a space and a label, or the end of the line"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("a\n=======\nb\n", "outside a conflict"),
        ("a\n>>>>>>> theirs\n", "outside a conflict"),
        ("<<<<<<< ours\na\n=======\nb\n", "not closed"),
        ("<<<<<<< ours\na\n>>>>>>> theirs\n", "unexpected"),
        ("<<<<<<< ours\na\n=======\nb\n=======\nc\n>>>>>>> theirs\n", "unexpected"),
        ("<<<<<<< ours\n<<<<<<< again\n", "unexpected"),
    ],
    ids=["separator-alone", "end-alone", "unclosed", "no-separator", "two-separators", "nested-start"],
)
def test_parse_conflicts_rejects_markers_that_do_not_form_a_conflict(text, match):
    with pytest.raises(ConflictError, match=match):
        parse_conflicts(text)


def test_conflict_error_is_a_value_error():
    assert issubclass(ConflictError, ValueError)


# --- resolve_union -------------------------------------------------------------------


def test_resolve_union_keeps_ours_then_the_new_lines_of_theirs():
    assert resolve_union(MERGE_STYLE) == "flask==3.0\npandas==2.2\nnumpy==1.26\nrequests==2.31\n"
    assert resolve_union(DIFF3_STYLE) == "flask==3.0\npandas==2.2\nnumpy==1.26\nrequests==2.31\n", (
        "the base section is what both sides started from: drop it"
    )


def test_resolve_union_does_not_repeat_a_line_both_sides_added():
    text = "<<<<<<< a\nx\ny\n=======\ny\nz\n>>>>>>> b\n"
    assert resolve_union(text) == "x\ny\nz\n"


def test_resolve_union_keeps_crlf_and_text_without_conflicts():
    assert resolve_union("a\r\n<<<<<<< a\r\nb\r\n=======\r\nc\r\n>>>>>>> b\r\n") == "a\r\nb\r\nc\r\n"
    assert resolve_union("plain\ntext") == "plain\ntext"


# --- merge_branch: real repositories -------------------------------------------------


def run(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, encoding="utf-8").stdout


def write(repo, files):
    for name, text in files.items():
        (repo / name).write_bytes(text.encode("utf-8"))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """main and three branches: requirements (conflicts), docs (a conflict with '=======' in
    the text) and tidy (no conflict, main has not moved since)."""
    path = tmp_path_factory.mktemp("template") / "repo"
    saved = {name: os.environ.get(name) for name in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        path.mkdir()
        run(path, "init", "-q")
        run(path, "symbolic-ref", "HEAD", "refs/heads/main")
        write(path, {"requirements.txt": "flask==3.0\nrequests==2.31\n", "docs.rst": "Intro\n", "win.txt": "a\r\nb\r\n"})
        run(path, "add", "--all")
        run(path, "commit", "-q", "-m", "base")
        run(path, "switch", "-q", "-c", "requirements")
        write(path, {"requirements.txt": "flask==3.0\nnumpy==1.26\nrequests==2.31\n", "win.txt": "a\r\nfeature\r\nb\r\n"})
        run(path, "commit", "-q", "-am", "add numpy")
        run(path, "switch", "-q", "-c", "docs", "main")
        write(path, {"docs.rst": "Install\n=======\n"})
        run(path, "commit", "-q", "-am", "install docs")
        run(path, "switch", "-q", "main")
        write(path, {"requirements.txt": "flask==3.0\npandas==2.2\nrequests==2.31\n", "win.txt": "a\r\nmain\r\nb\r\n", "docs.rst": "Usage\n"})
        run(path, "commit", "-q", "-am", "add pandas")
        run(path, "switch", "-q", "-c", "tidy")
        write(path, {"notes.txt": "tidy\n"})
        run(path, "add", "notes.txt")
        run(path, "commit", "-q", "-m", "notes")
        run(path, "switch", "-q", "main")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return path


@pytest.fixture
def repo(git_env, template, tmp_path):
    return Path(shutil.copytree(template, tmp_path / "repo"))


def parents(repo, revision="HEAD"):
    return run(repo, "rev-list", "--parents", "-n", "1", revision).split()[1:]


def test_merge_branch_resolves_the_conflicts_and_commits_the_merge(repo):
    main_before = run(repo, "rev-parse", "main").strip()
    merged = merge_branch(repo, "requirements")
    assert merged == run(repo, "rev-parse", "HEAD").strip()
    assert parents(repo) == [main_before, run(repo, "rev-parse", "requirements").strip()], (
        "the result must be a merge commit with main and the branch as parents: commit while the merge is "
        "in progress (git add, then git commit --no-edit), do not abort and commit the files"
    )
    assert run(repo, "show", "HEAD:requirements.txt") == "flask==3.0\npandas==2.2\nnumpy==1.26\nrequests==2.31\n"
    assert (repo / "win.txt").read_bytes() == b"a\r\nmain\r\nfeature\r\nb\r\n", "keep the CRLF line endings"
    assert run(repo, "status", "--porcelain") == "", "everything resolved is committed"
    assert run(repo, "log", "-1", "--format=%s") == "Merge branch 'requirements'\n"


def test_merge_branch_drops_the_base_section_of_diff3_conflicts(repo):
    run(repo, "config", "merge.conflictStyle", "diff3")
    merge_branch(repo, "requirements")
    assert run(repo, "show", "HEAD:requirements.txt") == "flask==3.0\npandas==2.2\nnumpy==1.26\nrequests==2.31\n"


def test_merge_branch_always_makes_a_merge_commit(repo):
    run(repo, "switch", "-q", "main")
    tip = run(repo, "rev-parse", "main").strip()
    merge_branch(repo, "tidy")
    assert parents(repo) == [tip, run(repo, "rev-parse", "tidy").strip()], (
        "GitFlow merges with --no-ff: even when main could fast-forward, the merge commit records the branch"
    )


def test_merge_branch_aborts_when_the_markers_are_ambiguous(repo):
    before = run(repo, "rev-parse", "HEAD")
    with pytest.raises(ConflictError):
        merge_branch(repo, "docs")
    assert run(repo, "rev-parse", "HEAD") == before
    assert run(repo, "status", "--porcelain") == "", "run `git merge --abort` so the repository is as before"
    assert not (repo / ".git" / "MERGE_HEAD").exists(), "the merge is still in progress: git merge --abort"


def test_merge_branch_raises_when_the_merge_commit_fails(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'no merges today' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = run(repo, "rev-parse", "HEAD")
    with pytest.raises(RuntimeError, match="git commit failed: no merges today"):
        merge_branch(repo, "requirements")
    assert run(repo, "rev-parse", "HEAD") == before


def test_merge_branch_of_an_unknown_branch_raises(repo):
    before = run(repo, "rev-parse", "HEAD")
    with pytest.raises(RuntimeError, match="git merge failed"):
        merge_branch(repo, "no-such-branch")
    assert run(repo, "rev-parse", "HEAD") == before
