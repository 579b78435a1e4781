import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nearest_depot_broadcasting import depot_workload, distance_matrix

HERE = Path(__file__).parent


def lines_run(function, *args) -> int:
    """Call function; return how many lines of ITS module Python ran (a loop repeats its lines)."""
    filename = function.__code__.co_filename
    count = 0

    def count_lines(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return count_lines

    def trace(frame, event, arg):
        return count_lines if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        function(*args)
    finally:
        sys.settrace(previous)
    return count


@pytest.fixture
def deliveries():
    return pd.read_csv(HERE / "deliveries.csv")


@pytest.fixture
def depots():
    return pd.read_csv(HERE / "depots.csv")


def test_distance_matrix_matches_the_docstring_example():
    result = distance_matrix(np.array([[0, 0], [3, 4]]), np.array([[0, 0], [6, 8]]))

    np.testing.assert_allclose(result, [[0.0, 10.0], [5.0, 5.0]])


def test_distance_matrix_has_one_row_per_point_and_one_column_per_centre():
    result = distance_matrix(np.zeros((5, 2)), np.ones((3, 2)))

    assert result.shape == (5, 3), "result[i, j] is point i against centre j: shape (n, m)"


def test_distance_matrix_agrees_with_the_slow_loop_on_random_points():
    rng = np.random.default_rng(8)
    points = rng.uniform(-50, 50, size=(40, 2))
    centres = rng.uniform(-50, 50, size=(7, 2))
    expected = [[math.dist(p, c) for c in centres] for p in points]

    np.testing.assert_allclose(distance_matrix(points, centres), expected)


def test_distance_matrix_works_in_three_dimensions_too():
    result = distance_matrix(np.array([[1, 2, 2]]), np.array([[0, 0, 0], [1, 2, 2]]))

    np.testing.assert_allclose(result, [[3.0, 0.0]])


def test_distance_matrix_of_no_points_is_an_empty_n_by_m_array():
    assert distance_matrix(np.empty((0, 2)), np.ones((4, 2))).shape == (0, 4)


def test_distance_matrix_handles_a_large_input_in_one_go():
    rng = np.random.default_rng(0)
    points = rng.uniform(0, 10, size=(2_000, 2))
    centres = rng.uniform(0, 10, size=(50, 2))

    result = distance_matrix(points, centres)

    assert result.shape == (2_000, 50)
    np.testing.assert_allclose(result[1234, 17], math.dist(points[1234], centres[17]))


def test_distance_matrix_uses_broadcasting_not_a_python_loop():
    rng = np.random.default_rng(3)
    points, centres = rng.uniform(0, 10, size=(300, 2)), rng.uniform(0, 10, size=(20, 2))

    lines = lines_run(distance_matrix, points, centres)

    assert lines < 100, (
        f"{lines} lines of Python ran for 300 x 20 pairs: let broadcasting pair them, "
        "points[:, np.newaxis, :] - centres[np.newaxis, :, :], instead of looping"
    )


@pytest.mark.parametrize(
    "points, centres",
    [
        (np.array([1.0, 2.0]), np.ones((3, 2))),
        (np.ones((3, 2)), np.ones((3, 3))),
        (np.ones((2, 2, 2)), np.ones((3, 2))),
    ],
    ids=["points-are-1-D", "different-number-of-columns", "points-are-3-D"],
)
def test_distance_matrix_rejects_arrays_of_the_wrong_shape(points, centres):
    with pytest.raises(ValueError, match="2-D.*same number of columns"):
        distance_matrix(points, centres)


def test_depot_workload_counts_and_weighs_the_shipped_deliveries(deliveries, depots):
    result = depot_workload(deliveries, depots)

    assert list(result.index) == ["Centre", "North", "East", "Airport"], (
        "one row per depot, in the order of the depots table"
    )
    assert list(result["deliveries"]) == [3, 3, 2, 0]
    assert list(result["weight_kg"]) == pytest.approx([6.3, 7.0, 2.0, 0.0])


def test_depot_workload_keeps_a_depot_that_gets_nothing(deliveries, depots):
    result = depot_workload(deliveries, depots)

    assert "Airport" in result.index, "reindex by the depot names so empty depots still appear"
    assert result.loc["Airport", "deliveries"] == 0
    assert result.loc["Airport", "weight_kg"] == 0


def test_depot_workload_breaks_a_tie_in_favour_of_the_depot_listed_first(depots):
    halfway = pd.DataFrame({"id": ["D100"], "x_km": [5.0], "y_km": [0.0], "weight_kg": [1.0]})

    result = depot_workload(halfway, depots)

    assert list(result["deliveries"]) == [1, 0, 0, 0], (
        "(5, 0) is 5 km from both Centre and East: Centre is listed first, so it wins"
    )


def test_depot_workload_of_an_empty_day_is_all_zeros(deliveries, depots):
    result = depot_workload(deliveries.iloc[0:0], depots)

    assert list(result.index) == ["Centre", "North", "East", "Airport"]
    assert list(result["deliveries"]) == [0, 0, 0, 0]
    assert list(result["weight_kg"]) == [0, 0, 0, 0]


def test_depot_workload_with_a_single_depot_sends_everything_there(deliveries, depots):
    result = depot_workload(deliveries, depots[depots["depot"] == "Airport"])

    assert list(result.index) == ["Airport"]
    assert result.loc["Airport", "deliveries"] == 8
    assert result.loc["Airport", "weight_kg"] == pytest.approx(15.3)


def test_depot_workload_leaves_the_callers_tables_unchanged(deliveries, depots):
    deliveries_before, depots_before = deliveries.copy(), depots.copy()

    depot_workload(deliveries, depots)

    pd.testing.assert_frame_equal(
        deliveries, deliveries_before, obj="deliveries (add the depot column to a copy: .assign)"
    )
    pd.testing.assert_frame_equal(depots, depots_before, obj="depots")


def test_depot_workload_needs_at_least_one_depot(deliveries, depots):
    with pytest.raises(ValueError, match="at least one depot"):
        depot_workload(deliveries, depots.iloc[0:0])
