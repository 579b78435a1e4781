import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from region_small_multiples_sharey import save_each, small_multiples

MONTHS = ["Jan", "Feb", "Mar"]
SALES = {"West": [500, 520, 480], "North": [5, 9, 7], "Süd": [120, 90, 150], "East": [60, 70, 65]}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def sales():
    rows = [
        {"region": region, "month": month, "sales": amount}
        for region, amounts in SALES.items()
        for month, amount in zip(MONTHS, amounts)
    ]
    return pd.DataFrame(rows)


def visible(fig):
    return [ax for ax in fig.axes if ax.get_visible()]


def test_one_panel_per_group_sorted_by_name(sales):
    fig = small_multiples(sales, "sales", "region")

    assert [ax.get_title() for ax in visible(fig)] == ["East", "North", "Süd", "West"]


def test_the_panels_fill_a_grid_row_by_row(sales):
    fig = small_multiples(sales, "sales", "region")

    assert len(fig.axes) == 6, "4 groups in 3 columns need 2 rows: a 2 x 3 grid"
    east, north, sud, west = (ax.get_position() for ax in visible(fig))
    assert east.x1 <= north.x0 and north.x1 <= sud.x0, "the first row holds the first three groups"
    assert west.y1 <= east.y0 and west.x0 == pytest.approx(east.x0), "West starts the second row"
    assert tuple(fig.get_size_inches()) == (12, 6), "figsize (4 * ncols, 3 * nrows)"


def test_the_spare_axes_are_hidden(sales):
    fig = small_multiples(sales, "sales", "region")

    assert [ax.get_visible() for ax in fig.axes] == [True, True, True, True, False, False], (
        "hide the Axes the grid has left over: ax.set_visible(False)"
    )


def test_every_panel_draws_its_groups_values_by_month(sales):
    fig = small_multiples(sales, "sales", "region")

    lines = [ax.get_lines() for ax in visible(fig)]
    assert [len(panel) for panel in lines] == [1, 1, 1, 1], "one line per panel"
    assert [list(panel[0].get_ydata()) for panel in lines] == [
        [60, 70, 65], [5, 9, 7], [120, 90, 150], [500, 520, 480]
    ]
    assert list(lines[0][0].get_xdata()) == MONTHS
    assert all(panel[0].get_marker() == "o" for panel in lines)


def test_all_panels_share_one_y_range(sales):
    fig = small_multiples(sales, "sales", "region")

    limits = {ax.get_ylim() for ax in visible(fig)}
    assert len(limits) == 1, (
        "sharey=True: North's 5-9 drawn on its own scale would look as big as West's 500"
    )
    low, high = limits.pop()
    assert low <= 5 and high >= 520


def test_all_panels_share_the_x_and_y_axes(sales):
    first, *others = visible(small_multiples(sales, "sales", "region"))

    assert all(first.get_shared_y_axes().joined(first, ax) for ax in others), "sharey=True"
    assert all(first.get_shared_x_axes().joined(first, ax) for ax in others), (
        "sharex=True: the months line up from panel to panel"
    )


def test_the_figure_is_titled_with_the_value_column(sales):
    fig = small_multiples(sales.rename(columns={"sales": "units"}), "units", "region")

    assert [text.get_text() for text in fig.texts] == ["units"], "fig.suptitle(value)"


@pytest.mark.parametrize(
    "ncols, shape",
    [(1, (4, 1)), (2, (2, 2)), (4, (1, 4)), (5, (1, 5))],
    ids=["one-column", "two-by-two", "one-full-row", "one-row-with-a-spare"],
)
def test_the_grid_follows_ncols(sales, ncols, shape):
    fig = small_multiples(sales, "sales", "region", ncols=ncols)

    rows, cols = shape
    assert len(fig.axes) == rows * cols
    assert len(visible(fig)) == 4
    assert tuple(fig.get_size_inches()) == (4 * cols, 3 * rows)


def test_a_single_group_makes_a_single_panel(sales):
    fig = small_multiples(sales[sales["region"] == "Süd"], "sales", "region", ncols=1)

    assert [ax.get_title() for ax in fig.axes] == ["Süd"], (
        "squeeze=False keeps a 2-D array of Axes even for one panel"
    )


def test_every_call_makes_a_new_figure(sales):
    first = small_multiples(sales, "sales", "region")
    second = small_multiples(sales, "sales", "region")

    assert first is not second and len(second.axes) == 6


@pytest.mark.parametrize("ncols", [0, -2], ids=["zero", "negative"])
def test_ncols_below_one_is_an_error(sales, ncols):
    with pytest.raises(ValueError, match="ncols must be at least 1"):
        small_multiples(sales, "sales", "region", ncols=ncols)


def test_no_rows_is_an_error(sales):
    with pytest.raises(ValueError, match="no groups"):
        small_multiples(sales.iloc[0:0], "sales", "region")


def test_save_each_writes_one_png_per_group_and_closes_them(sales, tmp_path):
    plt.close("all")
    out_dir = tmp_path / "charts" / "regions"

    paths = save_each(sales, "sales", "region", out_dir)

    assert paths == [out_dir / f"{name}.png" for name in ["East", "North", "Süd", "West"]]
    assert all(path.read_bytes().startswith(b"\x89PNG") for path in paths)
    assert plt.get_fignums() == [], "close each figure after saving it: plt.close(fig)"


def test_save_each_saves_one_panel_at_thirty_dpi(sales, tmp_path):
    path = save_each(sales, "sales", "region", tmp_path)[0]

    header = path.read_bytes()[16:24]
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")
    assert (width, height) == (120, 90), "one 4 x 3 inch panel (ncols=1) saved with dpi=30"
