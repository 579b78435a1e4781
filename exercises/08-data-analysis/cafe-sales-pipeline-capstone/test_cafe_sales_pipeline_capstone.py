import matplotlib

matplotlib.use("Agg")

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from cafe_sales_pipeline_capstone import main
from cafepipe.clean import clean_sales
from cafepipe.figure import revenue_figure
from cafepipe.load import load_sales, load_stores
from cafepipe.pipeline import run
from cafepipe.reshape import add_city, daily_revenue
from cafepipe.stats import PromoEffect, promo_effect

HERE = Path(__file__).parent
SALES_CSV = HERE / "cafe_sales.csv"
STORES_CSV = HERE / "cafe_stores.csv"
RAW_COLUMNS = ["receipt_id", "sold_at", "store_id", "product", "qty", "unit_price", "promo"]
CONTROL = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
TREATMENT = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]


@pytest.fixture
def raw():
    return load_sales(SALES_CSV)


@pytest.fixture
def stores():
    return load_stores(STORES_CSV)


@pytest.fixture
def cleaned(raw):
    return clean_sales(raw)


@pytest.fixture
def sales(cleaned, stores):
    return add_city(cleaned[0], stores)


def receipts(revenues_promo, revenues_regular):
    """A small cleaned-sales table with the given revenue per promo and regular receipt."""
    revenue = list(revenues_promo) + list(revenues_regular)
    return pd.DataFrame(
        {"revenue": revenue, "promo": [True] * len(revenues_promo) + [False] * len(revenues_regular)}
    )


# --- clean.py -------------------------------------------------------------------------------


def test_clean_sales_counts_what_each_step_dropped(cleaned):
    clean, dropped = cleaned

    assert list(dropped.items()) == [("duplicate", 1), ("bad_qty", 2), ("no_price", 1)]
    assert len(clean) == 17


def test_clean_sales_keeps_the_first_row_of_a_repeated_receipt(cleaned):
    clean, _ = cleaned

    assert list(clean["receipt_id"]).count("R005") == 1
    assert clean["receipt_id"].is_unique


def test_clean_sales_drops_voided_and_unpriced_lines(cleaned):
    ids = set(cleaned[0]["receipt_id"])

    assert not ids & {"R007", "R011"}, "R007 has qty 0 and R011 no qty: drop both"
    assert "R014" not in ids, "R014 has no unit_price"


def test_clean_sales_tidies_the_product_names(cleaned):
    assert sorted(set(cleaned[0]["product"])) == ["cake", "croissant", "espresso", "latte", "tea"], (
        "strip the spaces and lower the case: ' latte ', 'LATTE' and 'Latte' are one product"
    )


def test_clean_sales_adds_revenue_in_cents(cleaned):
    clean, _ = cleaned

    assert list(clean.columns) == RAW_COLUMNS + ["revenue"]
    assert list(clean["revenue"].iloc[:4]) == [7.0, 3.5, 6.6, 8.0], (
        "qty * unit_price rounded to 2 decimals (3 * 2.2 is 6.6000000000000005 in floats)"
    )
    assert list(clean.index) == list(range(17)), "reset_index(drop=True) after dropping rows"


def test_clean_sales_rounds_revenue_to_two_decimals():
    raw = pd.DataFrame(
        {"receipt_id": ["R1", "R2"], "product": ["Tea", "Cake"], "qty": [2, 1], "unit_price": [0.333, 4.0]}
    )

    assert list(clean_sales(raw)[0]["revenue"]) == [0.67, 4.0], "2 * 0.333 = 0.666 -> 0.67"


def test_clean_sales_deduplicates_before_it_drops_bad_lines():
    raw = pd.DataFrame(
        {
            "receipt_id": ["R1", "R1", "R2"],
            "product": ["Tea", "Tea", "Cake"],
            "qty": [0, 2, -1],
            "unit_price": [2.5, 2.5, 4.0],
        }
    )

    clean, dropped = clean_sales(raw)

    assert clean.empty, (
        "the first R1 is the receipt (voided, qty 0); the second is the till's duplicate and "
        "goes too; R2 returns an item (qty -1)"
    )
    assert dropped == {"duplicate": 1, "bad_qty": 2, "no_price": 0}


