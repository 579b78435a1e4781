"""Run a job at a fixed rate with sched and an injected clock."""
import sched


def run_every(job, *, interval: float, runs: int, clock) -> list[float]:
    if interval <= 0:
        raise ValueError(f"interval must be positive, got {interval}")
    if runs < 0:
        raise ValueError(f"runs must not be negative, got {runs}")
    scheduler = sched.scheduler(clock.time, clock.sleep)
    started: list[float] = []

    def run() -> None:
        started.append(clock.time())
        job()

    start = clock.time()
    for k in range(runs):
        scheduler.enterabs(start + k * interval, 1, run)
    scheduler.run()
    return started
