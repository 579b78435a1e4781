import numpy as np
import pytest
from scipy import stats

from scipy_stats_tests_by_hand import (
    Comparison,
    chi_square_by_hand,
    chi_square_scipy,
    compare_groups,
    mann_whitney_u_by_hand,
    one_sided_p,
)

CONTROL = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
TREATMENT = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
TWO_BY_TWO = [[30, 10], [20, 25]]
TWO_BY_THREE = [[12, 5, 9], [7, 14, 3]]
CHI_SQUARE_FUNCTIONS = pytest.mark.parametrize(
    "chi_square", [chi_square_by_hand, chi_square_scipy], ids=["by-hand", "scipy"]
)


@CHI_SQUARE_FUNCTIONS
def test_chi_square_of_a_two_by_two_table_is_pearsons(chi_square):
    statistic, p, dof, expected = chi_square(TWO_BY_TWO)

    assert statistic == pytest.approx(8.162698, rel=1e-6), (
        "Pearson's statistic, sum of (O - E)² / E; scipy's chi2_contingency applies Yates' "
        "correction to a 2 x 2 table (6.95) unless correction=False"
    )
    assert p == pytest.approx(0.00427607, rel=1e-5), "the upper tail: stats.chi2.sf(statistic, dof)"
    assert dof == 1 and type(dof) is int
    assert np.allclose(expected, [[40 * 50 / 85, 40 * 35 / 85], [45 * 50 / 85, 45 * 35 / 85]])


@CHI_SQUARE_FUNCTIONS
def test_chi_square_of_a_wider_table(chi_square):
    statistic, p, dof, expected = chi_square(TWO_BY_THREE)

    assert statistic == pytest.approx(8.512567, rel=1e-6)
    assert p == pytest.approx(0.01417488, rel=1e-5)
    assert dof == 2, "(rows - 1) * (columns - 1)"
    assert np.allclose(expected, [[9.88, 9.88, 6.24], [9.12, 9.12, 5.76]])
    assert type(statistic) is float and type(p) is float


def test_the_hand_made_and_the_scipy_chi_square_agree_on_transposed_counts():
    by_hand = chi_square_by_hand(np.array(TWO_BY_THREE).T)
    scipy_ = chi_square_scipy(np.array(TWO_BY_THREE).T)

    assert by_hand[:3] == pytest.approx(scipy_[:3])
    assert np.allclose(by_hand[3], scipy_[3])
    assert by_hand[2] == 2


@CHI_SQUARE_FUNCTIONS
@pytest.mark.parametrize(
    "table, message",
    [
        ([[1, 2, 3]], "at least 2 x 2"),
        ([[1], [2]], "at least 2 x 2"),
        ([1, 2, 3, 4], "at least 2 x 2"),
        ([[5, -1], [3, 4]], "negative"),
        ([[0, 0], [3, 4]], "expected count of 0"),
        ([[0, 5], [0, 4]], "expected count of 0"),
    ],
    ids=["one-row", "one-column", "flat-list", "negative-count", "empty-row", "empty-column"],
)
def test_chi_square_refuses_a_table_it_cannot_test(chi_square, table, message):
    with pytest.raises(ValueError, match=message):
        chi_square(table)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ([1, 2, 3], [2, 4], 1.5),
        ([5, 6], [1, 2, 3], 6.0),
        ([1, 2], [5, 6, 7], 0.0),
        ([3, 3], [3], 1.0),
        ([-1.5], [-2.5], 1.0),
    ],
    ids=["one-tie", "a-wins-every-pair", "b-wins-every-pair", "all-ties", "negative-values"],
)
def test_mann_whitney_u_counts_wins_and_half_ties(a, b, expected):
    assert mann_whitney_u_by_hand(a, b) == expected
    assert stats.mannwhitneyu(a, b).statistic == expected, "scipy's U of the first sample agrees"


