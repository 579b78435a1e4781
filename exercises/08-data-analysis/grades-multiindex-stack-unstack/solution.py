"""Exam scores with MultiIndex columns: stack, unstack and label alignment (reference solution)."""

import pandas as pd


def scores_long(wide: pd.DataFrame) -> pd.Series:
    long = wide.stack(["term", "subject"]).dropna()
    return long.rename("score").sort_index()


def subject_by_term(long: pd.Series) -> pd.DataFrame:
    return long.groupby(["subject", "term"]).mean().unstack("term")


def improvement(wide: pd.DataFrame, before: str, after: str) -> pd.DataFrame:
    terms = list(wide.columns.get_level_values("term").unique())
    for term in (before, after):
        if term not in terms:
            raise ValueError(f"no term {term!r} in {terms}")
    return wide[after] - wide[before]
