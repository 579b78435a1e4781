import pytest

from slo_burn_rate_alerts import alert, burn_rate, increase

MINUTES = 3 * 24 * 60 + 60  # a little over three days of history, one sample a minute
NOW = MINUTES * 60.0


def series(per_minute, minutes=MINUTES):
    """Cumulative counter samples (t, value) at t = 0, 60, 120, ...; per_minute(m) is the growth in minute m."""
    value, samples = 0, [(0.0, 0)]
    for minute in range(minutes):
        value += per_minute(minute)
        samples.append((60.0 * (minute + 1), value))
    return samples


def last(n, count, otherwise=0):
    """Growth `count(m)` during the last n minutes before NOW, `otherwise` before that."""
    return lambda minute: count(minute) if minute >= MINUTES - n else otherwise


REQUESTS = series(lambda minute: 1000)


def test_increase_of_the_documented_example():
    assert increase([(0, 10), (60, 25), (120, 5), (180, 9)], 0, 180) == 24, (
        "15, then a reset to 5 (a restart: the growth is 5, not -20), then 4"
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 180, 60), (60, 120, 20), (61, 180, 30), (0, 59, 0), (60, 60, 0), (200, 300, 0)],
    ids=["whole", "both-ends-inclusive", "start-inside", "one-sample", "a-single-instant", "empty-window"],
)
def test_increase_uses_the_samples_inside_the_window(start, end, expected):
    assert increase([(0, 0), (60, 10), (120, 30), (180, 60)], start, end) == expected, (
        "use the samples with start <= t <= end; fewer than two of them grow by 0"
    )


@pytest.mark.parametrize(
    ("samples", "expected"),
    [([(0, 100), (60, 0), (120, 7)], 7), ([(0, 100), (60, 3)], 3), ([(0, 5), (60, 5), (120, 5)], 0),
     ([(0, 5), (60, 5), (120, 2)], 2), ([], 0)],
    ids=["reset-to-zero", "reset-to-three", "flat-is-not-a-reset", "flat-then-reset", "no-samples"],
)
def test_increase_survives_counter_resets(samples, expected):
    assert increase(samples, 0, 1000) == expected, (
        "a lower value means a restart: that step grows by the new value; an equal value grew by 0"
    )


def test_burn_rate_divides_the_error_ratio_by_the_budget():
    errors = series(lambda minute: 2)
    assert burn_rate(REQUESTS, errors, NOW, 300, 0.001) == 2.0, "10 errors in 5000 requests is 0.2%: twice the 0.1% budget"
    assert burn_rate(REQUESTS, errors, NOW, 300, 0.004) == 0.5


def test_burn_rate_counts_only_the_window_ending_at_now():
    errors = series(last(5, lambda minute: 10))
    assert burn_rate(REQUESTS, errors, NOW, 300, 0.001) == 10.0
    assert burn_rate(REQUESTS, errors, NOW - 300, 300, 0.001) == 0.0, "the window is [now - window, now]"
    assert burn_rate(REQUESTS, errors, NOW, 3600, 0.001) == pytest.approx(50 / 60)


def test_burn_rate_sees_through_a_restart():
    requests = [(0, 0), (60, 1000), (120, 2000), (180, 500), (240, 1500)]  # restarted between 120 and 180
    errors = [(0, 0), (60, 1), (120, 2), (180, 1), (240, 3)]
    assert burn_rate(requests, errors, 240, 240, 0.001) == pytest.approx(5 / 3.5), (
        "3500 requests and 5 errors: a restart is not a negative number of requests"
    )


def test_burn_rate_without_traffic_is_none():
    quiet = series(lambda minute: 0)
    assert burn_rate(quiet, quiet, NOW, 300, 0.001) is None, "no requests is not 'no errors': None"
    assert burn_rate([], [], NOW, 300, 0.001) is None


@pytest.mark.parametrize("budget", [0, 1, -0.001, 1.5], ids=["zero", "one", "negative", "above-one"])
def test_burn_rate_rejects_a_budget_outside_0_to_1(budget):
    with pytest.raises(ValueError, match="budget must be between 0 and 1"):
        burn_rate(REQUESTS, REQUESTS, NOW, 300, budget)


def test_alert_pages_on_a_fast_burn():
    errors = series(last(60, lambda minute: 15))  # 1.5% errors for the last hour: burn rate 15
    assert alert(REQUESTS, errors, NOW) == "page"


