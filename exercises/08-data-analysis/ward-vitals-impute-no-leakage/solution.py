"""Fill missing values from the training data only: a group-median imputer (reference solution)."""

import pandas as pd


class GroupMedianImputer:
    def __init__(self, group: str, columns: list[str]) -> None:
        self.group = group
        self.columns = list(columns)
        self.group_medians_: pd.DataFrame | None = None
        self.overall_medians_: pd.Series | None = None

    def _check_columns(self, df: pd.DataFrame) -> None:
        for name in [self.group, *self.columns]:
            if name not in df.columns:
                raise ValueError(f"no column {name!r} in {list(df.columns)}")

    def fit(self, train: pd.DataFrame) -> "GroupMedianImputer":
        self._check_columns(train)
        self.group_medians_ = train.groupby(self.group)[self.columns].median()
        self.overall_medians_ = train[self.columns].median()
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        if self.group_medians_ is None:
            raise RuntimeError("call fit(train) before transform")
        self._check_columns(df)
        filled = df.copy()
        for column in self.columns:
            missing = df[column].isna()
            learned = df[self.group].map(self.group_medians_[column])
            fallback = learned.fillna(self.overall_medians_[column])
            filled[column] = df[column].fillna(fallback)
            filled[f"{column}_was_missing"] = missing
        return filled
