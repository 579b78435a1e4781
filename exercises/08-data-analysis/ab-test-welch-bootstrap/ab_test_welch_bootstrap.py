"""Analyse an A/B test by hand: correlation, Welch's t statistic and a bootstrap interval.

1. `pearson_r(x, y)`: Pearson's correlation coefficient, from -1 to 1 (the standard library's
   `statistics` module has it). Errors are ValueErrors: lists of different lengths ("...same
   number..."), fewer than two points, or a constant list ("...constant...").

2. `welch_t(a, b)`: Welch's two-sample t statistic and its degrees of freedom, for samples whose
   variances may differ. With sample means m, sample variances s² (n - 1 in the denominator)
   and sizes n, let  se2_a = s²_a / n_a  and  se2_b = s²_b / n_b:
       t  = (m_a - m_b) / sqrt(se2_a + se2_b)
       df = (se2_a + se2_b)² / (se2_a² / (n_a - 1) + se2_b² / (n_b - 1))   (Welch-Satterthwaite)
   Fewer than two values in a sample -> ValueError("... at least two ..."; statistics.variance
   already raises one); no variation in BOTH samples (se2_a + se2_b == 0) -> ValueError("...
   no variation ..."); one constant sample is fine.

3. `bootstrap_mean_diff_ci(a, b, confidence=0.95, n_resamples=10_000, seed=0)`: a percentile
   bootstrap confidence interval for mean(b) - mean(a). Repeat n_resamples times: draw len(a)
   values from a WITH replacement, the same for b, and keep the difference of their means; the
   interval is the (1 - confidence) / 2 and 1 - (1 - confidence) / 2 quantiles of those
   differences, as (low, high) floats. Use `np.random.default_rng(seed)`: the same seed gives
   the same interval, and NumPy's global random state is left alone. Draw all of a's resamples
   at once, rng.choice(a, size=(n_resamples, len(a))), not in a Python loop, THEN all of b's
   the same way, and take np.percentile with its default (linear) interpolation: the same seed
   then gives exactly the interval any other correct solution gives.
   An empty sample, or a confidence not strictly between 0 and 1 -> ValueError.

Example (the first example of the Wikipedia article "Welch's t-test"):
    a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
    b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
    welch_t(a, b) -> (-2.455..., 24.988...)        published: t = -2.46, df = 25.0
    bootstrap_mean_diff_ci(a, b) -> about (0.47, 3.87): b's mean is higher by 0.5 to 3.9
"""

import math
import statistics

import numpy as np


def pearson_r(x: list[float], y: list[float]) -> float:
    # TODO: Pearson's r (see statistics.correlation).
    raise NotImplementedError


def welch_t(a: list[float], b: list[float]) -> tuple[float, float]:
    # TODO: check the sizes, then compute se2_a and se2_b with statistics.variance.
    # TODO: t and the Welch-Satterthwaite degrees of freedom.
    raise NotImplementedError


def bootstrap_mean_diff_ci(
    a: list[float],
    b: list[float],
    *,
    confidence: float = 0.95,
    n_resamples: int = 10_000,
    seed: int = 0,
) -> tuple[float, float]:
    # TODO: validate, then rng = np.random.default_rng(seed).
    # TODO: resample a and b (n_resamples rows each), take row means, subtract.
    # TODO: the two percentiles of the differences, returned as plain floats.
    raise NotImplementedError
