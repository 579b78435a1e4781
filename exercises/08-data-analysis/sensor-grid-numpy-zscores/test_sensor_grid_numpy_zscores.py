import numpy as np
import pytest

from sensor_grid_numpy_zscores import flag_spikes, forward_fill, standardise_columns

NAN = np.nan


@pytest.fixture
def readings():
    return np.array(
        [
            [1.0, NAN, 10.0],
            [2.0, 5.0, 12.0],
            [NAN, 7.0, 11.0],
            [3.0, NAN, 40.0],
        ]
    )


def test_standardise_columns_uses_each_sensors_mean_and_sample_std(readings):
    z = standardise_columns(readings)

    assert z[[0, 1, 3], 0].tolist() == pytest.approx([-1.0, 0.0, 1.0]), (
        "sensor 0 has 1, 2, 3: mean 2, SAMPLE std 1 (ddof=1); the NaN is ignored (nanmean, nanstd)"
    )
    assert z[[1, 2], 1].tolist() == pytest.approx([-2 ** -0.5, 2 ** -0.5])
    assert z[:, 2].tolist() == pytest.approx([-0.5680656, -0.4303527, -0.4992092, 1.4976275])


def test_standardise_columns_keeps_missing_readings_missing(readings):
    z = standardise_columns(readings)

    assert np.isnan(z).tolist() == np.isnan(readings).tolist()
    assert z.shape == readings.shape


def test_standardise_columns_accepts_integers():
    z = standardise_columns(np.array([[1, 10], [2, 12], [3, 11]]))

    assert z.dtype == float
    assert z[:, 0].tolist() == pytest.approx([-1.0, 0.0, 1.0])
    assert z[:, 1].tolist() == pytest.approx([-1.0, 1.0, 0.0])


@pytest.mark.parametrize(
    "function",
    [standardise_columns, flag_spikes, forward_fill],
    ids=["standardise_columns", "flag_spikes", "forward_fill"],
)
def test_the_callers_array_is_left_unchanged(readings, function):
    before = readings.copy()

    result = function(readings)

    assert np.array_equal(readings, before, equal_nan=True), (
        "np.asarray(readings, dtype=float) IS the caller's float array: compute a new array "
        "instead of subtracting or filling in place"
    )
    assert not np.shares_memory(result, readings), "return a new array, not a view of the input"


@pytest.mark.parametrize(
    "bad, message",
    [
        (np.array([1.0, 2.0, 3.0]), "2-D"),
        (np.array([[1.0, 5.0], [NAN, 6.0], [NAN, 7.0]]), "sensor 0 has fewer than two readings"),
        (np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]]), "sensor 1 has no variation"),
        (np.array([[1.0, 5.0, 4.0], [2.0, 5.0, 4.0]]), "sensor 1 has no variation"),
    ],
    ids=["one-dimensional", "one-reading-only", "flat-sensor", "first-flat-sensor-named"],
)
def test_standardise_columns_refuses_what_it_cannot_scale(bad, message):
    with pytest.raises(ValueError, match=message):
        standardise_columns(bad)


@pytest.mark.parametrize(
    "threshold, spikes",
    [(1.4, [(3, 2)]), (1.5, []), (0.99, [(0, 0), (3, 0), (3, 2)])],
    ids=["below-the-spike", "just-above-the-spike", "strictly-greater-than-one"],
)
def test_flag_spikes_marks_readings_far_from_their_sensors_mean(readings, threshold, spikes):
    flags = flag_spikes(readings, threshold)

    assert flags.dtype == bool and flags.shape == readings.shape
    assert list(zip(*np.nonzero(flags))) == spikes, (
        "True where |z| > threshold (strictly): the 40 of sensor 2 is the spike"
    )


def test_flag_spikes_threshold_is_strict():
    flags = flag_spikes(np.array([[1.0], [2.0], [3.0]]), threshold=1.0)

    assert flags.ravel().tolist() == [False, False, False], "|z| == 1 is not greater than 1"


def test_a_missing_reading_is_never_a_spike(readings):
    assert not flag_spikes(readings, 0.5)[np.isnan(readings)].any()


@pytest.mark.parametrize(
    "zeros, flagged",
    [(13, True), (9, False)],
    ids=["z-3.47-is-a-spike", "z-2.85-is-not"],
)
def test_flag_spikes_default_threshold_is_three(zeros, flagged):
    column = np.array([[0.0]] * zeros + [[50.0]])  # the lone 50 has z = zeros / sqrt(zeros + 1)

    assert flag_spikes(column).ravel().tolist() == [False] * zeros + [flagged], (
        "the default threshold is 3.0"
    )


@pytest.mark.parametrize("threshold", [0, -1.0], ids=["zero", "negative"])
def test_flag_spikes_refuses_a_threshold_that_is_not_positive(readings, threshold):
    with pytest.raises(ValueError, match="threshold must be positive"):
        flag_spikes(readings, threshold)


def test_forward_fill_carries_the_last_reading_down_each_column(readings):
    filled = forward_fill(readings)

    assert filled[:, 0].tolist() == [1.0, 2.0, 2.0, 3.0]
    assert filled[1:, 1].tolist() == [5.0, 7.0, 7.0]
    assert filled[:, 2].tolist() == [10.0, 12.0, 11.0, 40.0], "present readings stay as they are"


def test_forward_fill_never_moves_a_value_to_another_sensor(readings):
    filled = forward_fill(readings)

    assert np.isnan(filled[0, 1]), (
        "sensor 1 has nothing above its first NaN: it stays NaN (filling the flattened array "
        "would hand it sensor 0's reading)"
    )


def test_forward_fill_fills_runs_of_gaps_and_accepts_integers():
    filled = forward_fill(np.array([[4, 1], [5, 2]]))
    runs = forward_fill(np.array([[NAN, 2.0], [NAN, NAN], [9.0, NAN], [NAN, NAN]]))

    assert filled.dtype == float and filled.tolist() == [[4.0, 1.0], [5.0, 2.0]]
    assert np.isnan(runs[:2, 0]).all()
    assert runs[2:, 0].tolist() == [9.0, 9.0]
    assert runs[:, 1].tolist() == [2.0, 2.0, 2.0, 2.0]
