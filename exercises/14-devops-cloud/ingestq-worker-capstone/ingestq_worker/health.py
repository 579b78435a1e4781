"""Liveness and readiness that tell the truth.

An orchestrator (Kubernetes, ECS, a load balancer) asks two questions:
  live:  is the process making progress, or stuck and worth a restart?
  ready: should it get work now?
A check that always answers yes is worse than none.

Health(checks, clock, max_silence=60.0): checks maps a name ("s3", "sqs")
to a function that raises when that dependency is unusable; clock() gives
the time in seconds.
  beat()            the worker loop calls it on every turn: remember clock()
  start_draining()  shutdown has begun
  live() -> bool    True when beat() was called at most max_silence seconds
                    ago (exactly max_silence is still live); False before
                    the first beat
  ready() -> dict   runs EVERY check on EVERY call (no cached answer) and
                    returns
        {"ready": bool, "live": live(), "draining": bool,
         "checks": {name: "ok" or "failing: <exception class name>"}}
    ready is True only when live, not draining and every check passed. A
    check's exception never escapes, and its message is not shown (it may
    hold a URL with a password): only the class name, e.g.
    "failing: EndpointConnectionError".
"""
from collections.abc import Callable, Mapping


class Health:
    def __init__(
        self,
        checks: Mapping[str, Callable[[], object]],
        clock: Callable[[], float],
        max_silence: float = 60.0,
    ) -> None:
        # TODO
        raise NotImplementedError

    def beat(self) -> None:
        raise NotImplementedError

    def start_draining(self) -> None:
        raise NotImplementedError

    def live(self) -> bool:
        raise NotImplementedError

    def ready(self) -> dict:
        raise NotImplementedError
