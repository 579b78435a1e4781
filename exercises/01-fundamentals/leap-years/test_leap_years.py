import calendar

import pytest

from leap_years import days_in_month, is_leap_year, is_valid_date


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, True), (2023, False), (2000, True), (1900, False), (2100, False), (2400, True), (0, True), (-4, True), (-100, False)],
    ids=["divisible-by-4", "not-divisible-by-4", "divisible-by-400", "century-1900", "century-2100", "year-2400", "year-zero", "minus-4", "minus-100"],
)
def test_is_leap_year_follows_the_gregorian_rule(year, expected):
    assert is_leap_year(year) is expected, f"is_leap_year({year}) should be {expected}"


def test_is_leap_year_agrees_with_the_calendar_module_for_every_year_from_1_to_3000():
    wrong = [year for year in range(1, 3001) if is_leap_year(year) != calendar.isleap(year)]
    assert not wrong, f"wrong answer for {len(wrong)} years, the first being {wrong[:5]}"


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [(2023, 1, 31), (2023, 2, 28), (2024, 2, 29), (1900, 2, 28), (2000, 2, 29), (2023, 4, 30), (2023, 11, 30), (2023, 12, 31)],
    ids=["january", "february-common-year", "february-leap-year", "february-1900", "february-2000", "april", "november", "december"],
)
def test_days_in_month_counts_the_days(year, month, expected):
    assert days_in_month(year, month) == expected


def test_days_in_month_agrees_with_the_calendar_module_for_every_month_of_2023_and_2024():
    for year in (2023, 2024):
        for month in range(1, 13):
            expected = calendar.monthrange(year, month)[1]
            assert days_in_month(year, month) == expected, f"{year}-{month:02} has {expected} days"


@pytest.mark.parametrize("month", [0, 13, -1], ids=["zero", "thirteen", "negative"])
def test_days_in_month_rejects_a_month_outside_1_to_12(month):
    with pytest.raises(ValueError, match=rf"month must be 1\.\.12, got {month}"):
        days_in_month(2024, month)


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(2024, 2, 29), (2023, 1, 1), (2023, 12, 31), (2023, 4, 30)],
    ids=["leap-day", "first-day-of-year", "last-day-of-year", "end-of-april"],
)
def test_is_valid_date_accepts_real_dates(year, month, day):
    assert is_valid_date(year, month, day) is True


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(2023, 2, 29), (1900, 2, 29), (2023, 4, 31), (2023, 1, 0), (2023, 1, 32), (2023, 1, -1)],
    ids=["no-leap-day-in-2023", "no-leap-day-in-1900", "april-31", "day-zero", "day-32", "negative-day"],
)
def test_is_valid_date_rejects_days_that_do_not_exist(year, month, day):
    assert is_valid_date(year, month, day) is False


@pytest.mark.parametrize("month", [0, 13], ids=["month-zero", "month-thirteen"])
def test_is_valid_date_returns_false_for_a_bad_month_instead_of_raising(month):
    try:
        result = is_valid_date(2024, month, 1)
    except ValueError as error:
        result = f"ValueError({str(error)!r})"
    assert result is False, (
        "is_valid_date should return False, not raise: check the month first, "
        "so that `and` short-circuits before days_in_month() is called"
    )
