import pytest

from bluegreen_health_gated_cutover import cutover, wait_healthy


class FakeClock:
    """clock() returns the fake time; sleep(s) moves it forward instantly."""

    def __init__(self):
        self.now = 1000.0  # not 0: a solution must measure from its own start
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


class FakeLB:
    def __init__(self, clock, live="blue"):
        self.clock = clock
        self.live = live
        self.switches = []  # (seconds since the start, colour)

    def switch(self, color):
        self.switches.append((self.clock() - 1000.0, color))
        self.live = color


class ScriptedProbe:
    """Answers for one colour from a script (True, False, or an exception to raise), then `then`."""

    def __init__(self, clock, color, script, then=True):
        self.clock, self.color, self.script, self.then = clock, color, list(script), then
        self.calls = []

    def __call__(self, color):
        self.calls.append((self.clock() - 1000.0, color))
        if color != self.color:
            return True  # the live colour is always fine: probing it proves nothing
        answer = self.script.pop(0) if self.script else self.then
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture
def clock():
    return FakeClock()


def no_errors(color):
    return 0.0


def test_wait_healthy_needs_three_healthy_probes_in_a_row(clock):
    probe = ScriptedProbe(clock, "green", [True, True, True])
    assert wait_healthy(probe, "green", clock=clock, sleep=clock.sleep) is True
    assert [t for t, _ in probe.calls] == [0.0, 5.0, 10.0], "probe, sleep(5), probe, sleep(5), probe: then healthy"


def test_wait_healthy_a_failure_resets_the_streak(clock):
    probe = ScriptedProbe(clock, "green", [True, True, False, True, False, True, True, True])
    assert wait_healthy(probe, "green", clock=clock, sleep=clock.sleep) is True
    assert len(probe.calls) == 8, (
        f"healthy after the 3 in a row at probes 6..8, not before: stopped after {len(probe.calls)} probes "
        "(count CONSECUTIVE healthy probes; a failure sets the count back to 0)"
    )


@pytest.mark.parametrize(
    "failure",
    [ConnectionRefusedError("connection refused"), TimeoutError("probe timed out"), "ok", 1, None],
    ids=["connection-refused", "timeout", "a-string", "one", "none"],
)
def test_wait_healthy_only_true_is_healthy_and_an_exception_is_a_failure(clock, failure):
    probe = ScriptedProbe(clock, "green", [True, True, failure, True, True, True])
    assert wait_healthy(probe, "green", clock=clock, sleep=clock.sleep) is True
    assert len(probe.calls) == 6, (
        f"a probe answering {failure!r} is unhealthy (only True is healthy, and an exception must not "
        "escape): it resets the streak"
    )


def test_wait_healthy_gives_up_at_the_deadline(clock):
    probe = ScriptedProbe(clock, "green", [], then=False)
    assert wait_healthy(probe, "green", clock=clock, sleep=clock.sleep) is False
    assert [t for t, _ in probe.calls] == [0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 45.0, 50.0, 55.0, 60.0], (
        "probes at t = 0, 5, ..., 60; after the probe at 60 s the deadline has passed: give up"
    )
    assert clock.sleeps == [5.0] * 12, "sleep(interval) between probes, and not after the last one"


@pytest.mark.parametrize(
    ("failures", "expected"),
    [(10, True), (11, False)],
    ids=["streak-ends-exactly-at-the-deadline", "one-probe-too-late"],
)
def test_wait_healthy_a_streak_ending_at_the_deadline_counts(clock, failures, expected):
    probe = ScriptedProbe(clock, "green", [False] * failures, then=True)
    assert wait_healthy(probe, "green", clock=clock, sleep=clock.sleep) is expected, (
        "the probe taken at exactly `deadline` seconds still counts; none is taken after it"
    )


def test_wait_healthy_uses_the_given_settings(clock):
    probe = ScriptedProbe(clock, "blue", [False, True], then=True)
    assert wait_healthy(probe, "blue", clock=clock, sleep=clock.sleep, required=2, interval=2.5, deadline=5.0) is True
    assert [t for t, _ in probe.calls] == [0.0, 2.5, 5.0]
    probe = ScriptedProbe(clock, "blue", [False, False, True], then=True)
    assert wait_healthy(probe, "blue", clock=clock, sleep=clock.sleep, required=2, interval=2.5, deadline=5.0) is False


def test_wait_healthy_one_probe_is_enough_when_required_is_one(clock):
    probe = ScriptedProbe(clock, "green", [True])
    assert wait_healthy(probe, "green", clock=clock, sleep=clock.sleep, required=1) is True
    assert clock.sleeps == []


def test_cutover_switches_only_after_the_new_colour_is_healthy(clock):
    lb = FakeLB(clock)
    probe = ScriptedProbe(clock, "green", [False, False, True, True, True])
    result = cutover(lb, probe, no_errors, clock=clock, sleep=clock.sleep)
    assert all(color == "green" for _, color in probe.calls), "probe the colour you are switching TO, not the live one"
    assert result == "switched", "green answers False, False, then True for ever: wait for 3 in a row, then switch"
    assert lb.live == "green"
    assert lb.switches == [(20.0, "green")], (
        "switch once, right after the third healthy probe in a row (t=20), never before the new colour is healthy"
    )


