import os
import subprocess

import pytest

from gitignore_matcher_check_ignore import GitIgnore

# Each scenario: a .gitignore and paths to ask about; a path ending in "/" is a folder.
SCENARIOS = {
    "extensions-and-negation": (
        "*.log\n!important.log\n*.py[co]\ntemp?\n",
        ["app.log", "logs/deep/x.log", "important.log", "logs/important.log", "x.pyc", "x.pyo", "x.pyd",
         "temp1", "temp12", "templ/", "templ/x", "temp/x", "app.log.txt"],
    ),
    "directories-and-anchors": (
        "build/\n/TODO\ndocs/*.html\nlib/cache/\n",
        ["build/", "build/out.o", "src/build/", "src/build/x", "lib/build", "TODO", "src/TODO",
         "docs/a.html", "docs/sub/a.html", "src/docs/a.html", "lib/cache/x", "src/lib/cache/x", "builder/x",
         "rebuild/x"],
    ),
    "parent-folders-win": (
        "/*\n!/src/\n!.gitignore\nlogs/\n!logs/keep.txt\n",
        ["README.md", "src/", "src/app.py", "src/logs/x.txt", "src/logs/keep.txt", ".gitignore", "other/",
         "other/x.txt"],
    ),
    "double-star": (
        "**/cache\na/**/b\nout/**\n**/*.tmp\nx**y\n",
        ["cache/f", "deep/er/cache/f", "cachet", "a/b", "a/x/b", "a/x/y/b", "b/a/b", "out/", "out/f",
         "out/d/f", "z.tmp", "d/z.tmp", "xay", "xaby", "xa/by"],
    ),
    "re-included-folder": (
        "vendor/**\n!vendor/keep/\n!vendor/keep/**\n",
        ["vendor/", "vendor/x", "vendor/keep/", "vendor/keep/y", "vendor/other/y"],
    ),
    "double-star-reaches-inside-a-re-included-folder": (
        "out/**\n!out/d/\n/\n!\n*.log\n",
        ["out/", "out/d/", "out/d/f", "out/e/f", "x.log", "a/x.log"],
    ),
    "escapes-classes-and-spaces": (
        "# a comment\n\n\\#notes\n\\!bang\nfoo   \n[a-c]at.txt\n[!a-c]og.txt\nq[.]x\na]b\n",
        ["#notes", "# a comment", "!bang", "bang", "foo", "bat.txt", "dat.txt", "[at.txt", "dog.txt", "bog.txt",
         "!og.txt", "q.x", "qax", "a]b"],
    ),
}


def git_answers(tmp_path_factory, name, text, paths):
    """What `git check-ignore` says for each path, in a real repository with real files."""
    repo = tmp_path_factory.mktemp(name)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=str(repo))
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / ".gitignore").write_text(text, encoding="utf-8")
    for path in paths:
        target = repo / path
        if path.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
        elif path != ".gitignore":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("x\n", encoding="utf-8")
    names = [path.rstrip("/") for path in paths]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin", "-z"],
        cwd=repo, input="\0".join(names) + "\0", capture_output=True, encoding="utf-8", env=env,
    )
    assert result.returncode in (0, 1), result.stderr
    return set(result.stdout.split("\0")[:-1])


@pytest.fixture(scope="module")
def git_says(tmp_path_factory):
    return {name: git_answers(tmp_path_factory, name, *scenario) for name, scenario in SCENARIOS.items()}


@pytest.mark.parametrize("scenario", list(SCENARIOS), ids=list(SCENARIOS))
def test_is_ignored_agrees_with_git_check_ignore(git_says, scenario):
    text, paths = SCENARIOS[scenario]
    matcher = GitIgnore(text)
    wrong = []
    for path in paths:
        name = path.rstrip("/")
        expected = name in git_says[scenario]
        if matcher.is_ignored(name, is_dir=path.endswith("/")) != expected:
            wrong.append(f"  {path!r}: git says {'ignored' if expected else 'not ignored'}")
    assert not wrong, "with this .gitignore:\n" + text + "your matcher disagrees with git on:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "path", "is_dir", "ignored"),
    [
        ("build/\n", "build", True, True),
        ("build/\n", "build", False, False),
        ("build/\n", "build/x.o", False, True),
        ("bar\\ \n", "bar ", False, True),
        ("bar\\ \n", "bar", False, False),
        ("foo \n", "foo", False, True),
        ("\n\n   \n", "x", False, False),
        ("#x\n", "#x", False, False),
        ("*.log\n!keep.log\n*.log\n", "keep.log", False, True),
        ("!keep.log\n*.log\n", "keep.log", False, True),
        ("logs\n", "logs", True, True),
        ("logs\n", "a/logs/b.txt", False, True),
        ("/logs\n", "a/logs/b.txt", False, False),
        ("doc/frotz/\n", "a/doc/frotz/x", False, False),
        ("a.b\n", "axb", False, False),
        ("*.txt\n", "notes.txt\n", False, False),
        ("é*\n", "été.md", False, True),
    ],
    ids=[
        "directory-pattern-on-a-folder", "directory-pattern-not-on-a-file", "inside-an-ignored-folder",
        "escaped-trailing-space-kept", "escaped-space-is-part-of-the-name", "trailing-space-dropped",
        "blank-lines", "comment-is-not-a-pattern", "last-rule-wins", "negation-before-the-rule-is-overridden",
        "name-matches-a-folder", "name-at-any-depth", "leading-slash-anchors", "middle-slash-anchors",
        "dot-is-literal", "newline-is-not-matched-by-star", "unicode",
    ],
)
def test_is_ignored_follows_the_documented_rules(text, path, is_dir, ignored):
    assert GitIgnore(text).is_ignored(path, is_dir=is_dir) is ignored, (
        f".gitignore {text!r}: {path!r} ({'folder' if is_dir else 'file'}) should "
        f"{'' if ignored else 'not '}be ignored"
    )


def test_is_dir_defaults_to_a_file():
    assert GitIgnore("build/\n").is_ignored("build") is False, "is_dir=False by default: a file named build"


@pytest.mark.parametrize("path", ["/etc/passwd", "a//b", "./a", "a/../b", "", "a/"], ids=[
    "absolute", "empty-segment", "dot", "dot-dot", "empty", "trailing-slash",
])
def test_is_ignored_rejects_a_path_that_is_not_clean_and_relative(path):
    with pytest.raises(ValueError, match="relative path"):
        GitIgnore("*.log\n").is_ignored(path)
