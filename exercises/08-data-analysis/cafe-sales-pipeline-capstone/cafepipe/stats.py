"""promo_effect(sales, alpha=0.05): do receipts with a promotion bring in more?

The question was asked BEFORE looking at the data, with a direction: "promotion receipts have a
HIGHER revenue". So the test is one-sided: Welch's t-test (the two groups' variances need not be
equal) with the promo receipts first and alternative="greater":
    scipy.stats.ttest_ind(promo, regular, equal_var=False, alternative="greater")
Return a PromoEffect: mean_promo and mean_regular (mean revenue per receipt), t and p (floats),
and significant = p < alpha. Fewer than two receipts with or without a promotion ->
ValueError("need at least two receipts with and two without a promotion").

Running the two-sided test and halving p, or trying both directions and keeping the smaller p,
would claim an effect in whichever direction the data happened to point.
"""

from dataclasses import dataclass

import pandas as pd
from scipy import stats


@dataclass(frozen=True)
class PromoEffect:
    mean_promo: float
    mean_regular: float
    t: float
    p: float
    significant: bool


def promo_effect(sales: pd.DataFrame, alpha: float = 0.05) -> PromoEffect:
    # TODO: split revenue by the bool column promo, check sizes, run the test.
    raise NotImplementedError
