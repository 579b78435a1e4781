"""Send each delivery to its nearest depot: NumPy does the maths, pandas does the table.

A courier firm has a few depots and a day of deliveries, all placed on the city grid in km
(deliveries.csv and depots.csv next to this file).

1. `distance_matrix(points, centres)`: the straight-line distance from every point to every
   centre, as an (n, m) array where result[i, j] is the distance from points[i] to centres[j].
   It is what this loop computes, but write it WITHOUT a Python loop:
       for i in range(n):
           for j in range(m):
               result[i, j] = math.dist(points[i], centres[j])
   Add axes so that broadcasting pairs every point with every centre in ONE subtraction,
   (n, 1, d) - (1, m, d) -> (n, m, d), then reduce the last axis. With 10 000 deliveries and
   50 depots that is one fast array operation instead of half a million Python steps.
   Both inputs must be 2-D with the same number of columns d, else raise
   ValueError("... 2-D ... same number of columns ..."), checked BEFORE broadcasting (NumPy's
   own "could not be broadcast" error would not tell the caller what is wrong).

2. `depot_workload(deliveries, depots)`: `deliveries` has columns id, x_km, y_km, weight_kg and
   `depots` has columns depot, x_km, y_km. Give every delivery its nearest depot (on a tie, the
   depot listed first wins), then return a DataFrame indexed by depot name, in the order of
   `depots`, with two columns:
       deliveries   how many deliveries the depot gets (0 if none)
       weight_kg    their total weight (0.0 if none)
   The two DataFrames passed in stay unchanged (work on a copy, e.g. deliveries.assign(...)).
   No depots at all is an error: raise ValueError("...at least one depot...").

Example:
    distance_matrix(np.array([[0, 0], [3, 4]]), np.array([[0, 0], [6, 8]]))
    -> array([[ 0., 10.],
              [ 5.,  5.]])
"""

from pathlib import Path

import numpy as np
import pandas as pd


def distance_matrix(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    points = np.asarray(points, dtype=float)
    centres = np.asarray(centres, dtype=float)
    # TODO: raise ValueError unless both are 2-D with the same number of columns.
    # TODO: one broadcast subtraction (new axes with np.newaxis), then a reduction over axis -1.
    raise NotImplementedError


def depot_workload(deliveries: pd.DataFrame, depots: pd.DataFrame) -> pd.DataFrame:
    # TODO: distance_matrix of the deliveries' (x_km, y_km) against the depots' (x_km, y_km).
    # TODO: argmin along each row picks the nearest depot; look its name up in depots["depot"].
    # TODO: group by depot name: count deliveries, sum weight_kg; keep every depot, in order.
    raise NotImplementedError


if __name__ == "__main__":
    here = Path(__file__).parent
    print(depot_workload(pd.read_csv(here / "deliveries.csv"), pd.read_csv(here / "depots.csv")))
