"""Preprocessing without leakage: a Pipeline with a ColumnTransformer."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    visits = out["visits"]
    out["spend_per_visit"] = (out["monthly_spend"] / visits.where(visits > 0)).fillna(0.0)
    return out


def make_preprocessor(numeric: list[str], categorical: list[str]) -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", StandardScaler(), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
        ],
        remainder="drop",
    )


def make_churn_pipeline(numeric: list[str], categorical: list[str]) -> Pipeline:
    return Pipeline(
        [
            ("features", FunctionTransformer(add_features)),
            ("preprocess", make_preprocessor(numeric, categorical)),
            ("model", LogisticRegression()),
        ]
    )


def fit_and_score(
    train: pd.DataFrame,
    test: pd.DataFrame,
    target: str,
    numeric: list[str],
    categorical: list[str],
) -> tuple[Pipeline, float]:
    if target in numeric or target in categorical:
        raise ValueError(f"target {target!r} must not be a feature")
    if not numeric and not categorical:
        raise ValueError("no feature columns")
    pipeline = make_churn_pipeline(numeric, categorical)
    pipeline.fit(train.drop(columns=[target]), train[target])
    return pipeline, pipeline.score(test.drop(columns=[target]), test[target])
