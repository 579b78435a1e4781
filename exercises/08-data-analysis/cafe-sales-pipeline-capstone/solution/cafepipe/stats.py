"""Does a promotion bring in more per receipt? (reference solution)"""

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
    promo = sales.loc[sales["promo"], "revenue"]
    regular = sales.loc[~sales["promo"], "revenue"]
    if len(promo) < 2 or len(regular) < 2:
        raise ValueError("need at least two receipts with and two without a promotion")
    result = stats.ttest_ind(promo, regular, equal_var=False, alternative="greater")
    p = float(result.pvalue)
    return PromoEffect(float(promo.mean()), float(regular.mean()), float(result.statistic), p, p < alpha)
