"""Serving: validate one request, then predict.

predict_one(model, features, threshold=0.5) -> dict
    features is what a client sent: a mapping of the 30 feature names (FEATURES
    in data.py) to numbers, in ANY order. Check, in this order, raising
    ValueError with these messages:
        not a Mapping        -> "features must be a mapping of feature name to number"
        names missing        -> "missing features: mean radius, worst area"
                                (in FEATURES order, ", " between)
        names not in FEATURES -> "unknown features: colour" (in the request's order)
        a value that is not a finite number (text, None, True/False, NaN,
        inf, an int too large for a float)
                             -> "feature 'mean radius' must be a finite number"
                                (the first bad one in FEATURES order)
    Then build a one-row pandas DataFrame with the columns in FEATURES order
    (the model was fitted on named columns: never rely on the client's
    order), and return
        {"label": "malignant" if P(malignant) >= threshold else "benign",
         "probability_malignant": P(malignant) rounded to 4 places}
    where P(malignant) is model.predict_proba(row)[0, 1] as a float.
"""
import math
from collections.abc import Mapping

import pandas as pd

from tumourclf.data import FEATURES


def predict_one(model, features, threshold: float = 0.5) -> dict:
    # TODO: validate the request, then predict on a one-row DataFrame.
    raise NotImplementedError
