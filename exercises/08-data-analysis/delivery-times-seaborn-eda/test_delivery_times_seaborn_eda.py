import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from delivery_times_seaborn_eda import eda_figure, missing_report

NAN = np.nan


def make_deliveries():
    # Weekdays appear out of calendar order; Wednesday and Friday never occur.
    return pd.DataFrame(
        {
            "weekday": ["Thu", "Mon", "Sat", "Mon", "Thu", "Tue", "Sat", "Mon", "Sun", "Tue"],
            "minutes": [35.0, 22.0, 61.0, NAN, 41.0, 18.0, 55.0, 30.0, 47.0, 26.0],
            "distance_km": [5.0, 2.5, 9.0, 3.0, 6.5, NAN, NAN, 4.0, 3.5, 2.0],
            "items": [3, 6, 1, 2, 4, 1, 5, 2, 2, 3],
        }
    )


@pytest.fixture
def deliveries():
    return make_deliveries()


@pytest.fixture(scope="module")
def fig():
    # One figure for the tests that only look at it: drawing one takes a moment.
    figure = eda_figure(make_deliveries())
    yield figure
    plt.close("all")


def test_missing_report_counts_and_shares_the_gaps_most_first(deliveries):
    report = missing_report(deliveries)

    assert list(report.columns) == ["missing", "share"]
    assert report.index.name == "column"
    assert list(report.index) == ["distance_km", "minutes", "items", "weekday"], (
        "most missing first; the same count (items and weekday: 0) by name"
    )
    assert list(report["missing"]) == [2, 1, 0, 0]
    assert list(report["share"]) == pytest.approx([0.2, 0.1, 0.0, 0.0]), "missing / rows"


def test_missing_report_breaks_ties_by_column_name():
    df = pd.DataFrame({"zeta": [NAN, 1.0], "alpha": [NAN, 2.0], "mid": [NAN, NAN]})

    assert list(missing_report(df).index) == ["mid", "alpha", "zeta"]


def test_the_figure_has_three_titled_panels_side_by_side(fig):
    assert len(fig.axes) >= 3, "three panels: plt.subplots(1, 3, ...)"
    hist, box, heat = fig.axes[:3]
    assert [ax.get_title() for ax in (hist, box, heat)] == [
        "Delivery time", "By weekday", "Correlation"
    ]
    assert hist.get_position().x1 <= box.get_position().x0 <= heat.get_position().x0, (
        "one row, three columns, in the order histogram, box plot, heatmap"
    )
    assert tuple(fig.get_size_inches()) == (15, 4)


def test_the_histogram_uses_ten_minute_bins_from_zero(fig):
    bars = fig.axes[0].patches

    assert [float(bar.get_x()) for bar in bars] == [0, 10, 20, 30, 40, 50, 60], (
        "bins=np.arange(0, max + 10, 10): edges 0, 10, ..., 70 for a largest value of 61"
    )
    assert [float(bar.get_width()) for bar in bars] == [10] * 7
    assert [int(bar.get_height()) for bar in bars] == [0, 1, 2, 2, 2, 1, 1], (
        "counts of the minutes present (the NaN is not a delivery time)"
    )
    assert fig.axes[0].get_xlabel() == "minutes"


def test_the_box_plot_shows_the_days_present_in_calendar_order(fig):
    box = fig.axes[1]

    assert [label.get_text() for label in box.get_xticklabels()] == ["Mon", "Tue", "Thu", "Sat", "Sun"], (
        "order=[...] in calendar order with only the days in the data; seaborn's default order "
        "is the order of first appearance (Thu, Mon, Sat, ...)"
    )
    assert box.get_ylabel() == "minutes", "the box plot shows minutes (y) per weekday (x)"


def test_the_box_plot_boxes_hold_each_days_minutes(fig):
    box = fig.axes[1]

    medians = [float(line.get_ydata()[0]) for line in box.containers[0].medians]
    assert medians == [26.0, 22.0, 38.0, 58.0, 47.0], (
        "the median minutes of Mon, Tue, Thu, Sat, Sun, each in its own box"
    )


def test_other_days_and_a_round_largest_value():
    df = pd.DataFrame(
        {
            "weekday": ["Sun", "Fri", "Wed", "Mon", "Fri"],
            "minutes": [12.0, 60.0, 33.0, 25.0, 48.0],
            "distance_km": [1.0, 8.0, 4.0, 3.0, 6.0],
            "items": [1, 2, 2, 1, 3],
        }
    )

    hist, box = eda_figure(df).axes[:2]

    assert [label.get_text() for label in box.get_xticklabels()] == ["Mon", "Wed", "Fri", "Sun"]
    assert [float(bar.get_x()) for bar in hist.patches] == [0, 10, 20, 30, 40, 50], (
        "the largest value is 60: the last edge is 60 (np.arange(0, 60 + 10, 10) stops before 70)"
    )
    assert [int(bar.get_height()) for bar in hist.patches] == [0, 1, 1, 1, 1, 1]
    plt.close("all")


def test_the_heatmap_annotates_the_correlation_of_the_numbers(fig):
    heat = fig.axes[2]
    corr = make_deliveries()[["minutes", "distance_km", "items"]].corr()

    assert [label.get_text() for label in heat.get_xticklabels()] == ["minutes", "distance_km", "items"]
    assert [text.get_text() for text in heat.texts] == [f"{value:.2f}" for value in corr.to_numpy().ravel()], (
        "annot=True with fmt='.2f' on the Pearson correlation of the three number columns only"
    )


def test_the_heatmap_colour_scale_runs_from_minus_one_to_one(fig):
    mesh = fig.axes[2].collections[0]

    assert tuple(float(limit) for limit in mesh.get_clim()) == (-1.0, 1.0), (
        "fix vmin=-1, vmax=1: an automatic scale makes weak correlations look strong"
    )


def test_every_call_makes_a_new_figure(deliveries):
    first = eda_figure(deliveries)
    second = eda_figure(deliveries)

    assert first is not second
    assert len(first.axes[0].patches) == 7 and len(second.axes[0].patches) == 7, (
        "draw on the Axes of a new plt.subplots(...) figure, not on plt's current figure"
    )
    plt.close(first)
    plt.close(second)


def test_the_figure_saves_as_a_png_without_a_window(fig, tmp_path):
    path = tmp_path / "eda.png"

    fig.savefig(path, dpi=20)

    assert path.read_bytes().startswith(b"\x89PNG")


def test_the_callers_dataframe_is_left_unchanged(deliveries):
    before = deliveries.copy()

    missing_report(deliveries)
    plt.close(eda_figure(deliveries))

    pd.testing.assert_frame_equal(deliveries, before, obj="the DataFrame passed in")
