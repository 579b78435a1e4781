"""Three classic tests by hand and with scipy.stats, and the one-tailed / two-tailed trap.

1. `chi_square_by_hand(table)`: Pearson's chi-square test of independence on a table of counts
   (rows: groups, columns: outcomes), with NumPy only for the statistic:
       expected[i, j] = row_total[i] * column_total[j] / grand_total
       statistic      = sum over cells of (observed - expected)² / expected
       dof            = (rows - 1) * (columns - 1)
       p              = scipy.stats.chi2.sf(statistic, dof)   (the upper tail)
   Return (statistic, p, dof, expected) with floats, an int and the expected counts array.

2. `chi_square_scipy(table)`: the same four values from scipy.stats.chi2_contingency. It must
   agree with (1): on a 2 x 2 table scipy applies Yates' continuity correction unless you pass
   correction=False, and then its statistic is not Pearson's.

   Both refuse, with a ValueError: a table that is not 2-D with at least 2 rows and 2 columns
   ("at least 2 x 2"), a negative count ("negative"), a row or column of zeros ("expected count
   of 0": expected would be 0 and the statistic a division by zero).

3. `mann_whitney_u_by_hand(a, b)`: the Mann-Whitney U of sample a: over every pair (x from a,
   y from b) count 1 when x > y and 0.5 when x == y. scipy.stats.mannwhitneyu(a, b).statistic
   is the same number. An empty sample -> ValueError("... at least one value ...").
       mann_whitney_u_by_hand([1, 2, 3], [2, 4]) -> 1.5     (3 > 2, and 2 == 2 counts half)

4. `compare_groups(control, treatment, alternative="two-sided")`: run Welch's t-test
   (scipy.stats.ttest_ind with equal_var=False: the groups' variances need not be equal) and the
   Mann-Whitney U test (scipy.stats.mannwhitneyu), both with TREATMENT FIRST, so that
   alternative="greater" means "treatment is larger than control". Return a Comparison
   (welch_t, welch_p, mann_whitney_u, mann_whitney_p) of floats. alternative must be
   "two-sided", "less" or "greater", else
   ValueError(f"alternative must be one of {ALTERNATIVES}, got {alternative!r}"), checked before
   running anything; the alternative is chosen BEFORE seeing the data, never after.

5. `one_sided_p(t, p_two_sided, alternative)`: a paper reports only t and a two-sided p; the
   one-sided p for "greater" is p/2 when t > 0 (the effect is in the direction you predicted)
   but 1 - p/2 when t < 0: halving the two-sided p whatever the sign turns an effect in the
   WRONG direction into a "significant" one. "less" is the mirror image. Any other alternative
   -> ValueError.
       one_sided_p(-2.46, 0.021, "greater") -> 0.9895

Example (Wikipedia "Welch's t-test"; control a, treatment b, treatment's mean higher):
    compare_groups(a, b)             -> welch_t 2.455, welch_p 0.0214 (published: 0.021)
    compare_groups(a, b, "greater")  -> welch_p 0.0107
    compare_groups(a, b, "less")     -> welch_p 0.989
"""

from typing import NamedTuple

import numpy as np
from scipy import stats

ALTERNATIVES = ("two-sided", "less", "greater")


class Comparison(NamedTuple):
    welch_t: float
    welch_p: float
    mann_whitney_u: float
    mann_whitney_p: float


def chi_square_by_hand(table) -> tuple[float, float, int, np.ndarray]:
    # TODO: validate, expected counts from the margins (np.outer), the statistic, dof, p.
    raise NotImplementedError


def chi_square_scipy(table) -> tuple[float, float, int, np.ndarray]:
    # TODO: the same validation, then stats.chi2_contingency without Yates' correction.
    raise NotImplementedError


def mann_whitney_u_by_hand(a, b) -> float:
    # TODO: compare every pair with broadcasting: wins count 1, ties 0.5.
    raise NotImplementedError


def compare_groups(control, treatment, alternative: str = "two-sided") -> Comparison:
    # TODO: stats.ttest_ind(treatment, control, equal_var=False, alternative=...) and
    # stats.mannwhitneyu(treatment, control, alternative=...).
    raise NotImplementedError


def one_sided_p(t: float, p_two_sided: float, alternative: str) -> float:
    # TODO: halve only when t points the predicted way.
    raise NotImplementedError
