import pytest

from dockerignore_context_secrets import (
    build_context,
    final_stage_copies,
    is_ignored,
    leaked_secrets,
)

PROJECT = [
    "Dockerfile",
    ".dockerignore",
    "requirements.txt",
    "app/__init__.py",
    "app/main.py",
    "app/static/logo.png",
    "config/.env",
    ".env",
    ".env.example",
    ".npmrc",
    ".pypirc",
    ".env.production",
    "home/.ssh/id_ed25519",
    "certs/server.pem",
    "server.key",
    "deploy/id_rsa",
    "node_modules/left-pad/index.js",
    ".git/HEAD",
    "docs/README.md",
    "docs/notes.txt",
    "tests/test_main.py",
]


# --- is_ignored ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dockerignore", "path", "expected"),
    [
        ("node_modules", "node_modules/left-pad/index.js", True),
        ("*.pem", "server.pem", True),
        ("*.pem", "certs/server.pem", False),
        ("**/*.pem", "certs/server.pem", True),
        ("**/*.pem", "server.pem", True),
        ("build/**", "build/lib/app.py", True),
        ("src/**/debug.log", "src/a/b/debug.log", True),
        ("src/**/debug.log", "src/debug.log", True),
        ("a?c.txt", "abc.txt", True),
        ("a?c.txt", "a/c.txt", False),
        ("file.txt", "fileXtxt", False),
        ("app", "application.py", False),
        ("app", "src/app/main.py", False),
        ("/Xresources", "Xresources/theme", True),
        ("./build/", "build/out.bin", True),
        ("  *.log  \n", "debug.log", True),
        ("", "app.py", False),
        ("# *.py\n\n", "app.py", False),
        ("# build output\n\nbuild\n", "build/app.whl", True),
        ("#*#", "#main.py#", False),
        ("**.log", "logs/app.log", True),
        ("**.log", "logs/catalog", False),
        ("*.txt", "notes-txt", False),
    ],
    ids=[
        "a-folder-excludes-everything-in-it",
        "star-in-the-top-folder",
        "star-does-not-cross-a-slash",
        "double-star-at-any-depth",
        "double-star-also-zero-folders",
        "final-double-star-is-everything-below",
        "double-star-in-the-middle",
        "double-star-in-the-middle-zero-folders",
        "question-mark-one-character",
        "question-mark-is-not-a-slash",
        "a-dot-is-only-a-dot",
        "whole-names-not-prefixes",
        "patterns-are-anchored-at-the-top",
        "leading-slash-is-cleaned",
        "dot-slash-and-trailing-slash-are-cleaned",
        "spaces-around-are-stripped",
        "empty-file-ignores-nothing",
        "comments-and-blank-lines-are-skipped",
        "lines-after-a-comment-still-count",
        "a-hash-line-is-a-comment-even-if-it-looks-like-a-pattern",
        "double-star-without-slash-crosses-folders",
        "double-star-keeps-the-dot",
        "star-keeps-the-dot",
    ],
)
def test_is_ignored_follows_the_dockerignore_rules(dockerignore, path, expected):
    assert is_ignored(path, dockerignore) is expected


def test_star_patterns_stay_in_the_top_folder():
    assert is_ignored("certs/server.pem", "*.pem\n") is False, (
        "in .dockerignore '*' never crosses a '/': '*.pem' does not exclude certs/server.pem "
        "(fnmatch would). Write '**/*.pem' to mean every folder"
    )


@pytest.mark.parametrize(
    ("dockerignore", "path", "expected"),
    [
        ("docs\n!docs/README.md", "docs/README.md", False),
        ("docs\n!docs/README.md", "docs/notes.txt", True),
        ("!docs/README.md\ndocs", "docs/README.md", True),
        ("*\n!app\n", "app/static/logo.png", False),
        ("*\n!app\n", "requirements.txt", True),
        ("**/*.md\n! README.md", "README.md", False),
    ],
    ids=[
        "exception-brings-a-file-back",
        "exception-brings-only-that-file",
        "the-last-matching-line-decides",
        "exception-on-a-folder",
        "everything-else-stays-out",
        "space-after-the-bang",
    ],
)
def test_exceptions_and_the_last_matching_line(dockerignore, path, expected):
    assert is_ignored(path, dockerignore) is expected, (
        "go through every line: each one that matches sets 'ignored' (False for a '!' line); "
        "the last match wins"
    )


