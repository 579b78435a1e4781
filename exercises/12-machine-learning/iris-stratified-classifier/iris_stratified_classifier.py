"""Your first scikit-learn model: a stratified split and a classifier on iris.

scikit-learn ships the iris data set (150 flowers, 4 measurements each, 3
species, 50 of each), so nothing is downloaded: sklearn.datasets.load_iris().

1. split_iris(test_size=0.2, random_state=0) returns X_train, X_test,
   y_train, y_test (the raw measurements, unscaled) with train_test_split,
   STRATIFIED by species so that both parts keep the 1:1:1 ratio
   (test_size=0.2 -> 10 flowers of each species in the test set). The
   same random_state always gives the same split (0 included). test_size
   outside 0 < test_size < 1 raises
   ValueError("test_size must be between 0 and 1").

2. train_iris_classifier(test_size=0.2, random_state=0) fits a classifier on
   the training part only and returns (model, accuracy on the test part).
   The test flowers must stay unseen: the returned model behaves exactly like
   the same model fitted on X_train alone (no fitting on all 150 flowers, not
   even again after scoring). Any scikit-learn classifier will do;
   KNeighborsClassifier() is a fine first choice (pass random_state on to a
   model that takes one, so that the same call gives the same model).

3. predict_species(model, measurements) turns rows of 4 numbers (sepal
   length, sepal width, petal length, petal width, in cm) into species names:
       >>> model, accuracy = train_iris_classifier()
       >>> predict_species(model, [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]])
       ['setosa', 'virginica']
   An empty list gives []. A row without exactly 4 numbers raises
   ValueError("expected 4 measurements per flower, got 3").
"""
import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier


def split_iris(
    test_size: float = 0.2, random_state: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    # TODO: load_iris(return_X_y=True), then a stratified train_test_split.
    raise NotImplementedError


def train_iris_classifier(
    test_size: float = 0.2, random_state: int = 0
) -> tuple[ClassifierMixin, float]:
    # TODO: split, fit on the training part, score on the test part.
    raise NotImplementedError


def predict_species(model: ClassifierMixin, measurements: list[list[float]]) -> list[str]:
    # TODO: check the rows, predict, map class numbers to load_iris().target_names.
    raise NotImplementedError
