"""Chi-square, Mann-Whitney U and Welch's t: by hand next to scipy.stats (reference solution)."""

from typing import NamedTuple

import numpy as np
from scipy import stats

ALTERNATIVES = ("two-sided", "less", "greater")


class Comparison(NamedTuple):
    welch_t: float
    welch_p: float
    mann_whitney_u: float
    mann_whitney_p: float


def _counts(table) -> np.ndarray:
    counts = np.asarray(table, dtype=float)
    if counts.ndim != 2 or min(counts.shape) < 2:
        raise ValueError(f"need a table of at least 2 x 2 counts, got shape {counts.shape}")
    if (counts < 0).any():
        raise ValueError("counts cannot be negative")
    if (counts.sum(axis=0) == 0).any() or (counts.sum(axis=1) == 0).any():
        raise ValueError("a row or column with no counts gives an expected count of 0")
    return counts


def chi_square_by_hand(table) -> tuple[float, float, int, np.ndarray]:
    observed = _counts(table)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    statistic = float(((observed - expected) ** 2 / expected).sum())
    dof = (observed.shape[0] - 1) * (observed.shape[1] - 1)
    return statistic, float(stats.chi2.sf(statistic, dof)), dof, expected


def chi_square_scipy(table) -> tuple[float, float, int, np.ndarray]:
    result = stats.chi2_contingency(_counts(table), correction=False)
    return float(result.statistic), float(result.pvalue), int(result.dof), result.expected_freq


def mann_whitney_u_by_hand(a, b) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.size == 0 or b.size == 0:
        raise ValueError("both samples need at least one value")
    pairs = a[:, np.newaxis] - b[np.newaxis, :]
    return float((pairs > 0).sum() + 0.5 * (pairs == 0).sum())


def compare_groups(control, treatment, alternative: str = "two-sided") -> Comparison:
    if alternative not in ALTERNATIVES:
        raise ValueError(f"alternative must be one of {ALTERNATIVES}, got {alternative!r}")
    welch = stats.ttest_ind(treatment, control, equal_var=False, alternative=alternative)
    mw = stats.mannwhitneyu(treatment, control, alternative=alternative)
    return Comparison(float(welch.statistic), float(welch.pvalue), float(mw.statistic), float(mw.pvalue))


def one_sided_p(t: float, p_two_sided: float, alternative: str) -> float:
    if alternative == "greater":
        return p_two_sided / 2 if t > 0 else 1 - p_two_sided / 2
    if alternative == "less":
        return p_two_sided / 2 if t < 0 else 1 - p_two_sided / 2
    raise ValueError(f"alternative must be 'less' or 'greater', got {alternative!r}")
