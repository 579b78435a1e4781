"""Smart-meter readings as a time series: time zones, daily totals, a rolling mean, a window.

A meter in Berlin sends one reading per hour: `df` has columns timestamp (ISO 8601 text that
always carries its UTC offset, "2024-03-30T23:00:00Z" or "2024-03-31T01:00:00+01:00", not in
order) and kwh (the energy of that hour). The household thinks in LOCAL days: on 31 March 2024
clocks jump from 02:00 to 03:00, so that day has 23 hours; on 27 October it has 25.

1. `load_readings(df, tz)`: a Series named "kwh" indexed by the timestamps as timezone-aware
   times in `tz` (e.g. "Europe/Berlin"), index named "timestamp", sorted by time. Parse with
   UTC first (the offsets differ from row to row), then convert to `tz`.

2. `daily_usage(readings)`: total kWh per LOCAL calendar day (resample by day on the local
   index), one entry for every day from the first to the last reading, NaN for a day with no
   reading at all (the meter was offline: that is missing data, not zero use).
       31 March 2024 with every hour present -> 23 readings summed

3. `trailing_mean(daily, days)`: the mean of each day and the days - 1 before it, NaN unless all
   `days` of them are present (a missing day never counts as 0). days < 1 -> ValueError.
       daily [24, 24, 23, NaN, 24], days=2 -> [NaN, 24.0, 23.5, NaN, NaN]

4. `usage_between(readings, start, end)`: total kWh of the readings with start <= time < end,
   as a float. A NAIVE datetime (no tzinfo) is wall-clock time in the readings' time zone; an
   AWARE one is converted to it. end not after start -> ValueError.
       usage_between(r, datetime(2024, 3, 31, 0), datetime(2024, 3, 31, 6))  # 00:00-06:00 Berlin
       -> 5.0 with 1 kWh an hour (02:00 never happened that night)

Example: readings of 1 kWh every hour from 29 March to 2 April 2024 (Berlin), 1 April missing:
    daily_usage(load_readings(df, "Europe/Berlin")) -> 24.0, 24.0, 23.0, NaN, 24.0
"""

from datetime import datetime

import pandas as pd


def load_readings(df: pd.DataFrame, tz: str) -> pd.Series:
    # TODO: pd.to_datetime(..., utc=True), convert to tz, index a Series with it, sort.
    raise NotImplementedError


def daily_usage(readings: pd.Series) -> pd.Series:
    # TODO: resample by local day; a day with no reading is NaN, not 0.
    raise NotImplementedError


def trailing_mean(daily: pd.Series, days: int) -> pd.Series:
    # TODO: a rolling mean that needs all `days` values.
    raise NotImplementedError


def usage_between(readings: pd.Series, start: datetime, end: datetime) -> float:
    # TODO: naive -> localize to the index's zone, aware -> convert; half-open window.
    raise NotImplementedError
