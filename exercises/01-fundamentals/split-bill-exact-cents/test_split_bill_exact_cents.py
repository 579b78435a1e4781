import pytest

from split_bill_exact_cents import format_cents, split_evenly, to_cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [("19.99", 1999), ("0.29", 29), ("4.35", 435), ("1.15", 115), ("12.3", 1230), (" 12 ", 1200),
     ("-0.50", -50), ("0", 0), ("123456789012345678.91", 12345678901234567891)],
    ids=["ordinary", "0.29-is-29-not-28", "4.35", "1.15", "one-decimal", "whole-with-spaces",
         "negative", "zero", "huge"],
)
def test_to_cents_reads_the_exact_amount(text, cents):
    result = to_cents(text)

    assert result == cents and type(result) is int, (
        f"to_cents({text!r}) should be the int {cents}: via float, "
        f"int(float({text.strip()!r}) * 100) is {int(float(text) * 100)}; read it with Decimal"
    )


@pytest.mark.parametrize("text", ["abc", "", "1.005", "0.001", "NaN", "Infinity", "12,50"],
                         ids=["word", "empty", "three-decimals", "a-tenth-of-a-cent", "nan", "infinity",
                              "decimal-comma"])
def test_to_cents_refuses_text_that_is_not_a_cent_amount(text):
    with pytest.raises(ValueError, match=f"^not an amount in cents: {text!r}$"):
        to_cents(text)


@pytest.mark.parametrize(
    ("total", "people", "shares"),
    [
        (1000, 3, [334, 333, 333]),
        (1001, 3, [334, 334, 333]),
        (999, 3, [333, 333, 333]),
        (5, 7, [1, 1, 1, 1, 1, 0, 0]),
        (0, 2, [0, 0]),
        (1999, 1, [1999]),
        (-10, 3, [-3, -3, -4]),
        (-1, 2, [0, -1]),
    ],
    ids=["one-cent-left-over", "two-cents-left-over", "even", "fewer-cents-than-people", "zero",
         "one-person", "refund", "one-cent-refund"],
)
def test_split_evenly_adds_up_and_puts_larger_shares_first(total, people, shares):
    result = split_evenly(total, people)

    assert result == shares, f"split_evenly({total}, {people}) should be {shares}"
    assert sum(result) == total, "the shares must add up to exactly the total"


def test_split_evenly_of_a_big_bill_stays_exact():
    total = 10**18 + 7

    result = split_evenly(total, 3)

    assert sum(result) == total and max(result) - min(result) <= 1, (
        "use integer operations (// % divmod): total / people goes through a float and loses cents"
    )


@pytest.mark.parametrize("people", [0, -2], ids=["zero", "negative"])
def test_split_evenly_needs_at_least_one_person(people):
    with pytest.raises(ValueError, match=f"^people must be at least 1, got {people}$"):
        split_evenly(100, people)


@pytest.mark.parametrize(
    ("cents", "text"),
    [(1234, "12.34"), (5, "0.05"), (0, "0.00"), (-50, "-0.50"), (-1234, "-12.34"), (100, "1.00"),
     (123456789012345678901, "1234567890123456789.01")],
    ids=["ordinary", "five-cents", "zero", "negative", "negative-euros", "whole", "huge"],
)
def test_format_cents_shows_two_decimals_exactly(cents, text):
    assert format_cents(cents) == text, (
        f"format_cents({cents}) should be {text!r}; cents / 100 is a float, which cannot hold "
        "every large amount: use divmod(abs(cents), 100)"
    )
