from datetime import datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest

from meter_readings_dst_resample import daily_usage, load_readings, trailing_mean, usage_between

BERLIN = "Europe/Berlin"
NAN = np.nan


def meter_frame(first_utc, last_utc, skip=None, kwh=1.0):
    """Hourly readings from first_utc to last_utc (UTC, inclusive), newest first, offsets mixed."""
    hours = pd.date_range(first_utc, last_utc, freq="h", tz="UTC")
    if skip is not None:
        hours = hours[~hours.tz_convert(BERLIN).normalize().isin([pd.Timestamp(skip, tz=BERLIN)])]
    texts = [
        moment.tz_convert(BERLIN).isoformat() if n % 3 == 0 else moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        for n, moment in enumerate(hours)
    ]
    return pd.DataFrame({"timestamp": texts[::-1], "kwh": [kwh] * len(texts)})


@pytest.fixture
def spring_df():
    # Berlin 29 March 00:00 to 2 April 23:00; 31 March has 23 hours; 1 April is missing.
    return meter_frame("2024-03-28 23:00", "2024-04-02 21:00", skip="2024-04-01")


@pytest.fixture
def spring(spring_df):
    return load_readings(spring_df, BERLIN)


def test_load_readings_indexes_the_kwh_by_local_aware_time_in_order(spring):
    assert spring.name == "kwh"
    assert spring.index.name == "timestamp"
    assert str(spring.index.tz) == BERLIN, "convert the UTC times to the meter's zone (tz_convert)"
    assert spring.index[0] == pd.Timestamp("2024-03-29 00:00", tz=BERLIN), (
        "2024-03-28T23:00:00Z is midnight in Berlin (UTC+1): convert, don't relabel (tz_localize)"
    )
    assert spring.index.is_monotonic_increasing, "sort by time"


def test_load_readings_reads_every_offset_as_the_same_instant(spring_df):
    readings = load_readings(spring_df, BERLIN)

    assert len(readings) == len(spring_df)
    assert readings.index.is_unique, (
        "'...T01:00:00+01:00' and '...T00:00:00Z' are the same instant: parse with utc=True"
    )


def test_daily_usage_sums_local_days_with_their_real_length(spring):
    daily = daily_usage(spring)

    assert [str(day.date()) for day in daily.index] == [
        "2024-03-29", "2024-03-30", "2024-03-31", "2024-04-01", "2024-04-02"
    ]
    assert list(daily.iloc[:3]) == [24.0, 24.0, 23.0], (
        "resample the LOCAL index: 31 March has only 23 hours in Berlin; UTC days would mix "
        "an hour of the next local day into each total"
    )
    assert str(daily.index.tz) == BERLIN


def test_a_day_without_any_reading_is_missing_not_zero(spring):
    daily = daily_usage(spring)

    assert pd.isna(daily.iloc[3]), (
        "the meter was offline on 1 April: resample(...).sum(min_count=1) gives NaN; a plain "
        "sum says the household used 0 kWh"
    )
    assert daily.iloc[-1] == 24.0


def test_a_single_reading_is_its_days_total():
    df = pd.DataFrame(
        {"timestamp": ["2024-05-03T08:00:00+02:00", "2024-05-01T10:00:00Z"], "kwh": [2.5, 0.4]}
    )

    daily = daily_usage(load_readings(df, BERLIN))

    assert list(daily) == pytest.approx([0.4, NAN, 2.5], nan_ok=True), (
        "one reading makes a day's total; the day between them has none and is NaN"
    )


def test_the_autumn_day_has_twenty_five_hours():
    autumn = load_readings(meter_frame("2024-10-26 22:00", "2024-10-27 22:00"), BERLIN)

    assert list(daily_usage(autumn)) == [25.0], "on 27 October 2024 02:00-03:00 happens twice"


