"""Run a job at a fixed rate with sched and an injected clock.

run_every(job, interval=, runs=, clock=) -> list[float]: run job() `runs`
times, run k due at start + k * interval (start = clock.time() when
run_every is called), and return the clock.time() at which each run started.
A job that overruns makes the next run start late (as soon as it ends), never
skipped and never twice at once; a quick job does not make the rate drift
(sleeping `interval` after each job would). Use
sched.scheduler(clock.time, clock.sleep) and scheduler.enterabs(...);
never time.sleep(). interval <= 0: ValueError("interval must be positive,
got ..."); runs < 0: ValueError("runs must not be negative, got ...").
"""
import sched


def run_every(job, *, interval: float, runs: int, clock) -> list[float]:
    # TODO
    raise NotImplementedError
