"""Preprocessing without leakage: a Pipeline with a ColumnTransformer.

A customer table mixes numbers (age, monthly_spend, visits) and categories
(plan, city); a model needs the numbers scaled and the categories one-hot
encoded. Doing this inside one Pipeline means the same steps run at training
and at prediction time, and every statistic (means, known categories) is
learnt from the TRAINING rows only: that is what "no leakage" means.

1. add_features(df) returns a copy of df with a new column "spend_per_visit"
   = monthly_spend / visits, and 0.0 where visits is 0. df itself is unchanged.

2. make_preprocessor(numeric, categorical) returns a ColumnTransformer with two
   transformers named "num" (a StandardScaler on the numeric columns) and
   "cat" (a OneHotEncoder(handle_unknown="ignore") on the categorical ones);
   other columns are dropped. A category never seen in training becomes all
   zeros instead of an error.

3. make_churn_pipeline(numeric, categorical) returns a Pipeline with the
   steps "features" (a FunctionTransformer running add_features),
   "preprocess" (make_preprocessor) and "model" (LogisticRegression()).

4. fit_and_score(train, test, target, numeric, categorical) fits the pipeline
   on train and returns (pipeline, accuracy on test):
       >>> pipeline, accuracy = fit_and_score(
       ...     train, test, "churned",
       ...     numeric=["age", "monthly_spend", "spend_per_visit"],
       ...     categorical=["plan", "city"])
   The target among the features raises ValueError("target 'churned' must
   not be a feature"); no features at all raises ValueError("no feature columns").
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    # TODO: copy, then add "spend_per_visit" (0.0 when visits is 0).
    raise NotImplementedError


def make_preprocessor(numeric: list[str], categorical: list[str]) -> ColumnTransformer:
    # TODO: ColumnTransformer([("num", ...), ("cat", ...)]).
    raise NotImplementedError


def make_churn_pipeline(numeric: list[str], categorical: list[str]) -> Pipeline:
    # TODO: Pipeline([("features", ...), ("preprocess", ...), ("model", ...)]).
    raise NotImplementedError


def fit_and_score(
    train: pd.DataFrame,
    test: pd.DataFrame,
    target: str,
    numeric: list[str],
    categorical: list[str],
) -> tuple[Pipeline, float]:
    # TODO: check the columns, fit on train only, score on test.
    raise NotImplementedError
