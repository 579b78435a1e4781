import copy
import json

import pytest

from ci_pipeline_needs_graph import jobs_to_run, stages

PIPELINE_JSON = """
{
  "jobs": {
    "lint":   {"paths": ["src/*", "pyproject.toml"]},
    "test":   {"needs": ["lint"], "paths": ["src/*", "tests/*"]},
    "docs":   {"paths": ["docs/*", "*.md"]},
    "build":  {"needs": ["test"], "paths": ["src/*", "pyproject.toml", "Dockerfile"]},
    "deploy": {"needs": ["build", "docs"], "paths": ["deploy/*"]}
  }
}
"""


@pytest.fixture
def pipeline():
    return json.loads(PIPELINE_JSON)


def test_stages_group_jobs_that_can_run_in_parallel(pipeline):
    assert stages(pipeline) == [["docs", "lint"], ["test"], ["build"], ["deploy"]]


def test_stages_of_independent_jobs_is_one_sorted_stage():
    assert stages({"jobs": {"zeta": {}, "alpha": {}, "mu": {}}}) == [["alpha", "mu", "zeta"]]


def test_stages_put_a_job_after_its_slowest_need():
    pipeline = {"jobs": {"a": {}, "b": {"needs": ["a"]}, "c": {"needs": ["a", "b"]}, "d": {"needs": ["a"]}}}
    assert stages(pipeline) == [["a"], ["b", "d"], ["c"]], "c must wait for b, even though a is done"


def test_stages_of_a_single_job():
    assert stages({"jobs": {"test": {}}}) == [["test"]]


@pytest.mark.parametrize(
    ("jobs", "stuck"),
    [
        ({"a": {"needs": ["a"]}}, "a"),
        ({"a": {"needs": ["b"]}, "b": {"needs": ["a"]}}, "a, b"),
        ({"lint": {}, "x": {"needs": ["lint", "z"]}, "y": {"needs": ["x"]}, "z": {"needs": ["y"]}}, "x, y, z"),
        ({"a": {"needs": ["b"]}, "b": {"needs": ["a"]}, "deploy": {"needs": ["a"]}}, "a, b, deploy"),
    ],
    ids=["needs-itself", "two-jobs", "three-jobs-after-a-good-one", "job-stuck-behind-a-cycle"],
)
def test_stages_report_a_dependency_cycle(jobs, stuck):
    with pytest.raises(ValueError, match=f"dependency cycle: these jobs can never start: {stuck}$"):
        stages({"jobs": jobs})


def test_stages_reject_a_need_that_does_not_exist():
    with pytest.raises(ValueError, match="job 'test' needs unknown job 'lnt'"):
        stages({"jobs": {"lint": {}, "test": {"needs": ["lnt"]}}})


@pytest.mark.parametrize("pipeline", [{}, {"jobs": {}}, {"jobs": ["lint", "test"]}], ids=["no-jobs-key", "empty", "list-not-mapping"])
def test_stages_reject_a_pipeline_without_jobs(pipeline):
    with pytest.raises(ValueError, match="non-empty 'jobs' mapping"):
        stages(pipeline)


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (["docs/index.md"], ["docs", "deploy"]),
        (["README.md"], ["docs", "deploy"]),
        (["tests/test_api.py"], ["test", "build", "deploy"]),
        (["src/app/models.py"], ["lint", "test", "build", "deploy"]),
        (["pyproject.toml", "docs/api.md"], ["docs", "lint", "test", "build", "deploy"]),
        (["Dockerfile"], ["build", "deploy"]),
        (["deploy/k8s.yaml"], ["deploy"]),
        (["LICENSE"], []),
    ],
    ids=["docs-page", "markdown-at-the-root", "a-test-file", "deep-source-file", "config-and-docs", "dockerfile", "deploy-config", "unwatched-file"],
)
def test_jobs_to_run_follow_the_changed_paths_and_their_dependents(pipeline, changed, expected):
    assert jobs_to_run(pipeline, changed) == expected


def test_a_job_without_paths_runs_on_every_change(pipeline):
    pipeline["jobs"]["security-scan"] = {}
    assert jobs_to_run(pipeline, [".github/CODEOWNERS"]) == ["security-scan"]


def test_path_patterns_are_case_sensitive(pipeline):
    assert jobs_to_run(pipeline, ["Docs/index.md"]) == ["docs", "deploy"], "'Docs/index.md' matches '*.md' only"
    assert jobs_to_run(pipeline, ["SRC/app.py"]) == [], "'SRC/app.py' is not under 'src/'"


def test_no_changed_paths_runs_nothing(pipeline):
    assert jobs_to_run(pipeline, []) == []


def test_jobs_to_run_checks_the_pipeline_first():
    with pytest.raises(ValueError, match="dependency cycle"):
        jobs_to_run({"jobs": {"a": {"needs": ["b"]}, "b": {"needs": ["a"]}}}, ["src/app.py"])


def test_a_job_with_an_empty_paths_list_runs_only_when_a_need_runs(pipeline):
    pipeline["jobs"]["release-notes"] = {"needs": ["docs"], "paths": []}
    assert jobs_to_run(pipeline, ["LICENSE"]) == [], (
        "'paths': [] watches no file; it is not the same as having no 'paths' key (beware `job.get('paths') or ...`)"
    )
    assert jobs_to_run(pipeline, ["docs/index.md"]) == ["docs", "release-notes", "deploy"]


def test_needs_given_as_one_string_is_one_job():
    pipeline = {
        "jobs": {
            "lint": {"paths": ["src/*"]},
            "test": {"needs": "lint", "paths": ["tests/*"]},
            "build": {"needs": "test", "paths": []},
        }
    }
    assert stages(pipeline) == [["lint"], ["test"], ["build"]], (
        "needs: 'lint' (a string, as GitHub allows) is the job lint, not the jobs 'l', 'i', 'n', 't'"
    )
    assert jobs_to_run(pipeline, ["src/app.py"]) == ["lint", "test", "build"]
    assert jobs_to_run(pipeline, ["tests/test_api.py"]) == ["test", "build"]


def test_planning_does_not_change_the_pipeline(pipeline):
    pipeline["jobs"]["security-scan"] = {}
    before = copy.deepcopy(pipeline)
    stages(pipeline)
    jobs_to_run(pipeline, ["src/app.py"])
    assert pipeline == before, "the caller's pipeline must come back as it was (no setdefault, no popping needs)"