def test_clean_sales_leaves_the_callers_table_unchanged(raw):
    before = raw.copy()

    clean_sales(raw)

    pd.testing.assert_frame_equal(
        raw, before, obj="the raw sales passed in (no product or revenue changes written into it)"
    )


# --- reshape.py -----------------------------------------------------------------------------


def test_add_city_adds_the_city_of_every_sale_in_order(cleaned, sales):
    assert list(sales.columns) == RAW_COLUMNS + ["revenue", "city"]
    assert list(sales["receipt_id"]) == list(cleaned[0]["receipt_id"])
    assert list(sales["city"].iloc[:5]) == ["Berlin", "Berlin", "Köln", "Berlin", "Köln"]


def test_add_city_adds_only_the_city_column(cleaned, stores):
    stores = stores.assign(manager=["Ada", "Ben", "Cem"])

    assert list(add_city(cleaned[0], stores).columns)[-2:] == ["revenue", "city"]


def test_add_city_refuses_sales_of_unknown_stores(cleaned, stores):
    sales = cleaned[0].copy()
    sales.loc[[0, 3], "store_id"] = ["Z1", "B9"]

    with pytest.raises(ValueError, match=r"unknown store ids: \['B9', 'Z1'\]"):
        add_city(sales, stores)


def test_add_city_refuses_a_store_listed_twice(cleaned, stores):
    twice = pd.concat([stores, pd.DataFrame({"store_id": ["K1"], "city": ["Bonn"]})])

    with pytest.raises(ValueError, match="many-to-one"):
        add_city(cleaned[0], twice)


def test_daily_revenue_sums_each_local_day_and_city(sales):
    daily = daily_revenue(sales)

    assert daily.index.name == "day" and daily.columns.name == "city"
    assert list(daily.index) == ["2024-06-03", "2024-06-04", "2024-06-05"]
    assert list(daily.columns) == ["Berlin", "Köln"]
    assert daily.values.tolist() == [[26.9, 10.0], [15.3, 13.0], [28.6, 7.8]], (
        "R008 was sold at 00:30 Berlin time on 4 June (22:30 UTC on the 3rd): it counts for "
        "4 June; sums are rounded to cents"
    )


def test_daily_revenue_rounds_the_sums_to_cents():
    day = pd.Timestamp("2024-06-03 09:00", tz="Europe/Berlin")
    sales = pd.DataFrame(
        {"sold_at": [day] * 3, "city": ["Köln"] * 3, "revenue": [0.333, 0.334, 2.25]}
    )

    assert daily_revenue(sales).values.tolist() == [[2.92]], "0.333 + 0.334 + 2.25 = 2.917 -> 2.92"


def test_daily_revenue_shows_zero_for_a_city_without_sales(sales):
    no_cologne_on_the_4th = sales[~((sales["city"] == "Köln") & (sales["sold_at"].dt.day == 4))]

    daily = daily_revenue(no_cologne_on_the_4th)

    assert daily.loc["2024-06-04", "Köln"] == 0.0, "fill_value=0.0"
    assert not daily.isna().any().any()


# --- stats.py -------------------------------------------------------------------------------


def test_promo_effect_on_the_cafe_data(sales):
    effect = promo_effect(sales)

    assert isinstance(effect, PromoEffect)
    assert effect.mean_promo == pytest.approx(64.1 / 7)
    assert effect.mean_regular == pytest.approx(3.75)
    assert effect.t == pytest.approx(6.135056, rel=1e-6)
    assert effect.p == pytest.approx(5.262696e-05, rel=1e-5)
    assert effect.significant is True


