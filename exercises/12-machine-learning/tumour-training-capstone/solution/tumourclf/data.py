"""The data: one stratified train/test split, made once."""
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
    if not 0 < test_size < 1:
        raise ValueError(f"test_size must be between 0 and 1, got {test_size}")
    X, target = load_breast_cancer(return_X_y=True, as_frame=True)
    y = (target == 0).astype(int).rename("malignant")
    return Split(*train_test_split(X, y, test_size=test_size, stratify=y, random_state=random_state))
