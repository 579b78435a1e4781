import pytest

from clock_arithmetic import format_duration, pages_needed, weekday_after


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (3725, "1:02:05"),
        (0, "0:00:00"),
        (59, "0:00:59"),
        (60, "0:01:00"),
        (3599, "0:59:59"),
        (86400, "24:00:00"),
        (360000, "100:00:00"),
    ],
    ids=["ordinary", "zero", "just-under-a-minute", "one-minute", "just-under-an-hour", "one-day", "hundred-hours"],
)
def test_format_duration_splits_seconds_into_hours_minutes_and_seconds(seconds, expected):
    assert format_duration(seconds) == expected


def test_format_duration_is_exact_for_numbers_too_big_for_a_float():
    seconds = (10**17 + 1) * 3600 + 3599

    assert format_duration(seconds) == "100000000000000001:59:59", (
        "seconds / 3600 goes through a float and loses the last digits of the hours; "
        "stay with integers (divmod, // and %)"
    )


def test_format_duration_rejects_negative_seconds():
    with pytest.raises(ValueError, match="seconds must not be negative"):
        format_duration(-1)


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        ("Friday", 3, "Monday"),
        ("Monday", 0, "Monday"),
        ("Sunday", 1, "Monday"),
        ("Monday", -1, "Sunday"),
        ("Wednesday", -10, "Sunday"),
        ("Wednesday", 7 * 1000, "Wednesday"),
        ("Tuesday", -7 * 10**12 - 1, "Monday"),
    ],
    ids=["wraps-past-sunday", "zero-days", "sunday-to-monday", "one-day-back", "ten-days-back", "thousand-weeks", "huge-negative"],
)
def test_weekday_after_wraps_around_the_week_in_both_directions(day, days, expected):
    assert weekday_after(day, days) == expected, (
        f"{days} days after {day} should be {expected}"
    )


def test_weekday_after_walks_through_the_whole_week_in_order():
    week = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    assert [weekday_after("Monday", days) for days in range(14)] == week * 2
    assert [weekday_after(day, 1) for day in week] == week[1:] + week[:1]


@pytest.mark.parametrize("day", ["Funday", "monday", ""], ids=["made-up", "lowercase", "empty"])
def test_weekday_after_rejects_an_unknown_weekday(day):
    with pytest.raises(ValueError, match="unknown weekday"):
        weekday_after(day, 1)


@pytest.mark.parametrize(
    ("items", "per_page", "expected"),
    [(21, 10, 3), (20, 10, 2), (1, 10, 1), (0, 10, 0), (7, 1, 7), (3, 50, 1)],
    ids=["last-page-partly-filled", "pages-exactly-full", "one-item", "no-items", "one-per-page", "page-bigger-than-list"],
)
def test_pages_needed_rounds_up_to_whole_pages(items, per_page, expected):
    assert pages_needed(items, per_page) == expected


def test_pages_needed_is_exact_for_numbers_too_big_for_a_float():
    items = 10**18 + 1
    assert pages_needed(items, 10) == 10**17 + 1, (
        "math.ceil(items / per_page) goes through a float and loses the last digits; "
        "stay with integers (// and %)"
    )


@pytest.mark.parametrize("per_page", [0, -5], ids=["zero", "negative"])
def test_pages_needed_rejects_a_page_size_below_one(per_page):
    with pytest.raises(ValueError, match="per_page must be at least 1"):
        pages_needed(10, per_page)