def five_minute_pattern(extra=0):
    """14, 15, 14, 15, 14 errors a minute: exactly 72 per 5 minutes and 864 per hour, a burn rate of 14.4."""
    def count(minute):
        bonus = extra if minute == MINUTES - 1 else 0
        return (14, 15, 14, 15, 14)[minute % 5] + bonus
    return count


def test_alert_a_burn_rate_equal_to_the_threshold_does_not_page():
    errors = series(last(60, five_minute_pattern()))
    assert burn_rate(REQUESTS, errors, NOW, 3600, 0.001) == 14.4 and burn_rate(REQUESTS, errors, NOW, 300, 0.001) == 14.4
    assert alert(REQUESTS, errors, NOW) is None, "the rule fires ABOVE 14.4, not at it"
    errors = series(last(60, five_minute_pattern(extra=1)))
    assert alert(REQUESTS, errors, NOW) == "page", "one more error puts both windows above 14.4"


def test_alert_stops_paging_once_the_short_window_is_clean():
    errors = series(lambda minute: 20 if MINUTES - 60 <= minute < MINUTES - 5 else 0)
    assert burn_rate(REQUESTS, errors, NOW, 3600, 0.001) > 14.4
    assert alert(REQUESTS, errors, NOW) is None, (
        "the last 5 minutes are clean: the fix is in, so stop paging (both windows must burn)"
    )


def test_alert_pages_on_a_six_hour_burn():
    errors = series(last(360, lambda minute: 7))  # burn rate 7 for six hours: above 6, below 14.4
    assert alert(REQUESTS, errors, NOW) == "page"


def test_alert_opens_a_ticket_on_a_slow_three_day_burn():
    errors = series(last(3 * 24 * 60, lambda minute: 1 + minute % 2))  # 1.5 errors a minute: burn rate 1.5
    assert alert(REQUESTS, errors, NOW) == "ticket"


def test_alert_ticket_needs_the_six_hour_window_to_burn_too():
    errors = series(lambda minute: 2 if minute < MINUTES - 360 else 0)
    assert burn_rate(REQUESTS, errors, NOW, 3 * 86400, 0.001) > 1
    assert alert(REQUESTS, errors, NOW) is None, "the last six hours are clean: no ticket"


@pytest.mark.parametrize(
    ("minutes", "per_minute"),
    [(5, 100), (30, 20), (360, 3)],
    ids=["5-minute-burst-but-calm-hour", "30-minute-burst-but-calm-6-hours", "6-hour-burn-but-calm-3-days"],
)
def test_alert_each_rule_needs_its_long_window_too(minutes, per_minute):
    errors = series(last(minutes, lambda minute: per_minute))
    assert alert(REQUESTS, errors, NOW) is None, (
        "a burst in the short window alone is not enough: the long window must burn as well"
    )


def test_alert_is_quiet_when_errors_stay_within_budget():
    errors = series(lambda minute: minute % 2)  # 0.05% errors: burn rate 0.5
    assert alert(REQUESTS, errors, NOW) is None


def test_alert_without_traffic_is_quiet():
    quiet = series(lambda minute: 0)
    assert alert(quiet, quiet, NOW) is None


def test_alert_uses_the_given_budget():
    errors = series(last(60, lambda minute: 15))
    assert alert(REQUESTS, errors, NOW, budget=0.01) is None, "with a 1% budget, 1.5% errors for an hour is a burn rate of 1.5"
    assert alert(REQUESTS, errors, NOW, budget=0.001) == "page"


def test_alert_looks_at_the_windows_ending_at_now():
    errors = series(last(60, lambda minute: 15))
    assert alert(REQUESTS, errors, NOW - 7200) is None, "two hours earlier nothing was burning"


@pytest.mark.parametrize(
    ("long_minutes", "long_spike", "short_minutes", "short_spike", "severity"),
    [(60, 797, 5, 73, "page"), (360, 1980, 30, 181, "page"), (3 * 24 * 60, 3960, 360, 361, "ticket")],
    ids=["1-hour-and-5-minutes", "6-hours-and-30-minutes", "3-days-and-6-hours"],
)
def test_alert_windows_have_exactly_their_length(long_minutes, long_spike, short_minutes, short_spike, severity):
    # One spike in the FIRST minute of each window: a window one minute shorter misses it, and one
    # minute longer dilutes it just below the threshold.
    spikes = {MINUTES - long_minutes: long_spike, MINUTES - short_minutes: short_spike}
    errors = series(lambda minute: spikes.get(minute, 0))
    assert alert(REQUESTS, errors, NOW) == severity, (
        f"the windows are exactly {long_minutes} and {short_minutes} minutes long, both ending at now: use POLICY as given"
    )