def test_promo_effect_is_welchs_one_sided_test_promo_first():
    effect = promo_effect(receipts(TREATMENT, CONTROL))

    assert effect.t == pytest.approx(2.455356, rel=1e-6), "promo receipts first: t > 0"
    assert effect.p == pytest.approx(0.010689, rel=1e-5), (
        "Welch's one-sided p (equal_var=False, alternative='greater'); Student's is 0.0103, "
        "the two-sided one 0.0214"
    )


def test_an_effect_in_the_other_direction_is_never_significant():
    effect = promo_effect(receipts(CONTROL, TREATMENT))

    assert effect.t < 0
    assert effect.p == pytest.approx(1 - 0.010689, rel=1e-5), (
        "promotions brought in LESS: the one-sided p for 'greater' is near 1; halving a "
        "two-sided p or taking |t| would call this significant"
    )
    assert effect.significant is False


def test_significance_needs_p_strictly_below_alpha():
    data = receipts(TREATMENT, CONTROL)
    p = promo_effect(data).p

    assert promo_effect(data, alpha=p).significant is False, "significant means p < alpha"
    assert promo_effect(data, alpha=0.01).significant is False
    assert promo_effect(data, alpha=0.02).significant is True


def test_two_receipts_in_each_group_are_enough():
    effect = promo_effect(receipts([9.0, 8.0], [3.0, 4.0]))

    assert effect.mean_promo == 8.5 and effect.mean_regular == 3.5


@pytest.mark.parametrize(
    "promo, regular",
    [([9.0], [3.0, 4.0, 5.0]), ([9.0, 8.0], [3.0]), ([], [3.0, 4.0])],
    ids=["one-promo-receipt", "one-regular-receipt", "no-promo-receipt"],
)
def test_promo_effect_needs_two_receipts_in_each_group(promo, regular):
    with pytest.raises(ValueError, match="at least two receipts"):
        promo_effect(receipts(promo, regular))


# --- figure.py ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def figure():
    sales = add_city(clean_sales(load_sales(SALES_CSV))[0], load_stores(STORES_CSV))
    fig = revenue_figure(daily_revenue(sales))
    yield fig
    plt.close("all")


def test_the_figure_has_its_title_and_labels(figure):
    assert len(figure.axes) == 1
    ax = figure.axes[0]
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Daily revenue", "Day", "Revenue (EUR)")
    assert tuple(figure.get_size_inches()) == (8, 4)


def test_the_figure_draws_one_line_per_city_over_the_days(figure):
    ax = figure.axes[0]

    drawn = [list(line.get_ydata()) for line in ax.get_lines() if len(line.get_ydata())]
    assert drawn == [[26.9, 15.3, 28.6], [10.0, 13.0, 7.8]], (
        "melt the daily table to long form (day, city, revenue) and draw "
        "sns.lineplot(x='day', y='revenue', hue='city')"
    )
    assert [label.get_text() for label in ax.get_xticklabels()] == ["2024-06-03", "2024-06-04", "2024-06-05"]
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["Berlin", "Köln"]


def test_the_figure_leaves_the_daily_table_unchanged(sales):
    daily = daily_revenue(sales)
    before = daily.copy()

    plt.close(revenue_figure(daily))

    pd.testing.assert_frame_equal(daily, before, obj="the daily table passed in")


# --- pipeline.py and main ------------------------------------------------------------------


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("cafe") / "reports" / "june"
    plt.close("all")
    report = run(SALES_CSV, STORES_CSV, out_dir)
    return report, out_dir, plt.get_fignums()


def test_run_returns_the_report(ran):
    report, _, _ = ran

    assert report == {
        "rows_read": 21,
        "rows_used": 17,
        "dropped": {"duplicate": 1, "bad_qty": 2, "no_price": 1},
        "revenue_total": 101.6,
        "promo_p": pytest.approx(5.262696e-05, rel=1e-5),
        "promo_significant": True,
    }


