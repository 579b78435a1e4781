import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conventional_commits_semver_bump import Commit, changelog, next_version, parse_commit, read_log

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}

HISTORY = [
    "chore: start the project",
    "feat: first feature",
    # tagged v1.0.0 here
    "fix(parser): accept empty input\n\nThe parser crashed on an empty file.\nIt returns [] now.",
    "docs: explain the config\n\nNo code changes, and this is not a BREAKING CHANGE: only words.",
    "feat(api): stream results\n\nResults arrive as they are ready.\n\nBREAKING CHANGE: fetch() returns an iterator, not a list.",
    "Merge branch 'feature/x'",
]


def run(repo, *args):
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, encoding="utf-8"
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
    """Built once: HISTORY as empty commits, v1.0.0 on the second."""
    path = tmp_path_factory.mktemp("template") / "repo"

    def build():
        path.mkdir()
        run(path, "init", "-q")
        run(path, "symbolic-ref", "HEAD", "refs/heads/main")
        for number, message in enumerate(HISTORY):
            run(path, "commit", "-q", "--allow-empty", "-m", message)
            if number == 1:
                run(path, "tag", "v1.0.0")
        return path

    return with_identity(build)


@pytest.fixture
def repo(git_env, template, tmp_path):
    """Each test's own copy of the template."""
    return Path(shutil.copytree(template, tmp_path / "repo"))


def shas(repo):
    return run(repo, "rev-list", "--reverse", "HEAD").split()


def test_read_log_returns_every_commit_oldest_first_with_its_full_message(repo):
    log = read_log(repo)
    assert [sha for sha, _ in log] == shas(repo), "oldest first: pass --reverse to git log"
    assert [message for _, message in log] == [message + "\n" for message in HISTORY], (
        "each message must be whole (subject, body and footers) as %B prints it"
    )


def test_read_log_keeps_bodies_with_blank_lines_in_one_message(repo):
    _, message = read_log(repo)[4]
    assert message.startswith("feat(api): stream results\n\n") and message.endswith(
        "BREAKING CHANGE: fetch() returns an iterator, not a list.\n"
    ), "a body has newlines and blank lines: separate commits with -z (NUL), not by lines"


def test_read_log_since_a_tag_returns_only_the_newer_commits(repo):
    log = read_log(repo, "v1.0.0")
    assert [sha for sha, _ in log] == shas(repo)[2:], (
        "since='v1.0.0' means the range v1.0.0..HEAD: the commits after the tag, not up to it"
    )


def test_read_log_since_an_unknown_tag_raises(repo):
    with pytest.raises(subprocess.CalledProcessError):
        read_log(repo, "v9.9.9")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("feat: add search", ("feat", None, False, "add search")),
        ("fix(parser): accept empty input\n\nbody", ("fix", "parser", False, "accept empty input")),
        ("feat(api)!: drop the v1 endpoints", ("feat", "api", True, "drop the v1 endpoints")),
        ("refactor!: rename the package", ("refactor", None, True, "rename the package")),
        ("Feat: capital type", ("feat", None, False, "capital type")),
        ("fix: retry\n\nWhy.\n\nBREAKING CHANGE: timeout is in seconds", ("fix", None, True, "retry")),
        ("fix: retry\n\nBREAKING-CHANGE: timeout is in seconds", ("fix", None, True, "retry")),
        ("docs: tidy\n\nThis is not a BREAKING CHANGE: only words.", ("docs", None, False, "tidy")),
        ("docs: tidy\n\nbreaking change: lower case is not the token", ("docs", None, False, "tidy")),
        ("feature: not the feat type", ("feature", None, False, "not the feat type")),
        ("feat: café ☕", ("feat", None, False, "café ☕")),
    ],
    ids=[
        "plain", "scope", "bang-with-scope", "bang-without-scope", "type-is-case-insensitive",
        "breaking-footer", "breaking-footer-with-hyphen", "mention-inside-a-line-is-not-a-footer",
        "footer-token-is-upper-case", "feature-is-its-own-type", "unicode",
    ],
)
def test_parse_commit_reads_type_scope_breaking_and_description(message, expected):
    assert parse_commit("0123456789abcdef", message) == Commit("0123456789abcdef", *expected)


