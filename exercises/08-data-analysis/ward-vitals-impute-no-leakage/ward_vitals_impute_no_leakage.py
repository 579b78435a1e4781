"""Fill missing vitals the way a model will see them: learn from the training rows only.

A hospital's vitals table (columns such as ward, heart_rate, temp_c) has gaps. Before training
a model you fill them, but the values you fill with are themselves learned from data: if they
come from the test rows (or from all rows), information about the test set leaks into training
and the evaluation looks better than the model will be. So imputation is FIT on the training
rows and then APPLIED, unchanged, to any table: the scikit-learn fit/transform pattern.

`GroupMedianImputer(group, columns)`:
- `fit(train)`: learn, from `train` only, the median of each of `columns` per value of the
  `group` column, and each column's overall median (the fallback). Returns self, so that
  `GroupMedianImputer("ward", ["heart_rate"]).fit(train).transform(test)` works. Fitting again
  forgets everything learned before. Two imputers never share what they learned (no mutable
  class attributes).
- `transform(df)`: a NEW DataFrame (df itself unchanged): every missing value of `columns`
  replaced by its row's group median learned in fit; when fit learned none for that group (a
  ward not in train, or a ward whose values were all missing in train) by the overall median.
  Present values stay as they are. For each column c it also adds a bool column
  f"{c}_was_missing" (True where df[c] was missing): the fact that a value was missing is
  information a model may use. Other columns pass through.
- Errors: transform before fit -> RuntimeError("call fit(train) before transform");
  `group` or a column not in the DataFrame (fit or transform) ->
  ValueError(f"no column {name!r} in {list(df.columns)}"), group checked first.

Example: train  ward A: heart_rate 70, 80, NaN;  ward B: 100, 110;  overall median 90
         test   ward A NaN -> 75.0,  ward B NaN -> 105.0,  ward C NaN -> 90.0,  ward A 64 -> 64.0
(the test rows' own medians play no part, however many test rows there are).
"""

import pandas as pd


class GroupMedianImputer:
    def __init__(self, group: str, columns: list[str]) -> None:
        self.group = group
        self.columns = list(columns)
        # TODO: what fit learns starts out as None here (per instance).

    def fit(self, train: pd.DataFrame) -> "GroupMedianImputer":
        # TODO: check the columns; groupby(group)[columns].median() and the overall medians.
        raise NotImplementedError

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        # TODO: refuse before fit; on a copy, fill each column from its row's group median
        # (map the group column), then the overall median; add the _was_missing columns.
        raise NotImplementedError
