import os
import shutil
import subprocess
from pathlib import Path

import pytest

from codeowners_diff_reviewers import changed_paths, owners_of, parse_codeowners, review_requests

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
    "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
}

CODEOWNERS = """\
# Everything else goes to the core team.
*                 @acme/core

*.js              @js-owner
/build/logs/      @doctocat
docs/*            docs@example.com
apps/             @octocat
**/logs           @logkeeper
/apps/github
/scripts/         @doctocat @octocat
/config/?.yml     @cfg
"""


@pytest.fixture(scope="module")
def rules():
    return parse_codeowners(CODEOWNERS)


@pytest.mark.parametrize(
    ("path", "owners"),
    [
        ("README.md", ("@acme/core",)),
        ("src/app.js", ("@js-owner",)),
        ("src/app.jsx", ("@acme/core",)),
        ("src/appxjs", ("@acme/core",)),
        ("build/logs/today.txt", ("@logkeeper",)),
        ("docs/getting-started.md", ("docs@example.com",)),
        ("docs/build-app/troubleshooting.md", ("@acme/core",)),
        ("docs/app.js", ("docs@example.com",)),
        ("guide/docs/intro.md", ("@acme/core",)),
        ("apps/main.py", ("@octocat",)),
        ("web/apps/main.py", ("@octocat",)),
        ("apps", ("@acme/core",)),
        ("apps/github/readme.md", ()),
        ("apps/github2/readme.md", ("@octocat",)),
        ("scripts/deploy.sh", ("@doctocat", "@octocat")),
        ("src/scripts/deploy.sh", ("@acme/core",)),
        ("deeply/nested/logs/x.txt", ("@logkeeper",)),
        ("logs", ("@logkeeper",)),
        ("catalogs/x.txt", ("@acme/core",)),
        ("config/a.yml", ("@cfg",)),
        ("config/ab.yml", ("@acme/core",)),
        ("café/menü.txt", ("@acme/core",)),
    ],
    ids=[
        "default-owner", "extension-anywhere", "extension-is-whole", "dot-is-literal",
        "last-match-wins-over-earlier-directory", "docs-star-direct-child", "docs-star-not-nested",
        "later-rule-beats-extension", "docs-star-is-anchored", "directory-at-root", "directory-anywhere",
        "directory-pattern-skips-a-file", "no-owners-means-nobody", "name-is-whole-not-prefix",
        "several-owners", "leading-slash-anchors", "double-star-any-depth", "plain-name-matches-a-file",
        "logs-is-a-whole-name", "question-mark-one-character", "question-mark-only-one", "unicode-path",
    ],
)
def test_owners_of_applies_the_last_matching_rule(rules, path, owners):
    assert owners_of(rules, path) == owners


@pytest.mark.parametrize(
    ("pattern", "path", "owned"),
    [
        ("/docs/**", "docs/a/b.md", True),
        ("/docs/**", "docs", False),
        ("src/**/test_*.py", "src/test_a.py", True),
        ("src/**/test_*.py", "src/a/b/test_a.py", True),
        ("src/**/test_*.py", "lib/src/test_a.py", False),
        ("/lib**.py", "lib/x/a.py", True),
        ("/lib**.py", "lib/x/apy", False),
        ("**/build", "build/out.o", True),
        ("**/build", "a/build", True),
        ("/a+b(c)/", "a+b(c)/x", True),
        ("/a+b(c)/", "aab(c)/x", False),
        ("*", "deep/down/file", True),
        ("*.py", "a.py", True),
        ("*.py", "a.py/inside", False),
        ("/v?", "v1", True),
        ("/v?", "v1/notes.txt", False),
    ],
    ids=[
        "final-double-star", "final-double-star-needs-inside", "double-star-none", "double-star-many",
        "double-star-anchored", "double-star-inside-a-name", "literal-dot-after-double-star",
        "leading-double-star-root", "leading-double-star-deep", "regex-characters-are-literal",
        "plus-is-not-a-repeat", "star-owns-everything", "extension", "wildcard-last-segment-is-files-only",
        "question-mark-file", "question-mark-last-segment-is-files-only",
    ],
)
def test_owners_of_follows_each_pattern_rule(pattern, path, owned):
    rules = parse_codeowners(f"{pattern} @x\n")
    assert owners_of(rules, path) == (("@x",) if owned else ()), (
        f"{pattern!r} should {'' if owned else 'not '}match {path!r}"
    )


def test_owners_of_without_a_matching_rule_is_empty():
    assert owners_of(parse_codeowners("*.py @py\n"), "README.md") == ()


