import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gitflow_finish_release_git import GitFlowError, finish_hotfix, finish_release, start_release

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
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, encoding="utf-8").stdout


def commit(repo, name, text, message):
    (repo / name).write_text(text, encoding="utf-8")
    run(repo, "add", name)
    run(repo, "commit", "-q", "-m", message)


def with_identity(build):
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


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """main (released as v1.4.0) and develop, one feature ahead of it."""
    path = tmp_path_factory.mktemp("template") / "repo"

    def build():
        path.mkdir()
        run(path, "init", "-q")
        run(path, "symbolic-ref", "HEAD", "refs/heads/main")
        commit(path, "VERSION", "1.4.0\n", "Release 1.4.0")
        run(path, "tag", "-a", "-m", "Release 1.4.0", "v1.4.0")
        run(path, "switch", "-q", "-c", "develop")
        commit(path, "search.py", "def search(): ...\n", "feat: search")
        return path

    return with_identity(build)


@pytest.fixture
def repo(template, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    return Path(shutil.copytree(template, tmp_path / "repo"))


def sha(repo, revision):
    return run(repo, "rev-parse", revision).strip()


def parents(repo, revision):
    return run(repo, "rev-list", "--parents", "-n", "1", revision).split()[1:]


def refs(repo):
    """Every branch and tag with what it points at, and the current branch."""
    return run(repo, "for-each-ref", "--format=%(refname) %(objectname)"), run(repo, "branch", "--show-current")


def test_start_release_branches_from_develop(repo):
    run(repo, "switch", "-q", "main")
    assert start_release(repo, "1.5.0") == "release/1.5.0"
    assert run(repo, "branch", "--show-current") == "release/1.5.0\n", "switch to the new release branch"
    assert sha(repo, "release/1.5.0") == sha(repo, "develop"), "a release starts from develop, whatever HEAD was"


def test_start_release_refuses_a_second_open_release(repo):
    start_release(repo, "1.5.0")
    before = refs(repo)
    with pytest.raises(GitFlowError, match="^release/1.5.0 is still open$"):
        start_release(repo, "1.6.0")
    assert refs(repo) == before


@pytest.mark.parametrize("version", ["1.5", "v1.5.0", "1.5.0-rc1", ""], ids=["two-parts", "v-prefix", "suffix", "empty"])
def test_every_step_rejects_a_version_that_is_not_major_minor_patch(repo, version):
    before = refs(repo)
    for step in (start_release, finish_release, finish_hotfix):
        with pytest.raises(ValueError, match="is not MAJOR.MINOR.PATCH"):
            step(repo, version)
    assert refs(repo) == before


@pytest.fixture
def released(repo):
    """A release started, bumped, and finished: (repo, returned sha, main before, develop before, release tip)."""
    start_release(repo, "1.5.0")
    commit(repo, "VERSION", "1.5.0\n", "chore: bump to 1.5.0")
    main_before, develop_before, tip = sha(repo, "main"), sha(repo, "develop"), sha(repo, "release/1.5.0")
    return repo, finish_release(repo, "1.5.0"), main_before, develop_before, tip


def test_finish_release_merges_into_main_with_a_merge_commit(released):
    repo, result, main_before, _, tip = released
    assert parents(repo, "main") == [main_before, tip], (
        "main must get a merge commit (git merge --no-ff): a fast-forward would hide where the release began"
    )
    assert result == sha(repo, "main"), "return the sha of the release's merge commit on main"
    assert run(repo, "log", "-1", "--format=%s", "main") == "Merge branch 'release/1.5.0'\n"


def test_finish_release_tags_the_merge_commit_on_main(released):
    repo, result, *_ = released
    assert run(repo, "cat-file", "-t", "v1.5.0") == "tag\n", "an annotated tag: git tag --annotate --message"
    assert sha(repo, "v1.5.0^{commit}") == result, "tag the merge commit on main, not the release branch's tip"
    assert run(repo, "tag", "-l", "--format=%(contents)", "v1.5.0").strip() == "Release 1.5.0"


def test_finish_release_merges_back_into_develop(released):
    repo, _, _, develop_before, tip = released
    assert parents(repo, "develop") == [develop_before, tip], (
        "the release's own commits (the version bump) go back into develop, as a merge commit"
    )
    assert run(repo, "branch", "--show-current") == "develop\n", "finish on develop, ready for the next feature"


def test_finish_release_deletes_the_release_branch(released):
    repo = released[0]
    assert run(repo, "branch", "--list", "release/*") == "", "delete the finished branch (git branch --delete)"


def test_finish_release_without_that_branch_changes_nothing(repo):
    before = refs(repo)
    with pytest.raises(GitFlowError, match="^there is no branch release/1.5.0$"):
        finish_release(repo, "1.5.0")
    assert refs(repo) == before


def test_finish_release_refuses_a_dirty_working_tree(repo):
    start_release(repo, "1.5.0")
    (repo / "notes.txt").write_text("draft\n", encoding="utf-8")
    before = refs(repo)
    with pytest.raises(GitFlowError, match="uncommitted changes"):
        finish_release(repo, "1.5.0")
    assert refs(repo) == before, "refuse before switching, merging or tagging anything"


def test_finish_hotfix_goes_into_main_and_develop(repo):
    run(repo, "switch", "-q", "-c", "hotfix/1.4.1", "main")
    commit(repo, "fix.py", "ok = True\n", "fix: crash on start")
    develop_before, tip = sha(repo, "develop"), sha(repo, "hotfix/1.4.1")
    result = finish_hotfix(repo, "1.4.1")
    assert sha(repo, "v1.4.1^{commit}") == result == sha(repo, "main")
    assert parents(repo, "develop") == [develop_before, tip]
    assert run(repo, "branch", "--list", "hotfix/*") == ""


def test_finish_hotfix_goes_into_the_open_release_instead_of_develop(repo):
    start_release(repo, "1.5.0")
    run(repo, "switch", "-q", "-c", "hotfix/1.4.1", "main")
    commit(repo, "fix.py", "ok = True\n", "fix: crash on start")
    develop_before, release_before, tip = sha(repo, "develop"), sha(repo, "release/1.5.0"), sha(repo, "hotfix/1.4.1")
    finish_hotfix(repo, "1.4.1")
    assert parents(repo, "release/1.5.0") == [release_before, tip], (
        "while a release is open, the hotfix goes into it (the release brings it to develop later)"
    )
    assert sha(repo, "develop") == develop_before, "develop must not get the hotfix while a release is open"
    assert run(repo, "branch", "--show-current") == "release/1.5.0\n"


def test_a_merge_that_conflicts_raises_with_gits_message(repo):
    commit(repo, "VERSION", "1.5.0-dev\n", "chore: develop version")
    run(repo, "switch", "-q", "-c", "hotfix/1.4.1", "main")
    commit(repo, "VERSION", "1.4.1\n", "fix: bump to 1.4.1")
    with pytest.raises(GitFlowError, match="^git merge failed: "):
        finish_hotfix(repo, "1.4.1")
    assert run(repo, "cat-file", "-t", "v1.4.1") == "tag\n", "main was merged and tagged before the conflict"