def test_cutover_from_green_goes_to_blue(clock):
    lb = FakeLB(clock, live="green")
    assert cutover(lb, ScriptedProbe(clock, "blue", []), no_errors, clock=clock, sleep=clock.sleep) == "switched"
    assert lb.switches == [(10.0, "blue")]


def test_cutover_aborts_when_the_new_colour_never_gets_healthy(clock):
    lb = FakeLB(clock)
    probe = ScriptedProbe(clock, "green", [], then=False)
    assert cutover(lb, probe, no_errors, clock=clock, sleep=clock.sleep) == "aborted"
    assert lb.switches == [] and lb.live == "blue", "an unhealthy release must never receive traffic"


def test_cutover_bakes_and_checks_until_the_bake_time_is_over(clock):
    lb = FakeLB(clock)
    probe = ScriptedProbe(clock, "green", [])
    checked = []

    def error_rate(color):
        checked.append((clock() - 1000.0, color))
        return 0.01  # exactly the limit: still fine

    assert cutover(lb, probe, error_rate, clock=clock, sleep=clock.sleep) == "switched", (
        "an error rate of exactly max_error_rate (0.01) is still fine: roll back only when it is above"
    )
    assert checked == [(t, "green") for t in (15.0, 20.0, 25.0, 30.0, 35.0, 40.0)], (
        "after the switch at t=10, check every 5 s until 30 s have passed: at t=15, 20, ..., 40 (6 checks)"
    )
    assert clock.now - 1000.0 == 40.0, "return as soon as the bake time is over"


@pytest.mark.parametrize("at", [15.0, 40.0], ids=["first-check", "last-check"])
def test_cutover_rolls_back_when_errors_rise_during_the_bake(clock, at):
    lb = FakeLB(clock)

    def error_rate(color):
        return 0.05 if clock() - 1000.0 == at else 0.0

    assert cutover(lb, ScriptedProbe(clock, "green", []), error_rate, clock=clock, sleep=clock.sleep) == "rolled back"
    assert lb.switches == [(10.0, "green"), (at, "blue")], "roll back to the old colour as soon as errors pass the limit"
    assert lb.live == "blue"


def test_cutover_a_spike_after_the_bake_is_not_checked(clock):
    lb = FakeLB(clock)

    def error_rate(color):
        return 0.5 if clock() - 1000.0 > 40.0 else 0.0

    assert cutover(lb, ScriptedProbe(clock, "green", []), error_rate, clock=clock, sleep=clock.sleep) == "switched"
    assert lb.switches == [(10.0, "green")]


def test_cutover_rolls_back_when_a_probe_fails_during_the_bake(clock):
    lb = FakeLB(clock)
    probe = ScriptedProbe(clock, "green", [True, True, True, True, ConnectionResetError("reset")])
    assert cutover(lb, probe, no_errors, clock=clock, sleep=clock.sleep) == "rolled back", (
        "during the bake, probe the new colour at every check too: a failed probe is a rollback"
    )
    assert lb.switches == [(10.0, "green"), (20.0, "blue")], "a failed health check after the switch is a rollback too"


def test_cutover_passes_its_settings_on(clock):
    lb = FakeLB(clock, live="green")
    probe = ScriptedProbe(clock, "blue", [False], then=True)
    rates = []

    def error_rate(color):
        rates.append(clock() - 1000.0)
        return 0.2

    result = cutover(lb, probe, error_rate, clock=clock, sleep=clock.sleep, required=2, interval=1.0,
                     deadline=2.0, bake=3.0, max_error_rate=0.25)
    assert result == "switched"
    assert lb.switches == [(2.0, "blue")], "required=2 and interval=1: healthy at t=1 and t=2"
    assert rates == [3.0, 4.0, 5.0], "bake=3 with interval=1: checks at 1, 2 and 3 s after the switch"
    lb, clock2 = FakeLB(clock), clock
    probe = ScriptedProbe(clock2, "green", [False, False], then=True)
    assert cutover(lb, probe, no_errors, clock=clock2, sleep=clock2.sleep, required=2, interval=1.0, deadline=2.0) == "aborted"


def test_cutover_rolls_back_to_green_when_green_was_live(clock):
    lb = FakeLB(clock, live="green")
    probe = ScriptedProbe(clock, "blue", [True, True, True, False])
    assert cutover(lb, probe, no_errors, clock=clock, sleep=clock.sleep) == "rolled back"
    assert lb.switches == [(10.0, "blue"), (15.0, "green")], "roll back to the colour that was live before"


@pytest.mark.parametrize(("failures", "expected"), [(10, "switched"), (11, "aborted")],
                         ids=["healthy-at-60s", "healthy-only-at-65s"])
def test_cutover_waits_60_seconds_by_default(clock, failures, expected):
    lb = FakeLB(clock)
    probe = ScriptedProbe(clock, "green", [False] * failures, then=True)
    assert cutover(lb, probe, no_errors, clock=clock, sleep=clock.sleep) == expected, (
        "cutover's deadline defaults to 60 s: a streak completed by the probe at t=60 counts, one at t=65 is too late"
    )
