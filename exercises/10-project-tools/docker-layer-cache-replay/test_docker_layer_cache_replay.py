import pytest

from docker_layer_cache_replay import rebuilt_steps

CARELESS = """\
FROM python:3.12-slim
WORKDIR /app
COPY . /app
RUN pip install -r requirements.txt
CMD ["python", "app.py"]
"""

CAREFUL = """\
# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app

COPY requirements.txt /app/
# the dependencies, cached until requirements.txt changes
RUN pip install --no-cache-dir\\
        -r requirements.txt
COPY src/ /app/src/
CMD ["python", "-m", "src.app"]
"""

MULTI = """\
FROM --platform=linux/amd64 node:20 as assets
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci
COPY web/ ./
RUN npm run build

FROM python:3.12-slim
COPY --from=assets /web/dist /app/static
COPY requirements.txt /app/
RUN pip install -r /app/requirements.txt
COPY src /app/src
"""


def test_nothing_changed_means_nothing_runs_again():
    assert rebuilt_steps(CAREFUL, CAREFUL, set()) == []
    assert rebuilt_steps(MULTI, MULTI, set()) == []


def test_copying_everything_first_reinstalls_the_dependencies_on_every_edit():
    assert rebuilt_steps(CARELESS, CARELESS, {"app.py"}) == [
        "COPY . /app",
        "RUN pip install -r requirements.txt",
        'CMD ["python", "app.py"]',
    ], "'.' copies every file: app.py changed, so COPY misses, and every later step runs too"


def test_copying_requirements_first_keeps_the_install_cached():
    assert rebuilt_steps(CAREFUL, CAREFUL, {"src/app.py", "README.md"}) == [
        "COPY src/ /app/src/",
        'CMD ["python", "-m", "src.app"]',
    ]


def test_changing_the_requirements_runs_the_install_again():
    assert rebuilt_steps(CAREFUL, CAREFUL, {"requirements.txt"}) == [
        "COPY requirements.txt /app/",
        "RUN pip install --no-cache-dir -r requirements.txt",
        "COPY src/ /app/src/",
        'CMD ["python", "-m", "src.app"]',
    ], "continuation lines are joined with one space, each piece stripped"


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ({"srcs/app.py"}, []),
        ({"docs/index.md"}, []),
        ({"src/pkg/deep/module.py"}, ["COPY src/ /app/src/", 'CMD ["python", "-m", "src.app"]']),
    ],
    ids=["a-folder-is-not-a-prefix", "file-never-copied", "file-deep-in-a-copied-folder"],
)
def test_a_copy_sees_only_the_files_under_its_sources(changed, expected):
    assert rebuilt_steps(CAREFUL, CAREFUL, changed) == expected


def test_a_changed_run_line_misses_even_when_no_file_changed():
    new = CAREFUL.replace("--no-cache-dir", "--no-cache-dir --upgrade")
    assert rebuilt_steps(CAREFUL, new, set()) == [
        "RUN pip install --no-cache-dir --upgrade -r requirements.txt",
        "COPY src/ /app/src/",
        'CMD ["python", "-m", "src.app"]',
    ]


def test_editing_a_comment_rebuilds_nothing():
    new = CAREFUL.replace("cached until requirements.txt changes", "kept in the cache")
    assert rebuilt_steps(CAREFUL, new, set()) == [], "comments are not instructions: skip them"


def test_copy_from_a_leading_slash_source():
    dockerfile = "FROM python:3.12-slim\nCOPY /Xauthority /root/.Xauthority\n"
    assert rebuilt_steps(dockerfile, dockerfile, {"Xauthority"}) == [
        "COPY /Xauthority /root/.Xauthority"
    ]


def test_a_step_added_at_the_end_is_the_only_one_to_run():
    new = CAREFUL + "USER app\n"
    assert rebuilt_steps(CAREFUL, new, set()) == ["USER app"]


def test_a_step_removed_in_the_middle_shifts_every_later_step():
    new = CAREFUL.replace("WORKDIR /app\n", "")
    assert rebuilt_steps(CAREFUL, new, set()) == [
        "COPY requirements.txt /app/",
        "RUN pip install --no-cache-dir -r requirements.txt",
        "COPY src/ /app/src/",
        'CMD ["python", "-m", "src.app"]',
    ], "steps are compared by position: without WORKDIR, nothing after it matches any more"


def test_a_new_base_image_rebuilds_the_whole_stage():
    new = CAREFUL.replace("python:3.12-slim", "python:3.13-slim")
    assert rebuilt_steps(CAREFUL, new, set()) == [
        "WORKDIR /app",
        "COPY requirements.txt /app/",
        "RUN pip install --no-cache-dir -r requirements.txt",
        "COPY src/ /app/src/",
        'CMD ["python", "-m", "src.app"]',
    ]


def test_a_rebuilt_stage_invalidates_the_copy_from_it_only():
    assert rebuilt_steps(MULTI, MULTI, {"web/src/main.js"}) == [
        "COPY web/ ./",
        "RUN npm run build",
        "COPY --from=assets /web/dist /app/static",
        "COPY requirements.txt /app/",
        "RUN pip install -r /app/requirements.txt",
        "COPY src /app/src",
    ], "the assets stage ran again, so COPY --from=assets misses, and all after it"


def test_an_unchanged_stage_keeps_the_copy_from_it_cached():
    assert rebuilt_steps(MULTI, MULTI, {"src/app.py"}) == ["COPY src /app/src"], (
        "the assets stage did not change: its COPY --from stays cached, and files under web/ "
        "are not copied by the final stage anyway"
    )


def test_copy_from_a_stage_number_and_a_stage_whose_base_changed():
    old = "FROM alpine:3.19\nRUN echo hi > /x\n\nFROM scratch\nCOPY --from=0 /x /x\nCOPY a.txt /a\n"
    new = old.replace("alpine:3.19", "alpine:3.20")
    assert rebuilt_steps(old, new, set()) == [
        "RUN echo hi > /x",
        "COPY --from=0 /x /x",
        "COPY a.txt /a",
    ]


def test_a_stage_of_only_a_new_from_still_changes_its_result():
    old = "FROM alpine:3.19 AS base\n\nFROM scratch\nCOPY --from=base /etc/os-release /x\n"
    new = old.replace("alpine:3.19", "alpine:3.20")
    assert rebuilt_steps(old, new, set()) == ["COPY --from=base /etc/os-release /x"]


def test_a_new_stage_runs_all_its_steps():
    new = MULTI + "\nFROM busybox AS debug\nCOPY --from=1 /app /app\nRUN ls /app\n"
    assert rebuilt_steps(MULTI, new, set()) == ["COPY --from=1 /app /app", "RUN ls /app"]


@pytest.mark.parametrize(
    "instruction",
    [
        "COPY --chown=app:app ./src/ /app/src/",
        "ADD src /app/src",
        "COPY /src /app/src",
        "copy src /app/",
    ],
    ids=["flag-and-dot-slash", "add", "leading-slash", "lower-case-keyword"],
)
def test_copy_sources_are_cleaned_and_flags_skipped(instruction):
    dockerfile = f"FROM python:3.12-slim\n{instruction}\nRUN true\n"
    assert rebuilt_steps(dockerfile, dockerfile, {"src/app.py"}) == [instruction, "RUN true"]
    assert rebuilt_steps(dockerfile, dockerfile, {"app/src/x.py"}) == [], (
        "the last argument is the destination, not a source"
    )
