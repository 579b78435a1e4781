import pytest

from gitflow_branch_rules import branch_type, check_merge, start_branch


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("main", "main"),
        ("develop", "develop"),
        ("feature/login-form", "feature"),
        ("feature/oauth2", "feature"),
        ("release/1.5.0", "release"),
        ("release/10.0.12", "release"),
        ("hotfix/1.4.3", "hotfix"),
    ],
    ids=["main", "develop", "feature", "feature-with-digit", "release", "release-multi-digit", "hotfix"],
)
def test_branch_type_recognises_gitflow_names(name, kind):
    assert branch_type(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "",
        "master",
        "feature/",
        "Feature/login",
        "feature/Login-Form",
        "feature/login_form",
        "feature/login--form",
        "feature/-login",
        "feature/login/extra",
        "release/1.2",
        "release/v1.2.0",
        "hotfix/1.2.3-beta",
        "bugfix/crash",
        "develop2",
        " main",
        "main\n",
        "feature/login-form\n",
        "release/\uff11.\uff15.\uff10",
        "hotfix/1.4.\u0663",
    ],
    ids=[
        "empty", "master-is-not-main", "feature-without-topic", "capital-kind", "capital-topic",
        "underscore", "double-hyphen", "leading-hyphen", "nested", "two-part-version", "v-prefix",
        "pre-release-suffix", "unknown-kind", "develop-with-suffix", "leading-space",
        "trailing-newline", "feature-trailing-newline", "fullwidth-digits", "arabic-indic-digit",
    ],
)
def test_branch_type_rejects_names_outside_the_model(name):
    # re.match(r"main$") accepts "main\n" ($ matches before a final newline) and \d accepts any
    # Unicode digit: use re.fullmatch and [0-9]
    with pytest.raises(ValueError, match="is not a GitFlow branch name$"):
        branch_type(name)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("feature", "1.4.2", "login-form"), ("feature/login-form", "develop")),
        (("release", "1.4.2"), ("release/1.5.0", "develop")),
        (("release", "1.9.7"), ("release/1.10.0", "develop")),
        (("hotfix", "1.4.2"), ("hotfix/1.4.3", "main")),
        (("hotfix", "0.0.9"), ("hotfix/0.0.10", "main")),
    ],
    ids=["feature-from-develop", "release-bumps-minor-resets-patch", "minor-9-to-10", "hotfix-from-main", "patch-9-to-10"],
)
def test_start_branch_names_the_branch_and_its_base(args, expected):
    assert start_branch(*args) == expected


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("release", "1.4"), "current_version"),
        (("hotfix", "v1.4.2"), "current_version"),
        (("hotfix", "1.4.2\n"), "current_version"),
        (("hotfix", "1.4.\u0663"), "current_version"),
        (("bugfix", "1.4.2"), "cannot start"),
        (("develop", "1.4.2"), "cannot start"),
        (("feature", "1.4.2", "Login Form"), "not a GitFlow branch name"),
        (("feature", "1.4.2"), "^'feature/' is not a GitFlow branch name$"),
    ],
    ids=["short-version", "v-prefix", "trailing-newline", "non-ascii-digit", "unknown-kind", "long-lived-kind", "bad-topic", "missing-topic"],
)
def test_start_branch_refuses_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        start_branch(*args)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("feature/login-form", "develop"),
        ("release/1.5.0", "main"),
        ("release/1.5.0", "develop"),
        ("hotfix/1.4.3", "main"),
        ("hotfix/1.4.3", "develop"),
    ],
    ids=["feature-into-develop", "release-into-main", "release-back-into-develop", "hotfix-into-main", "hotfix-into-develop"],
)
def test_check_merge_allows_the_gitflow_directions(source, target):
    assert check_merge(source, target) is None


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("feature/login-form", "main", "feature/login-form may only be merged into develop, not main"),
        ("feature/login-form", "release/1.5.0", "may only be merged into develop, not release/1.5.0"),
        ("release/1.5.0", "feature/login-form", "may only be merged into main and develop"),
        ("hotfix/1.4.3", "release/1.5.0", "may only be merged into main and develop"),
        ("develop", "main", "develop is never merged into another branch"),
        ("main", "develop", "main is never merged into another branch"),
    ],
    ids=[
        "feature-skipping-develop",
        "feature-into-release",
        "release-into-feature",
        "hotfix-into-release-when-none-is-open",
        "develop-into-main",
        "main-into-develop",
    ],
)
def test_check_merge_refuses_other_directions_and_says_why(source, target, message):
    with pytest.raises(ValueError, match=message):
        check_merge(source, target)


@pytest.mark.parametrize(("source", "target"), [("fix/typo", "develop"), ("feature/x", "master")], ids=["bad-source", "bad-target"])
def test_check_merge_refuses_invalid_branch_names(source, target):
    with pytest.raises(ValueError, match="is not a GitFlow branch name"):
        check_merge(source, target)


OPEN = "release/1.5.0"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("hotfix/1.4.3", OPEN),
        ("hotfix/1.4.3", "main"),
        ("feature/login-form", "develop"),
        (OPEN, "develop"),
        (OPEN, "main"),
    ],
    ids=["hotfix-into-the-open-release", "hotfix-into-main", "feature-still-into-develop", "release-into-develop", "release-into-main"],
)
def test_check_merge_with_an_open_release_allows_the_gitflow_directions(source, target):
    assert check_merge(source, target, open_release=OPEN) is None, (
        "while a release branch is open, GitFlow merges a hotfix into main and that release; "
        "the other kinds keep their usual targets"
    )


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("hotfix/1.4.3", "develop", "^hotfix/1.4.3 may only be merged into main and release/1.5.0, not develop$"),
        ("hotfix/1.4.3", "release/1.6.0", "^hotfix/1.4.3 may only be merged into main and release/1.5.0, not release/1.6.0$"),
        ("feature/login-form", OPEN, "^feature/login-form may only be merged into develop, not release/1.5.0$"),
        ("develop", OPEN, "^develop is never merged into another branch$"),
    ],
    ids=["hotfix-into-develop-instead-of-the-release", "hotfix-into-another-release", "feature-into-the-open-release", "develop-into-the-open-release"],
)
def test_check_merge_with_an_open_release_refuses_other_directions(source, target, message):
    with pytest.raises(ValueError, match=message):
        check_merge(source, target, open_release=OPEN)


@pytest.mark.parametrize(
    "open_release", ["", "develop", "feature/x", "release/1.5", "release/1.5.0\n"], ids=["empty", "develop", "feature", "short-version", "trailing-newline"]
)
def test_check_merge_refuses_an_open_release_that_is_not_a_release_branch(open_release):
    with pytest.raises(ValueError, match="is not a release branch$"):
        check_merge("hotfix/1.4.3", "main", open_release=open_release)
