import statistics
import sys

import numpy as np
import pytest

from ab_test_welch_bootstrap import bootstrap_mean_diff_ci, pearson_r, welch_t

# The first example of the Wikipedia article "Welch's t-test": published t = -2.46, df = 25.0.
WIKI_A = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
WIKI_B = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]

# Order values (EUR) of an A/B test of a checkout page: few orders with B, with a wide spread.
OLD_PAGE = [190, 175, 160, 201, 185, 170, 168, 199, 181, 177]
NEW_PAGE = [210, 180, 250, 199, 305, 220]

SAMPLE_VARIANCE = "use the SAMPLE variance, statistics.variance (n - 1 in the denominator)"


def lines_run(function, *args, **kwargs) -> int:
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
        function(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count


def test_pearson_r_of_a_strong_positive_relationship():
    hours = [1, 2, 3, 4, 5, 6, 7, 8]
    score = [52, 55, 61, 70, 68, 80, 79, 90]

    assert pearson_r(hours, score) == pytest.approx(0.977361068)


@pytest.mark.parametrize(
    "y, r",
    [([2, 4, 6, 8], 1.0), ([-1, -2, -3, -4], -1.0), ([1, -1, -1, 1], 0.0)],
    ids=["perfectly-positive", "perfectly-negative", "unrelated"],
)
def test_pearson_r_ranges_from_minus_one_to_one(y, r):
    assert pearson_r([1, 2, 3, 4], y) == pytest.approx(r, abs=1e-12)


@pytest.mark.parametrize(
    "x, y, message",
    [
        ([1, 2, 3], [1, 2], "same number"),
        ([1, 1, 1], [1, 2, 3], "constant"),
        ([1], [2], "two"),
    ],
    ids=["different-lengths", "a-constant-list", "a-single-point"],
)
def test_pearson_r_rejects_data_it_cannot_correlate(x, y, message):
    with pytest.raises(ValueError, match=message):
        pearson_r(x, y)


def test_welch_t_reproduces_the_published_example():
    t, df = welch_t(WIKI_A, WIKI_B)

    assert t == pytest.approx(-2.455356398, abs=1e-8), SAMPLE_VARIANCE
    assert df == pytest.approx(24.988529290, abs=1e-8), "df: the Welch-Satterthwaite formula"
    assert (round(t, 2), round(df, 1)) == (-2.46, 25.0), "the values published on Wikipedia"


def test_welch_t_handles_samples_of_different_sizes_and_spreads():
    t, df = welch_t(NEW_PAGE, OLD_PAGE)

    assert t == pytest.approx(2.500686458, abs=1e-8), SAMPLE_VARIANCE
    assert df == pytest.approx(5.542719733, abs=1e-8), (
        "df comes from the Welch-Satterthwaite formula, not n_a + n_b - 2"
    )


def test_swapping_the_samples_flips_the_sign_of_t_only():
    t, df = welch_t(WIKI_A, WIKI_B)

    assert welch_t(WIKI_B, WIKI_A) == pytest.approx((-t, df))


def test_welch_t_of_samples_with_the_same_mean_is_zero():
    t, _ = welch_t([1, 2, 3], [0, 2, 4])

    assert t == 0


def test_welch_t_accepts_one_sample_without_variation():
    t, df = welch_t([5, 5, 5], [1, 2, 3])

    assert t == pytest.approx(3 / np.sqrt(1 / 3)), (
        "only BOTH samples without variation is an error: one constant sample still has a t"
    )
    assert df == pytest.approx(2.0)


def test_welch_t_of_samples_with_the_same_spread():
    t, df = welch_t([1, 2, 3], [2, 3, 4])

    assert t == pytest.approx(-1 / np.sqrt(2 / 3))
    assert df == pytest.approx(4.0), "equal variances and sizes: df = n_a + n_b - 2"


@pytest.mark.parametrize(
    "a, b, message",
    [
        ([5], [1, 2, 3], "at least two"),
        ([1, 2, 3], [7], "at least two"),
        ([1, 2, 3], [], "at least two"),
        ([4, 4, 4], [4, 4], "no variation"),
    ],
    ids=["one-value-in-a", "one-value-in-b", "b-is-empty", "no-variation-at-all"],
)
def test_welch_t_rejects_samples_it_cannot_test(a, b, message):
    with pytest.raises(ValueError, match=message):
        welch_t(a, b)


def reference_interval(a, b, confidence, n_resamples, seed):
    """The documented procedure: a's resamples, then b's, then the two percentiles."""
    rng = np.random.default_rng(seed)
    means_a = rng.choice(np.asarray(a, dtype=float), size=(n_resamples, len(a))).mean(axis=1)
    means_b = rng.choice(np.asarray(b, dtype=float), size=(n_resamples, len(b))).mean(axis=1)
    tail = (1 - confidence) / 2 * 100
    return tuple(np.percentile(means_b - means_a, [tail, 100 - tail]))


def test_bootstrap_follows_the_documented_procedure_exactly():
    got = bootstrap_mean_diff_ci(OLD_PAGE, NEW_PAGE, confidence=0.9, n_resamples=500, seed=3)

    assert got == pytest.approx(reference_interval(OLD_PAGE, NEW_PAGE, 0.9, 500, 3), rel=1e-12), (
        "default_rng(seed); rng.choice(a, size=(n_resamples, len(a))), then the same for b; "
        "the (1 - confidence) / 2 and 1 - (1 - confidence) / 2 percentiles of mean(b) - mean(a)"
    )


def test_bootstrap_defaults_are_95_percent_10_000_resamples_and_seed_0():
    assert bootstrap_mean_diff_ci(WIKI_A, WIKI_B) == pytest.approx(
        reference_interval(WIKI_A, WIKI_B, 0.95, 10_000, 0), rel=1e-12
    )


def test_bootstrap_interval_surrounds_the_observed_difference():
    low, high = bootstrap_mean_diff_ci(WIKI_A, WIKI_B)

    assert isinstance(low, float) and isinstance(high, float), "return plain floats: float(x)"
    assert low < statistics.mean(WIKI_B) - statistics.mean(WIKI_A) < high
    assert low == pytest.approx(0.47, abs=0.15)
    assert high == pytest.approx(3.87, abs=0.15)


def test_bootstrap_interval_is_as_wide_as_the_normal_approximation_predicts():
    standard_error = np.sqrt(np.var(NEW_PAGE) / len(NEW_PAGE) + np.var(OLD_PAGE) / len(OLD_PAGE))

    low, high = bootstrap_mean_diff_ci(OLD_PAGE, NEW_PAGE)

    assert (high - low) / 2 == pytest.approx(1.96 * standard_error, rel=0.1)


@pytest.mark.parametrize("seed", [7, 0], ids=["seed-7", "seed-0-is-a-seed-too"])
def test_the_same_seed_gives_the_same_interval(seed):
    first = bootstrap_mean_diff_ci(WIKI_A, WIKI_B, seed=seed)
    again = bootstrap_mean_diff_ci(WIKI_A, WIKI_B, seed=seed)

    assert first == again, (
        "create the generator with np.random.default_rng(seed); 0 is a seed like any other "
        "(`seed or None` would make it random)"
    )


def test_the_same_seed_gives_the_same_interval_and_another_seed_a_close_one():
    first = bootstrap_mean_diff_ci(WIKI_A, WIKI_B, seed=7)
    again = bootstrap_mean_diff_ci(WIKI_A, WIKI_B, seed=7)
    other = bootstrap_mean_diff_ci(WIKI_A, WIKI_B, seed=8)

    assert first == again, "create the generator with np.random.default_rng(seed)"
    assert first != other, "a different seed should draw different resamples"
    assert other == pytest.approx(first, abs=0.15)


def test_bootstrap_leaves_numpys_global_random_state_alone():
    np.random.seed(123)
    expected_next = np.random.random()
    np.random.seed(123)

    bootstrap_mean_diff_ci(WIKI_A, WIKI_B)

    assert np.random.random() == expected_next, (
        "use a Generator from np.random.default_rng(seed), not np.random.seed or np.random.choice"
    )


def test_a_higher_confidence_gives_a_wider_interval():
    low_90, high_90 = bootstrap_mean_diff_ci(WIKI_A, WIKI_B, confidence=0.90)
    low_99, high_99 = bootstrap_mean_diff_ci(WIKI_A, WIKI_B, confidence=0.99)

    assert low_99 < low_90 < high_90 < high_99


def test_samples_without_spread_give_an_interval_of_one_point():
    assert bootstrap_mean_diff_ci([5.0, 5.0, 5.0], [7.5, 7.5]) == (2.5, 2.5)


def test_a_few_resamples_are_enough_to_run():
    low, high = bootstrap_mean_diff_ci([1, 2, 3], [4, 5, 6], n_resamples=20, seed=1)

    assert 0 <= low <= high <= 5


@pytest.mark.parametrize(
    "confidence", [0, 1, 1.5, -0.2], ids=["zero", "one", "above-one", "negative"]
)
def test_a_confidence_outside_zero_to_one_is_an_error(confidence):
    with pytest.raises(ValueError, match="confidence"):
        bootstrap_mean_diff_ci(WIKI_A, WIKI_B, confidence=confidence)


@pytest.mark.parametrize(
    "a, b", [([], WIKI_B), (WIKI_A, [])], ids=["a-is-empty", "b-is-empty"]
)
def test_an_empty_sample_is_an_error(a, b):
    with pytest.raises(ValueError, match="empty"):
        bootstrap_mean_diff_ci(a, b)


def test_bootstrap_draws_all_resamples_at_once_without_a_python_loop():
    lines = lines_run(bootstrap_mean_diff_ci, WIKI_A, WIKI_B, n_resamples=2_000)

    assert lines < 200, (
        f"{lines} lines of Python ran for 2,000 resamples: draw them all in one array, "
        "rng.choice(a, size=(n_resamples, len(a))), instead of looping over the resamples"
    )
