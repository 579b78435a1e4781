"""Send each delivery to its nearest depot (reference solution)."""

from pathlib import Path

import numpy as np
import pandas as pd


def distance_matrix(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    points = np.asarray(points, dtype=float)
    centres = np.asarray(centres, dtype=float)
    if points.ndim != 2 or centres.ndim != 2 or points.shape[1] != centres.shape[1]:
        raise ValueError(
            "expected two 2-D arrays with the same number of columns, "
            f"got shapes {points.shape} and {centres.shape}"
        )
    differences = points[:, np.newaxis, :] - centres[np.newaxis, :, :]
    return np.linalg.norm(differences, axis=-1)


def depot_workload(deliveries: pd.DataFrame, depots: pd.DataFrame) -> pd.DataFrame:
    if depots.empty:
        raise ValueError("need at least one depot")
    distances = distance_matrix(
        deliveries[["x_km", "y_km"]].to_numpy(), depots[["x_km", "y_km"]].to_numpy()
    )
    nearest = depots["depot"].to_numpy()[distances.argmin(axis=1)]
    return (
        deliveries.assign(depot=nearest)
        .groupby("depot")
        .agg(deliveries=("id", "size"), weight_kg=("weight_kg", "sum"))
        .reindex(depots["depot"], fill_value=0)
    )


if __name__ == "__main__":
    here = Path(__file__).parent
    print(depot_workload(pd.read_csv(here / "deliveries.csv"), pd.read_csv(here / "depots.csv")))