def test_build_context_keeps_what_is_not_ignored_sorted():
    dockerignore = ".git\nnode_modules\n**/*.pem\n.env*\n!.env.example\ntests/\n"
    assert build_context(list(reversed(PROJECT)), dockerignore) == [
        ".dockerignore",
        ".env.example",
        ".npmrc",
        ".pypirc",
        "Dockerfile",
        "app/__init__.py",
        "app/main.py",
        "app/static/logo.png",
        "config/.env",
        "deploy/id_rsa",
        "docs/README.md",
        "docs/notes.txt",
        "home/.ssh/id_ed25519",
        "requirements.txt",
        "server.key",
    ]


# --- final_stage_copies ---------------------------------------------------------------------

MULTI_STAGE = """\
# syntax=docker/dockerfile:1
FROM node:20 AS assets
WORKDIR /src
COPY . .
RUN npm ci && npm run build

FROM python:3.12-slim AS runtime
WORKDIR /app
COPY --from=assets /src/dist /app/static
copy --chown=app:app requirements.txt\\
     # .env stays out: this line is a comment, even inside the COPY
     app/ /app/
COPY --link --from=python:3.12 /usr/lib/x /usr/lib/x
USER app
"""


def test_only_the_final_stage_counts_and_from_copies_no_context_files():
    assert final_stage_copies(MULTI_STAGE, PROJECT) == [
        "app/__init__.py",
        "app/main.py",
        "app/static/logo.png",
        "requirements.txt",
    ], (
        "the assets stage copied everything, but only the stage after the last FROM is "
        "shipped, and COPY --from=... takes files from another stage, not from the context"
    )


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        ('COPY ["app/main.py", "requirements.txt", "/app/"]', ["app/main.py", "requirements.txt"]),
        ("COPY *.txt /app/", ["requirements.txt"]),
        ("ADD ./docs /srv/docs", ["docs/README.md", "docs/notes.txt"]),
        ("COPY --chmod=0644 app/main.py /app/main.py", ["app/main.py"]),
        ("COPY . /app", sorted(PROJECT)),
        ("RUN cp -r . /app", []),
        ("COPY --from=builder . /app", []),
        ("COPY --link --from=builder app/ /app/", []),
    ],
    ids=[
        "json-form",
        "glob-in-the-top-folder",
        "add-a-folder",
        "flag-is-not-a-source",
        "dot-is-everything",
        "run-copies-nothing",
        "from-another-stage-is-not-the-context",
        "from-after-another-flag",
    ],
)
def test_final_stage_copies_reads_each_source(instruction, expected):
    dockerfile = f"FROM python:3.12-slim\nWORKDIR /app\n{instruction}\n"
    assert final_stage_copies(dockerfile, PROJECT) == expected


def test_the_destination_is_not_a_source():
    got = final_stage_copies("FROM scratch\nCOPY app/main.py requirements.txt\n", PROJECT)
    assert got == ["app/main.py"], "the last argument is where files go, not a file to copy"


# --- leaked_secrets -------------------------------------------------------------------------


def test_leaked_secrets_docstring_example():
    got = leaked_secrets(
        "FROM python:3.12-slim\nCOPY . /app\n", ["app.py", ".env", "certs/tls.pem"], "*.pem\n"
    )
    assert got == [".env", "certs/tls.pem"]


def test_copying_everything_with_a_careless_dockerignore_leaks_every_secret():
    dockerfile = "FROM python:3.12-slim\nCOPY . /app\n"
    assert leaked_secrets(dockerfile, PROJECT, ".git\n*.pem\n") == [
        ".env",
        ".env.production",
        ".npmrc",
        ".pypirc",
        "certs/server.pem",
        "config/.env",
        "deploy/id_rsa",
        "home/.ssh/id_ed25519",
        "server.key",
    ], "secrets are found by base name in every folder ('config/.env'); '.env.example' is not one"


def test_a_careful_dockerignore_leaks_nothing():
    dockerignore = "**/.env*\n!**/.env.example\n**/*.pem\n*.key\n.npmrc\n.pypirc\ndeploy\nhome\n"
    assert leaked_secrets("FROM python:3.12-slim\nCOPY . /app\n", PROJECT, dockerignore) == []


def test_secrets_used_only_in_a_build_stage_do_not_leak():
    assert leaked_secrets(MULTI_STAGE, PROJECT, "") == [], (
        "the assets stage copied .npmrc and .env, but that stage is not shipped"
    )


def test_the_same_multi_stage_file_leaks_when_the_final_stage_copies_the_context():
    dockerfile = MULTI_STAGE.replace("     app/ /app/", "     . /app/")
    assert leaked_secrets(dockerfile, PROJECT, "**/.env\n") == [
        ".env.production",
        ".npmrc",
        ".pypirc",
        "certs/server.pem",
        "deploy/id_rsa",
        "home/.ssh/id_ed25519",
        "server.key",
    ]
