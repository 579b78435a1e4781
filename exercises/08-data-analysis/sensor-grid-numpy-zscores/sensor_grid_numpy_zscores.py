"""Sensor readings as a 2-D NumPy array: NaN-aware z-scores, spike flags and a forward fill.

`readings` has one ROW per time step and one COLUMN per sensor (shape (time, sensors)); a
missing reading is NaN. Everything works column by column (axis=0) and without Python loops
over the values. No function changes the array it is given: np.asarray(x, dtype=float)
returns x ITSELF when x is already a float array, so `values -= ...` would write into the
caller's data. Compute new arrays instead.

1. `standardise_columns(readings)`: each value's z-score within its sensor (column):
       (value - column mean) / column standard deviation
   with the mean and the SAMPLE standard deviation (ddof=1) of the readings present (NaN
   ignored: np.nanmean, np.nanstd); a missing reading stays NaN. Integer input works too.
   Errors (ValueError): readings not 2-D ("... 2-D ..."); a sensor with fewer than two
   readings, f"sensor {j} has fewer than two readings"; a sensor whose readings are all equal,
   f"sensor {j} has no variation" (j = the first such column, counted from 0).
       [[1, 10], [2, 12], [3, 11]] -> column 0: -1.0, 0.0, 1.0

2. `flag_spikes(readings, threshold=3.0)`: a bool array of the same shape, True where the
   |z-score| is strictly greater than threshold; a missing reading is never a spike.
   threshold <= 0 -> ValueError("threshold must be positive ...").

3. `forward_fill(readings)`: a float array where each NaN takes the last reading ABOVE it in
   the same column; a NaN with nothing above it in its column stays NaN (a value never moves
   from one sensor to the next).
       [[1, nan], [nan, 5], [3, nan]] -> [[1, nan], [1, 5], [3, 5]]
   Hint of an idiom: the row number where a value is present, else 0;
   np.maximum.accumulate(..., axis=0) carries the last such row down; index with it.
"""

import numpy as np


def standardise_columns(readings: np.ndarray) -> np.ndarray:
    # TODO: validate, then nanmean / nanstd(ddof=1) per column on a new array.
    raise NotImplementedError


def flag_spikes(readings: np.ndarray, threshold: float = 3.0) -> np.ndarray:
    # TODO: |z| > threshold, NaN counted as no spike.
    raise NotImplementedError


def forward_fill(readings: np.ndarray) -> np.ndarray:
    # TODO: carry the last present row index down each column, then fancy-index.
    raise NotImplementedError
