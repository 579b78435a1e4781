"""Liveness and readiness that tell the truth."""
from collections.abc import Callable, Mapping


class Health:
    def __init__(
        self,
        checks: Mapping[str, Callable[[], object]],
        clock: Callable[[], float],
        max_silence: float = 60.0,
    ) -> None:
        self.checks = dict(checks)
        self.clock = clock
        self.max_silence = max_silence
        self.last_beat: float | None = None
        self.draining = False

    def beat(self) -> None:
        self.last_beat = self.clock()

    def start_draining(self) -> None:
        self.draining = True

    def live(self) -> bool:
        return self.last_beat is not None and self.clock() - self.last_beat <= self.max_silence

    def ready(self) -> dict:
        results = {}
        for name, check in self.checks.items():
            try:
                check()
            except Exception as error:
                results[name] = f"failing: {type(error).__name__}"
            else:
                results[name] = "ok"
        ok = self.live() and not self.draining and all(r == "ok" for r in results.values())
        return {"ready": ok, "live": self.live(), "draining": self.draining, "checks": results}
