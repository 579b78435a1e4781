"""Plan a CI pipeline the way GitHub Actions or GitLab CI do with `needs`.

A pipeline is a dict, usually loaded from YAML or JSON:

    {"jobs": {
        "lint":   {"paths": ["src/*", "pyproject.toml"]},
        "test":   {"needs": ["lint"], "paths": ["src/*", "tests/*"]},
        "docs":   {"paths": ["docs/*"]},
        "build":  {"needs": ["test"], "paths": ["src/*", "Dockerfile"]},
        "deploy": {"needs": ["build", "docs"], "paths": ["deploy/*"]}}}

A job's "needs" is a list of job names, or a single name as a plain string
(GitHub accepts `needs: lint`): "lint" is one job, not the jobs l, i, n, t.
Neither function changes the pipeline it is given.

1. stages(pipeline) -> list of stages; a stage is the sorted list of jobs
   whose needs all ran in EARLIER stages, so the jobs of one stage can run in
   parallel. For the pipeline above:
       [["docs", "lint"], ["test"], ["build"], ["deploy"]]
   Errors (ValueError):
   - no "jobs" or an empty one: "the pipeline must have a non-empty 'jobs' mapping"
   - "job 'test' needs unknown job 'lnt'"
   - a cycle: "dependency cycle: these jobs can never start: a, b" (the
     sorted names of every job left over when no stage can be formed)

2. jobs_to_run(pipeline, changed_paths) -> the jobs a push runs, in stage
   order (stage by stage, sorted inside a stage). A job is triggered when it
   has no "paths" key (an empty list is not the same: "paths": [] watches
   no file, so such a job runs only when a job it needs runs), or when a changed file matches one of its patterns
   with fnmatch.fnmatchcase (case-sensitive; "*" also matches "/", so
   "src/*" covers the whole src tree). A job also runs when a job it needs
   runs: its input changed. No changed paths: no jobs.
       jobs_to_run(pipeline, ["docs/index.md"]) -> ["docs", "deploy"]
       jobs_to_run(pipeline, ["tests/test_api.py"]) -> ["test", "build", "deploy"]
   The pipeline is checked like in stages(), so errors are the same.
"""
from fnmatch import fnmatchcase
from typing import Any


def stages(pipeline: dict[str, Any]) -> list[list[str]]:
    # TODO: validate, then repeatedly take every job whose needs are done.
    raise NotImplementedError


def jobs_to_run(pipeline: dict[str, Any], changed_paths: list[str]) -> list[str]:
    # TODO: walk the jobs in stage order; a job runs if its paths match or
    # if one of its needs runs.
    raise NotImplementedError
