"""Smart-meter readings as a time series: time zones, resample, rolling (reference solution)."""

from datetime import datetime

import pandas as pd


def load_readings(df: pd.DataFrame, tz: str) -> pd.Series:
    index = pd.to_datetime(df["timestamp"], utc=True).dt.tz_convert(tz)
    readings = pd.Series(df["kwh"].to_numpy(), index=pd.DatetimeIndex(index, name="timestamp"))
    return readings.rename("kwh").sort_index()


def daily_usage(readings: pd.Series) -> pd.Series:
    return readings.resample("D").sum(min_count=1)


def trailing_mean(daily: pd.Series, days: int) -> pd.Series:
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    return daily.rolling(days, min_periods=days).mean()


def _local(moment: datetime, tz) -> pd.Timestamp:
    stamp = pd.Timestamp(moment)
    return stamp.tz_localize(tz) if stamp.tzinfo is None else stamp.tz_convert(tz)


def usage_between(readings: pd.Series, start: datetime, end: datetime) -> float:
    tz = readings.index.tz
    start, end = _local(start, tz), _local(end, tz)
    if end <= start:
        raise ValueError(f"end {end} must be after start {start}")
    inside = (readings.index >= start) & (readings.index < end)
    return float(readings[inside].sum())
