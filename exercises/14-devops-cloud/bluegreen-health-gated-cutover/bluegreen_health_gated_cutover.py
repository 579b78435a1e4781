"""A blue/green cutover gated on health checks, with automatic rollback.

Blue/green keeps two copies of production; `lb.live` ("blue" or "green") is
the one the load balancer sends users to, and `lb.switch(color)` moves ALL
traffic at once. The other colour has just been deployed. Switching before
it is healthy sends every user to a broken release, so:

1. wait_healthy(probe, color, *, clock, sleep, required=3, interval=5.0,
   deadline=60.0) -> bool. Repeat: call probe(color); it is healthy only
   when it returns True (an exception, e.g. connection refused, or any other
   value is unhealthy, never a crash). After `required` healthy probes IN A
   ROW return True (an unhealthy one resets the streak: a flapping service
   is not healthy). Otherwise, if `deadline` seconds have passed since the
   start (clock() - start >= deadline), return False; else sleep(interval)
   and probe again. With the defaults, probes run at t = 0, 5, ..., 60.
2. cutover(lb, probe, error_rate, *, clock, sleep, required=3, interval=5.0,
   deadline=60.0, bake=30.0, max_error_rate=0.01) -> str.
   The target is the colour that is NOT live. wait_healthy(target) with the
   given settings; if it fails return "aborted" without switching. Else
   lb.switch(target) and "bake": while fewer than `bake` seconds have passed
   since the switch, sleep(interval), then check the target: a failed probe
   (as above) or error_rate(target) > max_error_rate (a fraction: 0.01 is
   1%; exactly 1% is still fine) -> lb.switch(back to the old colour) and
   return "rolled back". Once the bake time is over, return "switched".
   With the defaults the checks run 5, 10, ..., 30 seconds after the switch.

Time comes ONLY from the injected clock() and sleep(seconds): the tests
drive a fake clock, and a real time.sleep would make them wait minutes.

    >>> cutover(lb, probe, error_rate, clock=clock, sleep=clock.sleep)  # lb.live == "blue"
    'switched'                                   # and now lb.live == "green"
"""
from collections.abc import Callable


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
    # TODO: probe until `required` healthy probes in a row, or the deadline.
    raise NotImplementedError


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
    # TODO: wait for the idle colour, switch, bake, roll back on trouble.
    raise NotImplementedError
