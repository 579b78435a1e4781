"""The model (done): scaling inside the pipeline, so every fit learns it from its own rows."""
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

DEFAULT_GRID = {"model__C": [0.1, 1.0, 10.0]}


def make_classifier() -> Pipeline:
    return Pipeline([("scale", StandardScaler()), ("model", LogisticRegression(max_iter=1000))])