def test_run_writes_the_daily_table_as_csv(ran):
    _, out_dir, _ = ran

    written = pd.read_csv(out_dir / "daily_revenue.csv")
    assert list(written.columns) == ["day", "Berlin", "Köln"], "keep the 'day' index as a column"
    assert written.values.tolist() == [
        ["2024-06-03", 26.9, 10.0], ["2024-06-04", 15.3, 13.0], ["2024-06-05", 28.6, 7.8]
    ]


def test_run_saves_the_figure_and_closes_it(ran):
    _, out_dir, open_figures = ran

    assert (out_dir / "daily_revenue.png").read_bytes().startswith(b"\x89PNG"), (
        "out_dir is created with its parents (mkdir(parents=True, exist_ok=True))"
    )
    assert open_figures == [], "close the figure after saving it: plt.close(fig)"


def test_run_saves_the_figure_at_sixty_dpi(ran):
    _, out_dir, _ = ran

    header = (out_dir / "daily_revenue.png").read_bytes()[16:24]
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")
    assert (width, height) == (480, 240), "an 8 x 4 inch figure saved with dpi=60"


def test_run_can_write_into_a_folder_that_exists(tmp_path):
    run(SALES_CSV, STORES_CSV, tmp_path)
    run(SALES_CSV, STORES_CSV, tmp_path)

    assert (tmp_path / "daily_revenue.csv").exists(), (
        "the nightly run writes into last night's folder again: mkdir(..., exist_ok=True)"
    )


def test_run_with_an_unknown_store_writes_nothing(tmp_path, stores):
    stores_csv = tmp_path / "stores.csv"
    stores[stores["store_id"] != "K1"].to_csv(stores_csv, index=False)
    out_dir = tmp_path / "out"

    with pytest.raises(ValueError, match=r"unknown store ids: \['K1'\]"):
        run(SALES_CSV, stores_csv, out_dir)

    assert not out_dir.exists(), "check everything before writing any file"


def test_main_prints_the_report(tmp_path, capsys):
    status = main([str(SALES_CSV), str(STORES_CSV), str(tmp_path / "out")])

    assert status == 0
    assert capsys.readouterr().out == (
        "read 21 rows, used 17 (dropped: duplicate 1, bad_qty 2, no_price 1)\n"
        "revenue 101.60 EUR\n"
        "promotion effect: p = 0.0001 (significant)\n"
    )
    assert (tmp_path / "out" / "daily_revenue.csv").exists()


def test_main_says_when_the_effect_is_not_significant(tmp_path, capsys):
    sales_csv = tmp_path / "sales.csv"
    sales_csv.write_text(
        "receipt_id,sold_at,store_id,product,qty,unit_price,promo\n"
        "R1,2024-06-03T07:00:00Z,B1,Tea,1,2.55,1\n"
        "R2,2024-06-03T08:00:00Z,B1,Cake,1,4.20,1\n"
        "R3,2024-06-03T09:00:00Z,K1,Latte,1,3.50,0\n"
        "R4,2024-06-03T10:00:00Z,K1,Cake,1,4.20,0\n",
        encoding="utf-8",
    )

    status = main([str(sales_csv), str(STORES_CSV), str(tmp_path / "out")])

    assert status == 0
    assert capsys.readouterr().out == (
        "read 4 rows, used 4 (dropped: duplicate 0, bad_qty 0, no_price 0)\n"
        "revenue 14.45 EUR\n"
        "promotion effect: p = 0.6650 (not significant)\n"
    )


def test_main_without_arguments_shows_the_usage_of_cafepipe(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])

    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("usage: cafepipe "), 'ArgumentParser(prog="cafepipe")'


def test_main_reports_a_pipeline_error_without_a_traceback(tmp_path, capsys):
    stores_csv = tmp_path / "stores.csv"
    stores_csv.write_text("store_id,city\nB1,Berlin\nB2,Berlin\n", encoding="utf-8")

    status = main([str(SALES_CSV), str(stores_csv), str(tmp_path / "out")])

    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err == "cafepipe: unknown store ids: ['K1']\n"
