import numpy as np
import pandas as pd
import pytest

from grades_multiindex_stack_unstack import improvement, scores_long, subject_by_term

NAN = np.nan


@pytest.fixture
def wide():
    columns = pd.MultiIndex.from_tuples(
        [("T1", "math"), ("T1", "physics"), ("T2", "physics"), ("T2", "math"), ("T2", "art")],
        names=["term", "subject"],
    )
    return pd.DataFrame(
        [[60.0, 70.0, 75.0, 65.0, 80.0], [NAN, 50.0, 55.0, 90.0, NAN], [80.0, 85.0, NAN, 82.0, 70.0]],
        index=pd.Index(["Zoé", "Ali", "Mia"], name="student"),
        columns=columns,
    )


@pytest.fixture
def long(wide):
    return scores_long(wide)


def test_scores_long_has_one_entry_per_existing_score(long):
    assert long.name == "score"
    assert list(long.index.names) == ["student", "term", "subject"]
    assert len(long) == 12, "15 cells minus 3 absences: drop the NaN scores"


def test_scores_long_is_sorted_by_student_term_and_subject(long):
    assert list(long.index)[:4] == [
        ("Ali", "T1", "physics"), ("Ali", "T2", "math"), ("Ali", "T2", "physics"), ("Mia", "T1", "math")
    ]
    assert long[("Ali", "T2", "math")] == 90.0
    assert long[("Zoé", "T2", "art")] == 80.0


def test_subject_by_term_averages_each_subject_per_term(long):
    table = subject_by_term(long)

    assert list(table.index) == ["art", "math", "physics"]
    assert list(table.columns) == ["T1", "T2"]
    assert table.loc["math", "T1"] == 70.0, "Ali was absent: the mean of 60 and 80"
    assert table.loc["physics", "T1"] == pytest.approx(205 / 3)
    assert table.loc["math", "T2"] == pytest.approx(79.0)
    assert table.loc["physics", "T2"] == 65.0


def test_subject_by_term_leaves_a_subject_not_taught_missing(long):
    table = subject_by_term(long)

    assert pd.isna(table.loc["art", "T1"]), "art had no T1 exam: NaN, not 0"
    assert table.loc["art", "T2"] == 75.0


def test_improvement_subtracts_subjects_by_name(wide):
    change = improvement(wide, "T1", "T2")

    assert change.loc["Zoé", "math"] == 5.0 and change.loc["Zoé", "physics"] == 5.0, (
        "match the subjects by label: T2 lists physics first, so position-by-position "
        "subtraction gives Zoé 75 - 60 = 15 for math"
    )
    assert change.loc["Ali", "physics"] == 5.0


def test_improvement_has_every_subject_and_keeps_the_students_order(wide):
    change = improvement(wide, "T1", "T2")

    assert list(change.columns) == ["art", "math", "physics"]
    assert list(change.index) == ["Zoé", "Ali", "Mia"]
    assert change.isna().values.tolist() == [
        [True, False, False],
        [True, True, False],
        [True, False, True],
    ], "NaN wherever one of the two scores is missing"


def test_improvement_the_other_way_round_flips_the_sign(wide):
    assert improvement(wide, "T2", "T1").loc["Mia", "math"] == -2.0


@pytest.mark.parametrize(
    "before, after, named",
    [("T1", "T3", "T3"), ("T0", "T2", "T0"), ("t1", "T2", "t1")],
    ids=["unknown-after", "unknown-before", "case-matters"],
)
def test_improvement_refuses_an_unknown_term(wide, before, after, named):
    with pytest.raises(ValueError, match=rf"no term '{named}' in \['T1', 'T2'\]"):
        improvement(wide, before, after)


def test_nothing_passed_in_is_changed(wide):
    before = wide.copy()

    long = scores_long(wide)
    long_before = long.copy()
    subject_by_term(long)
    improvement(wide, "T1", "T2")

    pd.testing.assert_frame_equal(wide, before, obj="the wide DataFrame passed in")
    pd.testing.assert_series_equal(long, long_before, obj="the long Series passed in")
