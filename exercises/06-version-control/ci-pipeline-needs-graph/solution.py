"""Plan a CI pipeline: stages from `needs`, and which jobs a change triggers."""
from fnmatch import fnmatchcase
from typing import Any


def _job_needs(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def _needs(pipeline: dict[str, Any]) -> dict[str, list[str]]:
    jobs = pipeline.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        raise ValueError("the pipeline must have a non-empty 'jobs' mapping")
    needs = {name: _job_needs(job) for name, job in jobs.items()}
    for name, deps in needs.items():
        for dep in deps:
            if dep not in needs:
                raise ValueError(f"job {name!r} needs unknown job {dep!r}")
    return needs


def stages(pipeline: dict[str, Any]) -> list[list[str]]:
    needs = _needs(pipeline)
    done: set[str] = set()
    result = []
    while len(done) < len(needs):
        ready = sorted(name for name, deps in needs.items() if name not in done and done.issuperset(deps))
        if not ready:
            stuck = ", ".join(sorted(needs.keys() - done))
            raise ValueError(f"dependency cycle: these jobs can never start: {stuck}")
        result.append(ready)
        done.update(ready)
    return result


def jobs_to_run(pipeline: dict[str, Any], changed_paths: list[str]) -> list[str]:
    order = [name for stage in stages(pipeline) for name in stage]
    if not changed_paths:
        return []
    jobs = pipeline["jobs"]
    selected: set[str] = set()
    for name in order:  # every job comes after the jobs it needs
        job = jobs[name]
        patterns = job.get("paths")
        triggered = patterns is None or any(
            fnmatchcase(path, pattern) for path in changed_paths for pattern in patterns
        )
        if triggered or selected.intersection(_job_needs(job)):
            selected.add(name)
    return [name for name in order if name in selected]