def test_parse_codeowners_skips_comments_and_blank_lines():
    rules = parse_codeowners("# owners\n\n   \n*.py @py   @acme/python-team\n  # indented comment\n")
    assert len(rules) == 1, "only the one rule line is a rule"
    assert owners_of(rules, "tool.py") == ("@py", "@acme/python-team")


@pytest.mark.parametrize(
    ("text", "line", "owner"),
    [
        ("*.py @py\ndocs/ octocat\n", 2, "octocat"),
        ("# c\n\n*.js @a @@b\n", 3, "@@b"),
        ("* @org/team/sub\n", 1, "@org/team/sub"),
        ("* name@\n", 1, "name@"),
    ],
    ids=["missing-at", "double-at", "team-too-deep", "half-an-email"],
)
def test_parse_codeowners_rejects_an_owner_that_is_not_a_user_team_or_email(text, line, owner):
    with pytest.raises(ValueError, match=f"^line {line}: '{owner}' is not an @user, @org/team or email$"):
        parse_codeowners(text)


# --- the pull request: real git ------------------------------------------------------

BASE_FILES = {
    "README.md": "# Demo\n",
    "docs/guide.md": "Guide\n",
    "src/app.js": "let x = 1;\n",
    "old/name.txt": "a name\n",
}


def run(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, encoding="utf-8").stdout


def write(repo, files):
    for path, text in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """main, then a feature branch; main moves on after the branch point."""
    path = tmp_path_factory.mktemp("template") / "repo"
    saved = {name: os.environ.get(name) for name in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        path.mkdir()
        run(path, "init", "-q")
        run(path, "symbolic-ref", "HEAD", "refs/heads/main")
        write(path, BASE_FILES)
        run(path, "add", "--all")
        run(path, "commit", "-q", "-m", "base")
        run(path, "switch", "-q", "-c", "feature")
        write(path, {"src/app.js": "let x = 2;\n", "docs/café notes.md": "Notes\n", "apps/github/ci.yml": "on: push\n"})
        (path / "scripts").mkdir()
        run(path, "mv", "old/name.txt", "scripts/name.txt")
        run(path, "rm", "-q", "README.md")
        run(path, "add", "--all")
        run(path, "commit", "-q", "-m", "feature work")
        run(path, "switch", "-q", "main")
        write(path, {"docs/guide.md": "Guide, edited on main after the branch point\n"})
        run(path, "commit", "-q", "-am", "main moves on")
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


def test_changed_paths_lists_what_the_pull_request_changes(repo):
    assert changed_paths(repo, "main", "feature") == [
        "README.md",
        "apps/github/ci.yml",
        "docs/café notes.md",
        "old/name.txt",
        "scripts/name.txt",
        "src/app.js",
    ]


def test_changed_paths_ignores_what_changed_on_the_base_branch_since(repo):
    assert "docs/guide.md" not in changed_paths(repo, "main", "feature"), (
        "docs/guide.md changed on main after the branch point, not in the pull request: "
        "diff from the merge base, `main...feature` (three dots)"
    )


def test_changed_paths_reports_both_sides_of_a_rename(repo):
    paths = changed_paths(repo, "main", "feature")
    assert "old/name.txt" in paths and "scripts/name.txt" in paths, (
        "a rename ('R100' then the old and the new path) touches both: the owners of each must review"
    )


def test_changed_paths_gives_paths_as_they_are(repo):
    assert "docs/café notes.md" in changed_paths(repo, "main", "feature"), (
        'without -z git writes "docs/caf\\303\\251 notes.md" with quotes and octal escapes'
    )


def test_changed_paths_of_an_unknown_branch_raises(repo):
    with pytest.raises(subprocess.CalledProcessError):
        changed_paths(repo, "main", "no-such-branch")


def test_review_requests_maps_each_owner_to_the_files_they_must_review(repo):
    assert review_requests(repo, "main", "feature", CODEOWNERS, author="@someone") == {
        "@acme/core": ["README.md", "old/name.txt"],
        "@js-owner": ["src/app.js"],
        "docs@example.com": ["docs/café notes.md"],
        "@doctocat": ["scripts/name.txt"],
        "@octocat": ["scripts/name.txt"],
    }


@pytest.mark.parametrize("author", ["@js-owner", "@JS-Owner"], ids=["same-case", "other-case"])
def test_review_requests_never_asks_the_author(repo, author):
    requests = review_requests(repo, "main", "feature", CODEOWNERS, author=author)
    assert "@js-owner" not in requests, "the author cannot review their own pull request (names ignore case)"
    assert requests["@acme/core"] == ["README.md", "old/name.txt"]
