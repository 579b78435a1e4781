import pytest

from dockerfile_parse_lint import Instruction, Problem, lint, parse_dockerfile

GOOD = """\
# syntax=docker/dockerfile:1
FROM python:3.12-slim AS build
WORKDIR /src
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
RUN useradd --create-home app \\
    && mkdir /app
COPY --from=build /wheels /wheels
USER app
CMD ["python", "-m", "app"]
"""

BAD = """\
FROM python
RUN apt-get update
RUN apt-get install -y curl
COPY . /app
CMD python /app/main.py
"""


def problems(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.rule) for p in lint(parse_dockerfile(text))]


# --- parse_dockerfile --------------------------------------------------------------------


def test_parse_splits_a_dockerfile_into_instructions():
    instructions = parse_dockerfile(GOOD)
    assert [(i.line, i.keyword) for i in instructions] == [
        (2, "FROM"), (3, "WORKDIR"), (4, "COPY"), (5, "RUN"),
        (7, "FROM"), (8, "RUN"), (10, "COPY"), (11, "USER"), (12, "CMD"),
    ]
    assert instructions[0] == Instruction(2, "FROM", "python:3.12-slim AS build", None)


def test_parse_of_an_empty_or_comment_only_file_is_empty():
    assert parse_dockerfile("") == []
    assert parse_dockerfile("# just a comment\n\n   \n") == []


def test_continuation_lines_are_joined_with_one_space():
    text = "RUN apt-get update \\\n    && apt-get install -y \\\n        curl \\\n        git\n"
    assert parse_dockerfile(text) == [
        Instruction(1, "RUN", "apt-get update && apt-get install -y curl git")
    ]


def test_comments_inside_a_continued_instruction_are_dropped():
    text = "RUN set -e \\\n    # update first\n    && apt-get update\nUSER app\n"
    assert parse_dockerfile(text) == [
        Instruction(1, "RUN", "set -e && apt-get update"),
        Instruction(4, "USER", "app"),
    ], "the comment line is skipped and USER starts on line 4"


def test_keywords_are_case_insensitive_and_arguments_are_stripped():
    assert parse_dockerfile("from   alpine:3.19  \n\tworkdir /tmp\n") == [
        Instruction(1, "FROM", "alpine:3.19"),
        Instruction(2, "WORKDIR", "/tmp"),
    ]


@pytest.mark.parametrize(
    ("line", "exec_form"),
    [
        ('CMD ["python", "app.py"]', ["python", "app.py"]),
        ('ENTRYPOINT ["/usr/bin/tini", "--"]', ["/usr/bin/tini", "--"]),
        ('CMD ["echo", "héllo wörld"]', ["echo", "héllo wörld"]),
        ("CMD ['python', 'app.py']", None),
        ("CMD python app.py", None),
        ('CMD ["python", 3]', None),
        ('CMD "python app.py"', None),
        ("CMD []", []),
    ],
    ids=["exec-form", "entrypoint", "unicode", "single-quotes-are-not-json",
         "shell-form", "not-all-strings", "a-json-string-is-not-an-array", "empty-array"],
)
def test_exec_form_is_recognised_only_for_a_json_array_of_strings(line, exec_form):
    [instruction] = parse_dockerfile(line + "\n")
    assert instruction.exec_form == exec_form


def test_a_continuation_on_the_last_line_still_ends_the_instruction():
    text = "FROM alpine:3.19\n\n# install\nRUN apk add curl \\\n    git \\"
    assert parse_dockerfile(text) == [
        Instruction(1, "FROM", "alpine:3.19"),
        Instruction(4, "RUN", "apk add curl git"),
    ], "a file may end in the middle of a continued instruction: keep what was read"


@pytest.mark.parametrize(
    "keyword",
    ["ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
     "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"],
)
def test_every_dockerfile_instruction_is_known(keyword):
    [instruction] = parse_dockerfile(f"{keyword.lower()} something\n")
    assert (instruction.keyword, instruction.args) == (keyword, "something")


def test_an_instruction_without_arguments_has_empty_args():
    assert parse_dockerfile("WORKDIR\n") == [Instruction(1, "WORKDIR", "")]


def test_parse_rejects_an_unknown_instruction():
    with pytest.raises(ValueError, match=r"^line 3: unknown instruction 'RUNN'"):
        parse_dockerfile("FROM alpine:3.19\n\nRUNN echo hi\n")


# --- lint -------------------------------------------------------------------------------------


def test_a_good_dockerfile_has_no_problems():
    assert problems(GOOD) == []