@pytest.mark.parametrize(
    "days, expected",
    [
        (1, [24.0, 24.0, 23.0, NAN, 24.0]),
        (2, [NAN, 24.0, 23.5, NAN, NAN]),
        (3, [NAN, NAN, 71 / 3, NAN, NAN]),
    ],
    ids=["one-day-is-the-day-itself", "two-days", "three-days"],
)
def test_trailing_mean_needs_every_day_of_its_window(spring, days, expected):
    means = trailing_mean(daily_usage(spring), days)

    assert list(means) == pytest.approx(expected, nan_ok=True), (
        "a trailing (not centred) window over the day and the days before it, NaN unless every "
        "day is present: rolling(days, min_periods=days); never fill the gap with 0"
    )


def test_trailing_mean_keeps_the_days(spring):
    daily = daily_usage(spring)

    assert trailing_mean(daily, 2).index.equals(daily.index)


@pytest.mark.parametrize("days", [0, -2], ids=["zero", "negative"])
def test_trailing_mean_refuses_less_than_one_day(spring, days):
    with pytest.raises(ValueError, match="at least 1"):
        trailing_mean(daily_usage(spring), days)


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (datetime(2024, 3, 31, 0), datetime(2024, 3, 31, 6), 5.0),
        (datetime(2024, 3, 30, 0), datetime(2024, 3, 30, 6), 6.0),
        (datetime(2024, 3, 29, 0), datetime(2024, 3, 29, 1), 1.0),
        (datetime(2024, 3, 31, 0), datetime(2024, 4, 1, 0), 23.0),
    ],
    ids=["dst-night-has-five-hours", "ordinary-night", "one-hour-half-open", "whole-local-day"],
)
def test_usage_between_reads_naive_times_as_local_wall_clock(spring, start, end, expected):
    assert usage_between(spring, start, end) == expected, (
        "a naive datetime is Berlin wall-clock time: tz_localize it to the index's zone (reading "
        "it as UTC shifts the window); the window includes start and excludes end"
    )


def test_usage_between_converts_aware_times(spring):
    start = datetime(2024, 3, 30, 23, tzinfo=timezone.utc)  # midnight in Berlin
    end = start + timedelta(hours=6)  # 07:00 summer time in Berlin

    assert usage_between(spring, start, end) == 6.0
    assert usage_between(spring, pd.Timestamp("2024-03-31 00:00", tz=BERLIN), end) == 6.0


def test_usage_between_mixes_a_naive_start_with_an_aware_end(spring):
    start = datetime(2024, 3, 31, 3)  # Berlin summer time: 01:00 UTC
    end = datetime(2024, 3, 31, 3, tzinfo=timezone.utc)  # 05:00 in Berlin

    assert usage_between(spring, start, end) == 2.0, (
        "03:00 Berlin to 03:00 UTC is the two hours 03:00 and 04:00 Berlin time: localize the "
        "naive start to Berlin, do not read it as UTC"
    )


def test_usage_between_returns_a_float(spring):
    total = usage_between(spring, datetime(2024, 4, 1, 0), datetime(2024, 4, 1, 12))

    assert type(total) is float and total == 0.0


@pytest.mark.parametrize(
    "start, end",
    [
        (datetime(2024, 3, 31, 6), datetime(2024, 3, 31, 0)),
        (datetime(2024, 3, 31, 6), datetime(2024, 3, 31, 6)),
        (datetime(2024, 3, 31, 5), datetime(2024, 3, 31, 2, 30, tzinfo=timezone.utc)),
    ],
    ids=["reversed", "empty", "aware-end-before-naive-start"],
)
def test_usage_between_refuses_an_end_not_after_start(spring, start, end):
    with pytest.raises(ValueError, match="must be after"):
        usage_between(spring, start, end)


def test_the_callers_dataframe_is_left_unchanged(spring_df):
    before = spring_df.copy()

    load_readings(spring_df, BERLIN)

    pd.testing.assert_frame_equal(spring_df, before, obj="the DataFrame passed in")
