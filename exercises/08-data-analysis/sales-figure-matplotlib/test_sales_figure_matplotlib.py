import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from sales_figure_matplotlib import sales_figure

MONTHS = ["Jan", "Feb", "Mar"]
SALES = {"North": [10, 12, 9], "South": [7, 8, 11], "West": [20, 5, 15]}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def fig():
    return sales_figure(MONTHS, SALES, "Q1 sales")


def test_the_figure_has_two_panels_and_a_title(fig):
    assert len(fig.axes) == 2, "plt.subplots(1, 2) makes the two panels"
    trend, totals = (ax.get_position() for ax in fig.axes)
    assert trend.x1 <= totals.x0 and trend.y0 == pytest.approx(totals.y0), (
        "the panels sit side by side, trend on the left: plt.subplots(1, 2), one row, two columns"
    )
    assert tuple(fig.get_size_inches()) == (10, 4), "a 10 x 4 inch figure: figsize=(10, 4)"
    assert [text.get_text() for text in fig.texts] == ["Q1 sales"], (
        "the title of the whole figure is set with fig.suptitle(title)"
    )


def test_the_trend_panel_has_its_title_and_axis_labels(fig):
    trend = fig.axes[0]

    assert trend.get_title() == "Monthly sales"
    assert trend.get_xlabel() == "Month"
    assert trend.get_ylabel() == "Sales (EUR)"


def test_the_trend_panel_draws_one_line_per_region_in_order(fig):
    lines = fig.axes[0].get_lines()

    assert [line.get_label() for line in lines] == ["North", "South", "West"], (
        "one ax.plot(..., label=region) call per region, in the dict's order"
    )
    assert [list(line.get_ydata()) for line in lines] == [[10, 12, 9], [7, 8, 11], [20, 5, 15]]
    assert all(line.get_marker() == "o" for line in lines), "draw each line with marker='o'"


def test_the_trend_panel_puts_the_months_on_the_x_axis(fig):
    first_line = fig.axes[0].get_lines()[0]

    assert list(first_line.get_xdata()) == MONTHS


def test_the_trend_panel_has_a_legend_with_every_region(fig):
    legend = fig.axes[0].get_legend()

    assert legend is not None, "call ax.legend() on the trend panel"
    assert [text.get_text() for text in legend.get_texts()] == ["North", "South", "West"]


def test_the_totals_panel_has_one_bar_per_region_tallest_first(fig):
    totals = fig.axes[1]

    assert [float(bar.get_height()) for bar in totals.patches] == [40, 31, 26], (
        "one bar per region, sorted by total with the largest first"
    )
    assert [tick.get_text() for tick in totals.get_xticklabels()] == ["West", "North", "South"]


def test_regions_with_the_same_total_all_get_a_bar_in_the_dicts_order():
    tied = {"North": [5, 5], "West": [9, 1], "East": [10, 0], "South": [20, 0]}

    totals = sales_figure(["Jan", "Feb"], tied, "Tie").axes[1]

    assert [tick.get_text() for tick in totals.get_xticklabels()] == [
        "South", "North", "West", "East"
    ], (
        "North, West and East all total 10: each keeps its bar (a dict keyed by the total would "
        "keep only one) and the tie keeps the dict's order (a stable sort on the total alone)"
    )
    assert [float(bar.get_height()) for bar in totals.patches] == [20, 10, 10, 10]


def test_the_totals_panel_has_its_title_labels_and_bar_values(fig):
    totals = fig.axes[1]

    assert totals.get_title() == "Total per region"
    assert totals.get_ylabel() == "Sales (EUR)"
    assert [text.get_text() for text in totals.texts] == ["40", "31", "26"], (
        "label the bars with ax.bar_label(bars, fmt=...)"
    )


def test_bar_labels_use_thousands_separators_and_no_decimals():
    fig = sales_figure(["Jan", "Feb"], {"Online": [1200.25, 34.5], "Zürich": [-50.0, 20.0]}, "Q")

    assert [text.get_text() for text in fig.axes[1].texts] == ["1,235", "-30"], (
        "1234.75 rounds to '1,235': format with fmt=\"{:,.0f}\""
    )


def test_a_single_region_and_a_single_month_still_make_a_figure():
    fig = sales_figure(["Jan"], {"Café": [3.5]}, "Tiny")

    assert len(fig.axes[0].get_lines()) == 1
    assert [float(bar.get_height()) for bar in fig.axes[1].patches] == [3.5]


def test_the_figure_can_be_saved_as_a_png_without_a_window(fig, tmp_path):
    path = tmp_path / "sales.png"

    fig.savefig(path, dpi=50)

    assert path.read_bytes().startswith(b"\x89PNG"), "savefig should write a PNG image"


def test_no_regions_is_an_error():
    with pytest.raises(ValueError, match="no sales"):
        sales_figure(MONTHS, {}, "Empty")


@pytest.mark.parametrize(
    "values",
    [[1, 2], [1, 2, 3, 4], []],
    ids=["one-value-short", "one-value-too-many", "no-values"],
)
def test_a_region_without_one_value_per_month_is_an_error_naming_it(values):
    with pytest.raises(ValueError, match="South"):
        sales_figure(MONTHS, {"North": [1, 2, 3], "South": values}, "Broken")
