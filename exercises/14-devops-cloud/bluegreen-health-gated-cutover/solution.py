"""A blue/green cutover that switches only to a healthy colour and rolls back on errors."""
from collections.abc import Callable


def _healthy(probe: Callable[[str], bool], color: str) -> bool:
    try:
        return probe(color) is True
    except Exception:
        return False


def wait_healthy(
    probe: Callable[[str], bool],
    color: str,
    *,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
    required: int = 3,
    interval: float = 5.0,
    deadline: float = 60.0,
) -> bool:
    start = clock()
    streak = 0
    while True:
        streak = streak + 1 if _healthy(probe, color) else 0
        if streak >= required:
            return True
        if clock() - start >= deadline:
            return False
        sleep(interval)


def cutover(
    lb,
    probe: Callable[[str], bool],
    error_rate: Callable[[str], float],
    *,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
    required: int = 3,
    interval: float = 5.0,
    deadline: float = 60.0,
    bake: float = 30.0,
    max_error_rate: float = 0.01,
) -> str:
    previous = lb.live
    target = "green" if previous == "blue" else "blue"
    ready = wait_healthy(
        probe, target, clock=clock, sleep=sleep, required=required, interval=interval, deadline=deadline
    )
    if not ready:
        return "aborted"
    lb.switch(target)
    start = clock()
    while clock() - start < bake:
        sleep(interval)
        if not _healthy(probe, target) or error_rate(target) > max_error_rate:
            lb.switch(previous)
            return "rolled back"
    return "switched"
