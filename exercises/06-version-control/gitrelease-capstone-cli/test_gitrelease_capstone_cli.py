import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gitrelease import Release, ReleaseError, prepend_entry, release
from gitrelease.conventional import parse_commit, render_notes
from gitrelease.tags import latest_version_tag, parse_tag
from gitrelease_capstone_cli import main

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}
DATE = "2024-03-05"


def run(repo, *args):
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, encoding="utf-8"
    ).stdout


def commit(repo, message):
    run(repo, "commit", "-q", "--allow-empty", "-m", message)
    return run(repo, "rev-parse", "HEAD").strip()


def build(path):
    """Run once per test module: a repository on main with a README committed."""
    path.mkdir()
    run(path, "init", "-q")
    run(path, "symbolic-ref", "HEAD", "refs/heads/main")
    (path / "README.md").write_text("# Demo\n", encoding="utf-8")
    run(path, "add", "README.md")
    commit(path, "chore: start")
    return path


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """Build each starting repository once; every test gets its own copy."""
    base = tmp_path_factory.mktemp("templates")
    saved = {name: os.environ.get(name) for name in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        repo = build(base / "repo")
        project = base / "project"
        shutil.copytree(repo, project)
        commit(project, "feat: first")
        run(project, "tag", "v1.9.0")
        commit(project, "feat: second")
        run(project, "tag", "-a", "v1.10.0", "-m", "Release 1.10.0")
        commit(project, "fix(parser): accept tabs")
        commit(project, "docs: explain config")
        commit(project, "feat: search")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return {"repo": repo, "project": project}


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """A fixed identity and date, and no personal git configuration."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def repo(git_env, templates, tmp_path):
    """A repository on main with a README committed."""
    return Path(shutil.copytree(templates["repo"], tmp_path / "repo"))


@pytest.fixture
def project(git_env, templates, tmp_path):
    """Released up to v1.10.0 (v1.9.0 before it), then a fix, a docs change and a feature."""
    return Path(shutil.copytree(templates["project"], tmp_path / "project"))


def state(repo):
    """What a release may change: HEAD, the tags, the files."""
    return (
        run(repo, "rev-parse", "HEAD"),
        run(repo, "tag", "--list"),
        sorted(path.name for path in repo.iterdir()),
    )


# --- tags.py ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("v1.10.0", (1, 10, 0)),
        ("v0.3.0", (0, 3, 0)),
        ("v10.0.20", (10, 0, 20)),
        ("1.2.0", None),
        ("v1.2", None),
        ("v01.2.0", None),
        ("v2.0.0-rc.1", None),
        ("nightly", None),
        ("release-2.0.0", None),
        ("v1.2.0\n", None),
        ("v\uff11.2.0", None),
    ],
    ids=[
        "two-digit-minor", "zero-major", "large", "no-v", "two-parts", "leading-zero", "pre-release",
        "word", "other-prefix", "trailing-newline", "fullwidth-digit",
    ],
)
def test_parse_tag_accepts_only_release_tags(name, expected):
    assert parse_tag(name) == expected


def test_latest_version_tag_compares_numbers_not_strings(project):
    assert latest_version_tag(project) == ("v1.10.0", (1, 10, 0)), (
        "'v1.10.0' < 'v1.9.0' as strings: compare the version tuples"
    )


def test_latest_version_tag_ignores_tags_that_are_not_releases(project):
    run(project, "tag", "v2.0.0-rc.1")
    run(project, "tag", "nightly")
    run(project, "tag", "v99.0")
    assert latest_version_tag(project) == ("v1.10.0", (1, 10, 0))


def test_latest_version_tag_ignores_tags_outside_the_history_of_head(project):
    run(project, "switch", "-q", "-c", "experiment")
    commit(project, "feat!: rewrite")
    run(project, "tag", "v3.0.0")
    run(project, "switch", "-q", "main")
    assert latest_version_tag(project) == ("v1.10.0", (1, 10, 0)), (
        "v3.0.0 is on a branch never merged into HEAD: list tags with --merged HEAD"
    )


def test_latest_version_tag_without_release_tags_is_none(repo):
    run(repo, "tag", "nightly")
    assert latest_version_tag(repo) is None


# --- changelog.py ----------------------------------------------------------

OLD = "# Changelog\n\n## 1.2.0 (2024-02-01)\n\n### Features\n\n- export (1111111)\n"
NEW = "## 1.3.0 (2024-03-05)\n\n### Features\n\n- search (aaaaaaa)\n"


def test_prepend_entry_creates_the_file_with_its_title(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    prepend_entry(path, "1.3.0", NEW)
    assert path.read_text(encoding="utf-8") == "# Changelog\n\n" + NEW


def test_prepend_entry_puts_the_newest_release_first(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text(OLD, encoding="utf-8")
    prepend_entry(path, "1.3.0", NEW)
    assert path.read_text(encoding="utf-8") == (
        "# Changelog\n\n" + NEW + "\n## 1.2.0 (2024-02-01)\n\n### Features\n\n- export (1111111)\n"
    ), "title, blank line, the new entry, blank line, then the older entries unchanged"


@pytest.mark.parametrize("gap", ["", "\n\n"], ids=["no-blank-line", "two-blank-lines"])
def test_prepend_entry_normalises_the_gap_after_the_title(tmp_path, gap):
    path = tmp_path / "CHANGELOG.md"
    path.write_text(OLD.replace("# Changelog\n\n", "# Changelog\n" + gap), encoding="utf-8")
    prepend_entry(path, "1.3.0", NEW)
    assert path.read_text(encoding="utf-8") == "# Changelog\n\n" + NEW + "\n" + OLD[len("# Changelog\n\n"):], (
        "the older entries are what follows the title, without the blank lines before them"
    )


def test_prepend_entry_refuses_a_version_already_there(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text(OLD, encoding="utf-8")
    with pytest.raises(ValueError, match="already has an entry for 1.2.0"):
        prepend_entry(path, "1.2.0", NEW.replace("1.3.0", "1.2.0"))
    assert path.read_text(encoding="utf-8") == OLD, "nothing may be written when refusing"


def test_prepend_entry_is_not_fooled_by_a_similar_version(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    text = "# Changelog\n\n## 11.3.0 (2024-01-01)\n\n### Bug fixes\n\n- works since 1.3.0 (2222222)\n"
    path.write_text(text, encoding="utf-8")
    prepend_entry(path, "1.3.0", NEW)
    assert path.read_text(encoding="utf-8") == "# Changelog\n\n" + NEW + "\n" + text[len("# Changelog\n\n"):], (
        "'## 11.3.0' and '1.3.0' in a sentence are not a heading for 1.3.0: compare whole headings"
    )


def test_prepend_entry_refuses_a_file_without_the_title(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text("Release notes\n", encoding="utf-8")
    with pytest.raises(ValueError, match="# Changelog"):
        prepend_entry(path, "1.3.0", NEW)
    assert path.read_text(encoding="utf-8") == "Release notes\n"


# --- release.py ------------------------------------------------------------


def test_release_bumps_writes_the_changelog_commits_and_tags(project):
    fix, feat = run(project, "rev-list", "-3", "HEAD").split()[2], run(project, "rev-parse", "HEAD").strip()
    result = release(project, DATE)
    notes = (
        "## 1.11.0 (2024-03-05)\n\n"
        "### Features\n\n"
        f"- search ({feat[:7]})\n\n"
        "### Bug fixes\n\n"
        f"- **parser:** accept tabs ({fix[:7]})\n"
    )
    head = run(project, "rev-parse", "HEAD").strip()
    assert result == Release("1.11.0", "v1.11.0", notes, head), (
        "only the commits after v1.10.0 (the highest tag) count: feat -> 1.11.0"
    )
    assert run(project, "log", "-1", "--format=%s") == "chore(release): 1.11.0\n"
    assert run(project, "show", "HEAD:CHANGELOG.md") == "# Changelog\n\n" + notes, "commit the changelog"
    assert run(project, "status", "--porcelain") == "", "the working tree must be clean after the release"
    assert run(project, "cat-file", "-t", "v1.11.0") == "tag\n", (
        "make an annotated tag (git tag --annotate --message ...), not a lightweight one"
    )
    assert run(project, "rev-parse", "v1.11.0^{commit}").strip() == head, "tag the release commit"
    assert run(project, "tag", "-l", "--format=%(contents)", "v1.11.0").strip() == "Release 1.11.0"


def test_releasing_twice_finds_nothing_new(project):
    release(project, DATE)
    before = state(project)
    assert release(project, DATE) is None, "after the release, the log since v1.11.0 has only the chore commit"
    assert state(project) == before


def test_a_dry_run_changes_nothing(project):
    before = state(project)
    result = release(project, DATE, dry_run=True)
    assert result is not None and result.version == "1.11.0" and result.tag == "v1.11.0"
    assert result.commit is None
    assert result.notes.startswith("## 1.11.0 (2024-03-05)\n")
    assert state(project) == before, "a dry run must not write, commit or tag anything"


@pytest.mark.parametrize(
    ("messages", "tag"),
    [(["fix: one"], "v0.0.1"), (["fix: one", "feat!: two"], "v0.1.0")],
    ids=["fix", "breaking-before-1.0"],
)
def test_without_a_tag_the_whole_history_counts_from_0_0_0(repo, messages, tag):
    for message in messages:
        commit(repo, message)
    result = release(repo, DATE)
    assert result is not None and result.tag == tag, (
        "no release tag: start at 0.0.0 with every commit; a breaking change before 1.0 bumps the minor"
    )


def test_only_unreleasable_commits_give_none(project):
    run(project, "tag", "v1.11.0")
    commit(project, "docs: more words")
    commit(project, "Merge branch 'x'")
    before = state(project)
    assert release(project, DATE) is None
    assert state(project) == before


@pytest.mark.parametrize("kind", ["modified", "staged", "untracked"])
def test_release_refuses_a_dirty_working_tree(project, kind):
    (project / "README.md" if kind != "untracked" else project / "notes.txt").write_text("x\n", encoding="utf-8")
    if kind == "staged":
        run(project, "add", "README.md")
    before = state(project)
    with pytest.raises(ReleaseError, match="uncommitted changes"):
        release(project, DATE)
    assert state(project) == before, "refuse before writing anything"


def test_release_refuses_a_branch_other_than_main(project):
    run(project, "switch", "-q", "-c", "feature/login")
    with pytest.raises(ReleaseError, match="releases are cut from main, not feature/login"):
        release(project, DATE)
    assert run(project, "tag", "--list", "v1.11.0") == ""


def test_release_refuses_a_detached_head(project):
    run(project, "switch", "-q", "--detach", "HEAD")
    with pytest.raises(ReleaseError, match="HEAD is detached"):
        release(project, DATE)


def test_release_notes_read_breaking_footers_in_the_body(project):
    commit(project, "refactor(api): stream results\n\nDetails.\n\nBREAKING CHANGE: fetch() yields.")
    result = release(project, DATE, dry_run=True)
    assert result is not None and result.version == "2.0.0", (
        "read whole messages (%B) with -z: the BREAKING CHANGE footer is in the body"
    )


# --- the command line --------------------------------------------------------


def test_main_releases_and_says_so(project, capsys):
    assert main(["--date", DATE, str(project)]) == 0
    assert capsys.readouterr().out == "released v1.11.0\n"
    assert run(project, "tag", "--list", "v1.11.0") == "v1.11.0\n"


def test_main_dry_run_prints_the_notes(project, capsys):
    assert main([str(project), "--dry-run", "--date", DATE]) == 0
    out = capsys.readouterr().out
    assert out.startswith("would release v1.11.0\n\n## 1.11.0 (2024-03-05)\n"), out
    assert out.endswith("accept tabs (" + run(project, "rev-parse", "--short=7", "HEAD~2").strip() + ")\n")
    assert run(project, "tag", "--list", "v1.11.0") == ""


def test_main_defaults_to_the_current_folder(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["--date", DATE]) == 0
    assert capsys.readouterr().out == "released v1.11.0\n"


def test_main_says_when_there_is_nothing_to_release(repo, capsys):
    commit(repo, "docs: words")
    assert main(["--date", DATE, str(repo)]) == 0
    assert capsys.readouterr().out == "nothing to release\n"


def test_main_reports_a_refusal_on_stderr_and_returns_1(project, capsys):
    (project / "notes.txt").write_text("x\n", encoding="utf-8")
    assert main(["--date", DATE, str(project)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "gitrelease: the working tree has uncommitted changes\n"


def test_main_reports_a_git_failure_on_stderr_and_returns_1(tmp_path, git_env, capsys):
    (tmp_path / "plain").mkdir()
    assert main(["--date", DATE, str(tmp_path / "plain")]) == 1
    assert capsys.readouterr().err.startswith("gitrelease: git "), "a GitError is reported, not raised"


def test_main_requires_a_date(project, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([str(project)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "gitrelease: error:" in err and "--date" in err, f"argparse with prog='gitrelease'; got {err!r}"
