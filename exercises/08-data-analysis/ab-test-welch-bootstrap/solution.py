"""Correlation, Welch's t statistic and a bootstrap confidence interval (reference solution)."""

import math
import statistics

import numpy as np


def pearson_r(x: list[float], y: list[float]) -> float:
    return statistics.correlation(x, y)


def welch_t(a: list[float], b: list[float]) -> tuple[float, float]:
    # statistics.variance raises StatisticsError, a ValueError, for fewer than two values.
    se2_a = statistics.variance(a) / len(a)
    se2_b = statistics.variance(b) / len(b)
    if se2_a + se2_b == 0:
        raise ValueError("both samples have no variation")
    t = (statistics.mean(a) - statistics.mean(b)) / math.sqrt(se2_a + se2_b)
    df = (se2_a + se2_b) ** 2 / (se2_a**2 / (len(a) - 1) + se2_b**2 / (len(b) - 1))
    return t, df


def bootstrap_mean_diff_ci(
    a: list[float],
    b: list[float],
    *,
    confidence: float = 0.95,
    n_resamples: int = 10_000,
    seed: int = 0,
) -> tuple[float, float]:
    if not a or not b:
        raise ValueError("both samples must be non-empty")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")

    rng = np.random.default_rng(seed)
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    means_a = rng.choice(a, size=(n_resamples, a.size)).mean(axis=1)
    means_b = rng.choice(b, size=(n_resamples, b.size)).mean(axis=1)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(means_b - means_a, [tail, 100 - tail])
    return float(low), float(high)