def test_a_bad_dockerfile_gets_every_problem_sorted_by_line():
    assert problems(BAD) == [
        (1, "root-user"),
        (1, "untagged-image"),
        (3, "consecutive-run"),
        (5, "shell-form"),
    ]


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("python", ["untagged-image"]),
        ("python:latest", ["latest-tag"]),
        ("python:3.12-slim", []),
        ("python@sha256:" + "ab" * 32, []),
        ("ghcr.io/acme/api", ["untagged-image"]),
        ("localhost:5000/api", ["untagged-image"]),
        ("localhost:5000/api:1.4", []),
        ("--platform=linux/amd64 node:20", []),
        ("scratch", []),
        ("acme/latest-tools:1.2", []),
        ("python:3.12-latest-build", []),
        ("python AS base", ["untagged-image"]),
    ],
    ids=["no-tag", "latest", "pinned", "digest", "registry-no-tag", "registry-port-no-tag",
         "registry-port-and-tag", "platform-flag", "scratch", "latest-in-the-image-name",
         "latest-inside-a-longer-tag", "untagged-image-of-a-named-stage"],
)
def test_base_image_must_be_pinned(base, expected):
    text = f"FROM {base}\nUSER 1000\n"
    assert [rule for _, rule in problems(text)] == expected, f"for the line: FROM {base}"


def test_an_earlier_stage_is_not_an_untagged_image():
    text = "FROM node:20 AS Deps\nRUN npm ci\nFROM deps\nUSER node\nCMD [\"node\", \"server.js\"]\n"
    assert problems(text) == []


def test_the_as_keyword_is_case_insensitive():
    text = "FROM node:20 as deps\nRUN npm ci\nFROM deps\nUSER node\n"
    assert problems(text) == [], "'as' names a stage just like 'AS'"


def test_a_stage_named_only_later_is_still_an_image_when_used():
    text = "FROM build\nUSER app\nFROM alpine:3.19 AS build\nUSER app\n"
    assert problems(text) == [(1, "untagged-image")], (
        "on line 1 no stage 'build' exists yet, so 'build' is an image from a registry: "
        "collect the stage names while walking, not all of them up front"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM alpine:3.19\nRUN a\nRUN b\nRUN c\nUSER app\n", [(3, "consecutive-run"), (4, "consecutive-run")]),
        ("FROM alpine:3.19\nRUN a\nCOPY x /x\nRUN b\nUSER app\n", []),
        ("FROM alpine:3.19 AS one\nRUN a\nFROM alpine:3.19\nRUN b\nUSER app\n", []),
    ],
    ids=["three-in-a-row", "split-by-copy", "split-by-a-new-stage"],
)
def test_consecutive_run_instructions(text, expected):
    assert problems(text) == expected


@pytest.mark.parametrize(
    ("user_lines", "expected"),
    [
        ("", [(1, "root-user")]),
        ("USER app\n", []),
        ("USER 1000:1000\n", []),
        ("USER root\n", [(2, "root-user")]),
        ("USER 0:0\n", [(2, "root-user")]),
        ("USER root:root\n", [(2, "root-user")]),
        ("USER app\nRUN echo hi\nUSER root\n", [(4, "root-user")]),
        ("USER root\nRUN apt-get update\nUSER app\n", []),
        ("USER rootless\n", []),
        ("USER 0815\n", []),
        ("USER app:root\n", []),
    ],
    ids=["no-user", "named-user", "numeric-user", "root", "uid-zero", "root-group",
         "back-to-root", "root-then-app", "a-name-that-starts-with-root",
         "a-uid-that-starts-with-zero", "only-the-group-is-root"],
)
def test_the_final_stage_must_not_run_as_root(user_lines, expected):
    assert problems("FROM alpine:3.19\n" + user_lines) == expected


def test_user_of_an_earlier_stage_does_not_count():
    text = "FROM alpine:3.19 AS build\nUSER app\nFROM alpine:3.19\nCMD [\"sh\"]\n"
    assert problems(text) == [(3, "root-user")], (
        "each stage starts as the base image's user (root): the USER must be in the last stage"
    )


def test_entrypoint_in_shell_form_is_reported():
    text = "FROM alpine:3.19\nUSER app\nENTRYPOINT /app/run --port 80\n"
    assert problems(text) == [(3, "shell-form")]


def test_problems_are_problem_objects():
    assert lint(parse_dockerfile("FROM python\nUSER app\n")) == [Problem(1, "untagged-image")]


@pytest.mark.parametrize(
    "text", ["", "# nothing\n", "ARG VERSION=1\n"], ids=["empty", "comments-only", "no-from"]
)
def test_lint_needs_a_from_instruction(text):
    with pytest.raises(ValueError, match="no FROM instruction"):
        lint(parse_dockerfile(text))