def test_mann_whitney_u_by_hand_matches_scipy_on_real_data():
    assert mann_whitney_u_by_hand(TREATMENT, CONTROL) == 171.5
    assert mann_whitney_u_by_hand(CONTROL, TREATMENT) == 15 * 15 - 171.5, "U_a + U_b = n_a * n_b"


@pytest.mark.parametrize("a, b", [([], [1, 2]), ([1], [])], ids=["a-empty", "b-empty"])
def test_mann_whitney_u_refuses_an_empty_sample(a, b):
    with pytest.raises(ValueError, match="at least one value"):
        mann_whitney_u_by_hand(a, b)


def test_compare_groups_runs_welch_two_sided_by_default():
    result = compare_groups(CONTROL, TREATMENT)

    assert isinstance(result, Comparison)
    assert result.welch_t == pytest.approx(2.455356, rel=1e-6), (
        "treatment FIRST: its mean is higher, so t is positive"
    )
    assert result.welch_p == pytest.approx(0.021378, rel=1e-5), (
        "Welch's test (equal_var=False) gives p = 0.0214; Student's (equal_var=True) 0.0205"
    )
    assert result.mann_whitney_u == 171.5
    assert result.mann_whitney_p == pytest.approx(0.0152013, rel=1e-5)
    assert all(type(value) is float for value in result)


@pytest.mark.parametrize(
    "alternative, welch_p, mann_whitney_p",
    [("greater", 0.010689, 0.00760065), ("less", 0.989311, 0.99322627)],
    ids=["treatment-greater", "treatment-less"],
)
def test_compare_groups_passes_the_alternative_with_treatment_first(alternative, welch_p, mann_whitney_p):
    result = compare_groups(CONTROL, TREATMENT, alternative)

    assert result.welch_p == pytest.approx(welch_p, rel=1e-5), (
        "alternative='greater' asks 'is TREATMENT larger?': ttest_ind(treatment, control, ...)"
    )
    assert result.mann_whitney_p == pytest.approx(mann_whitney_p, rel=1e-5)


@pytest.mark.parametrize("alternative", ["one-sided", "Greater", ""], ids=["made-up", "case", "blank"])
def test_compare_groups_refuses_an_unknown_alternative(alternative):
    with pytest.raises(ValueError, match="alternative must be one of"):
        compare_groups(CONTROL, TREATMENT, alternative)


@pytest.mark.parametrize(
    "t, alternative, expected",
    [
        (2.46, "greater", 0.0105),
        (-2.46, "greater", 0.9895),
        (-2.46, "less", 0.0105),
        (2.46, "less", 0.9895),
        (0.4, "greater", 0.0105),
        (0.4, "less", 0.9895),
    ],
    ids=[
        "greater-predicted-way",
        "greater-wrong-way",
        "less-predicted-way",
        "less-wrong-way",
        "greater-small-positive-t",
        "less-small-positive-t",
    ],
)
def test_one_sided_p_halves_only_in_the_predicted_direction(t, alternative, expected):
    assert one_sided_p(t, 0.021, alternative) == pytest.approx(expected), (
        "halve the two-sided p only when t points the way you predicted; otherwise 1 - p/2: "
        "an effect in the wrong direction is never significant"
    )


def test_one_sided_p_agrees_with_scipy():
    two_sided = stats.ttest_ind(CONTROL, TREATMENT, equal_var=False)
    greater = stats.ttest_ind(CONTROL, TREATMENT, equal_var=False, alternative="greater")

    assert one_sided_p(two_sided.statistic, two_sided.pvalue, "greater") == pytest.approx(greater.pvalue)


def test_one_sided_p_of_a_zero_t_is_one_half():
    assert one_sided_p(0.0, 1.0, "greater") == pytest.approx(0.5)
    assert one_sided_p(0.0, 1.0, "less") == pytest.approx(0.5)


@pytest.mark.parametrize("alternative", ["two-sided", "bigger"], ids=["two-sided", "made-up"])
def test_one_sided_p_refuses_anything_but_less_or_greater(alternative):
    with pytest.raises(ValueError, match="alternative"):
        one_sided_p(2.0, 0.05, alternative)
