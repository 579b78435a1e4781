"""Your first scikit-learn model: a stratified split and a classifier on iris."""
import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier


def split_iris(
    test_size: float = 0.2, random_state: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    if not 0 < test_size < 1:
        raise ValueError("test_size must be between 0 and 1")
    X, y = load_iris(return_X_y=True)
    return train_test_split(X, y, test_size=test_size, random_state=random_state, stratify=y)


def train_iris_classifier(
    test_size: float = 0.2, random_state: int = 0
) -> tuple[ClassifierMixin, float]:
    X_train, X_test, y_train, y_test = split_iris(test_size, random_state)
    model = KNeighborsClassifier().fit(X_train, y_train)
    return model, model.score(X_test, y_test)


def predict_species(model: ClassifierMixin, measurements: list[list[float]]) -> list[str]:
    if not measurements:
        return []
    for row in measurements:
        if len(row) != 4:
            raise ValueError(f"expected 4 measurements per flower, got {len(row)}")
    names = load_iris().target_names
    return [str(names[label]) for label in model.predict(np.asarray(measurements, dtype=float))]