@pytest.mark.parametrize(
    "message",
    [
        "Merge branch 'feature/x'",
        "update stuff",
        "feat:no space after the colon",
        "feat add search",
        "feat(): empty scope",
        "feat: ",
        "fixup! fix: typo",
        "\nfeat: the header is the first line",
    ],
    ids=["merge", "free-text", "no-space", "no-colon", "empty-scope", "empty-description", "fixup", "blank-first-line"],
)
def test_parse_commit_returns_none_for_a_header_that_is_not_conventional(message):
    assert parse_commit("0123456789abcdef", message) is None


def commits(*specs):
    """'feat', 'fix!', 'docs'... -> Commits."""
    return [
        Commit(f"{number:040x}", spec.rstrip("!"), None, spec.endswith("!"), "something")
        for number, spec in enumerate(specs)
    ]


@pytest.mark.parametrize(
    ("version", "kinds", "expected"),
    [
        ("1.2.3", ["fix"], "1.2.4"),
        ("1.2.3", ["feat"], "1.3.0"),
        ("1.2.3", ["feat", "feat", "fix"], "1.3.0"),
        ("1.2.3", ["fix", "feat!", "docs"], "2.0.0"),
        ("1.2.3", ["docs!"], "2.0.0"),
        ("1.9.9", ["feat"], "1.10.0"),
        ("0.9.3", ["fix!"], "0.10.0"),
        ("0.9.3", ["feat"], "0.10.0"),
        ("0.0.3", ["fix"], "0.0.4"),
        ("10.0.0", ["feat!"], "11.0.0"),
        ("1.2.3", ["docs", "chore", "feature"], None),
        ("1.2.3", [], None),
    ],
    ids=[
        "fix-bumps-patch", "feat-bumps-minor-and-resets-patch", "many-features-bump-once",
        "breaking-wins", "breaking-of-any-type", "numbers-not-strings", "breaking-before-1.0-bumps-minor",
        "feat-before-1.0", "fix-before-1.0", "two-digit-major", "nothing-releasable", "no-commits",
    ],
)
def test_next_version_applies_the_highest_bump_once(version, kinds, expected):
    assert next_version(version, commits(*kinds)) == expected


@pytest.mark.parametrize(
    "version",
    ["v1.2.3", "1.2", "1.2.3.4", "1.2.x", "", "1.2.3\n", "\uff11.2.3"],
    ids=["v-prefix", "two-parts", "four-parts", "letter", "empty", "trailing-newline", "fullwidth-digit"],
)
def test_next_version_rejects_a_version_that_is_not_major_minor_patch(version):
    with pytest.raises(ValueError, match="MAJOR.MINOR.PATCH"):
        next_version(version, commits("fix"))


SAMPLE = [
    Commit("a" * 40, "feat", "cli", False, "add --json"),
    Commit("b" * 40, "fix", None, False, "handle empty input"),
    Commit("c" * 40, "docs", None, False, "explain the config"),
    Commit("d" * 40, "feat", "api", True, "stream results"),
    Commit("e" * 40, "fix", "parser", False, "accept tabs"),
    Commit("f" * 40, "feat", None, False, "search"),
]


def test_changelog_groups_breaking_features_and_fixes_in_log_order():
    assert changelog("2.0.0", "2024-03-05", SAMPLE) == (
        "## 2.0.0 (2024-03-05)\n"
        "\n"
        "### Breaking changes\n"
        "\n"
        "- **api:** stream results (ddddddd)\n"
        "\n"
        "### Features\n"
        "\n"
        "- **cli:** add --json (aaaaaaa)\n"
        "- search (fffffff)\n"
        "\n"
        "### Bug fixes\n"
        "\n"
        "- handle empty input (bbbbbbb)\n"
        "- **parser:** accept tabs (eeeeeee)\n"
    )


def test_changelog_leaves_out_empty_sections():
    assert changelog("1.2.4", "2024-03-05", [SAMPLE[1], SAMPLE[2]]) == (
        "## 1.2.4 (2024-03-05)\n\n### Bug fixes\n\n- handle empty input (bbbbbbb)\n"
    )


def test_release_notes_from_a_real_log(repo):
    parsed = [parse_commit(sha, message) for sha, message in read_log(repo, "v1.0.0")]
    releasable = [commit for commit in parsed if commit is not None]
    assert [commit.type for commit in releasable] == ["fix", "docs", "feat"], (
        "the merge commit is not conventional: parse_commit gives None for it"
    )
    assert next_version("1.0.0", releasable) == "2.0.0", "the BREAKING CHANGE footer in the body makes it major"
    sha = shas(repo)[2][:7]
    assert f"- **parser:** accept empty input ({sha})" in changelog("2.0.0", "2024-03-05", releasable)
