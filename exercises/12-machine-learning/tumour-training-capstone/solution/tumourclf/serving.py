"""Serving: validate one request, then predict."""
import math
from collections.abc import Mapping

import pandas as pd

from tumourclf.data import FEATURES


def _is_finite_number(value) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def predict_one(model, features, threshold: float = 0.5) -> dict:
    if not isinstance(features, Mapping):
        raise ValueError("features must be a mapping of feature name to number")
    missing = [name for name in FEATURES if name not in features]
    if missing:
        raise ValueError(f"missing features: {', '.join(missing)}")
    unknown = [name for name in features if name not in FEATURES]
    if unknown:
        raise ValueError(f"unknown features: {', '.join(unknown)}")
    for name in FEATURES:
        if not _is_finite_number(features[name]):
            raise ValueError(f"feature {name!r} must be a finite number")
    row = pd.DataFrame([[float(features[name]) for name in FEATURES]], columns=list(FEATURES))
    probability = float(model.predict_proba(row)[0, 1])
    return {
        "label": "malignant" if probability >= threshold else "benign",
        "probability_malignant": round(probability, 4),
    }
