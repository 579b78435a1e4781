"""Sensor readings as a 2-D NumPy array: NaN-aware z-scores, spike flags, forward fill."""

import numpy as np


def standardise_columns(readings: np.ndarray) -> np.ndarray:
    values = np.asarray(readings, dtype=float)
    if values.ndim != 2:
        raise ValueError(f"readings must be 2-D (time x sensor), got {values.ndim}-D")
    too_few = np.flatnonzero(np.count_nonzero(~np.isnan(values), axis=0) < 2)
    if too_few.size:
        raise ValueError(f"sensor {too_few[0]} has fewer than two readings")
    std = np.nanstd(values, axis=0, ddof=1)
    flat = np.flatnonzero(std == 0)
    if flat.size:
        raise ValueError(f"sensor {flat[0]} has no variation")
    return (values - np.nanmean(values, axis=0)) / std


def flag_spikes(readings: np.ndarray, threshold: float = 3.0) -> np.ndarray:
    if threshold <= 0:
        raise ValueError(f"threshold must be positive, got {threshold}")
    z = standardise_columns(readings)
    return np.abs(np.nan_to_num(z, nan=0.0)) > threshold


def forward_fill(readings: np.ndarray) -> np.ndarray:
    values = np.asarray(readings, dtype=float)
    rows = np.arange(values.shape[0])[:, np.newaxis]
    last_seen = np.where(np.isnan(values), 0, rows)
    np.maximum.accumulate(last_seen, axis=0, out=last_seen)
    return values[last_seen, np.arange(values.shape[1])]
