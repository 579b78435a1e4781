"""The data: one stratified train/test split, made once.

load_split(test_size=0.2, random_state=0) -> Split(X_train, X_test, y_train, y_test)
    X is load_breast_cancer(return_X_y=True, as_frame=True)'s DataFrame (30
    named columns). scikit-learn codes the target 0 = malignant, 1 = benign;
    we care about finding malignant tumours, so y is 1 for MALIGNANT and 0
    for benign: (target == 0).astype(int), a Series renamed "malignant".
    Split with train_test_split(X, y, test_size=test_size, stratify=y,
    random_state=random_state): both parts keep the 37% of malignant rows.
    test_size outside (0, 1) raises ValueError("test_size must be between 0
    and 1, got 1.5").
"""
from typing import NamedTuple

import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

FEATURES: tuple[str, ...] = tuple(str(name) for name in load_breast_cancer().feature_names)


class Split(NamedTuple):
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def load_split(test_size: float = 0.2, random_state: int = 0) -> Split:
    # TODO: check test_size, make y (1 = malignant), split with stratify=y.
    raise NotImplementedError
