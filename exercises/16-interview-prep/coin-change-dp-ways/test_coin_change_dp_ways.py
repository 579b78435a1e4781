import itertools
import sys
from contextlib import contextmanager

import pytest

import coin_change_dp_ways
from coin_change_dp_ways import count_ways, min_coins


def brute_min(coins, amount):
    coins = sorted(set(coins))
    for count in range(amount + 1):
        for combo in itertools.combinations_with_replacement(coins, count):
            if sum(combo) == amount:
                return count
    return None


def brute_ways(coins, amount):
    coins = sorted(set(coins))
    total = 0
    for count in range(amount + 1):
        total += sum(1 for combo in itertools.combinations_with_replacement(coins, count) if sum(combo) == amount)
    return total


@pytest.mark.parametrize(
    "coins, amount, expected",
    [
        ([1, 3, 4], 6, 2),
        ([1, 5, 10, 25], 30, 2),
        ([5, 10], 3, None),
        ([2], 3, None),
        ([1, 2, 5], 0, 0),
        ([], 0, 0),
        ([], 7, None),
        ([7], 7, 1),
        ([4, 3, 1], 6, 2),
        ([9, 6, 5, 1], 11, 2),
        ([3, 3, 5], 9, 3),
    ],
    ids=["greedy-fails", "us-coins", "impossible", "odd-with-twos", "zero-amount", "no-coins-zero", "no-coins", "one-coin", "unsorted-coins", "greedy-fails-again", "duplicate-coin"],
)
def test_min_coins(coins, amount, expected):
    assert min_coins(coins, amount) == expected


@contextmanager
def line_budget(limit: int, message: str):
    filename = coin_change_dp_ways.__file__
    used = [0]

    def local(frame, event, arg):
        if event == "line":
            used[0] += 1
            if used[0] > limit:
                sys.settrace(None)
                pytest.fail(message.format(limit=limit), pytrace=False)
        return local

    def global_trace(frame, event, arg):
        return local if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    sys.settrace(global_trace)
    try:
        yield used
    finally:
        sys.settrace(previous)


@pytest.mark.parametrize("function", [min_coins, count_ways], ids=["min_coins", "count_ways"])
def test_the_work_grows_like_amount_times_coins(function):
    coins, amount = [7, 11, 13], 600
    message = (
        "expected O(amount * coins): at most {limit} lines of your code for amount 600 and 3 coins; observed "
        "more. Trying every combination recursively is exponential: fill a table from 0 up to amount"
    )
    with line_budget(12 * amount * len(coins) + 200, message):
        result = function(coins, amount)
    if function is min_coins:
        assert result == brute_min_fast(coins, amount)


def brute_min_fast(coins, amount):
    best = [0] + [None] * amount
    for a in range(1, amount + 1):
        options = [best[a - c] for c in coins if c <= a and best[a - c] is not None]
        best[a] = min(options) + 1 if options else None
    return best[amount]


def test_amount_zero_needs_zero_coins_not_none():
    assert min_coins([2, 5], 0) == 0, "0 coins is an answer: `best[amount] or None` turns it into None"


@pytest.mark.parametrize(
    "coins, amount, expected",
    [
        ([1, 2, 5], 5, 4),
        ([1, 2], 3, 2),
        ([2], 3, 0),
        ([10], 10, 1),
        ([1, 2, 5], 0, 1),
        ([], 0, 1),
        ([], 3, 0),
        ([2, 1, 1], 4, 3),
        ([5, 2, 1], 5, 4),
    ],
    ids=["classic", "order-does-not-matter", "impossible", "one-coin", "zero-amount", "no-coins-zero", "no-coins", "duplicate-coin", "unsorted"],
)
def test_count_ways(coins, amount, expected):
    assert count_ways(coins, amount) == expected


def test_count_ways_counts_combinations_not_orderings():
    assert count_ways([1, 2], 4) == 3, (
        "1+1+1+1, 1+1+2, 2+2: three combinations. Five would mean 1+2+1 and 2+1+1 were counted too: "
        "loop over the coins OUTSIDE and the amounts inside"
    )


def test_both_match_brute_force_on_small_cases():
    for coins in ([1, 3, 4], [2, 5], [3, 7], [1, 6, 10], [4, 6, 9], [5]):
        for amount in range(0, 21):
            assert min_coins(coins, amount) == brute_min(coins, amount), f"min_coins({coins}, {amount})"
            assert count_ways(coins, amount) == brute_ways(coins, amount), f"count_ways({coins}, {amount})"


def test_the_input_list_is_left_alone():
    coins = [5, 1, 2, 2]
    min_coins(coins, 11)
    count_ways(coins, 11)
    assert coins == [5, 1, 2, 2]


@pytest.mark.parametrize("function", [min_coins, count_ways], ids=["min_coins", "count_ways"])
@pytest.mark.parametrize(
    "coins, amount, message",
    [
        ([1, 0], 5, r"^coins must be positive, got 0$"),
        ([-2, 5], 5, r"^coins must be positive, got -2$"),
        ([1, 2], -1, r"^amount must be >= 0, got -1$"),
    ],
    ids=["zero-coin", "negative-coin", "negative-amount"],
)
def test_bad_input_is_rejected(function, coins, amount, message):
    with pytest.raises(ValueError, match=message):
        function(coins, amount)


@pytest.mark.parametrize("function", [min_coins, count_ways], ids=["min_coins", "count_ways"])
def test_a_large_amount_does_not_recurse(function):
    result = function([1, 5, 10, 25], 20_000)
    expected = 800 if function is min_coins else count_ways_reference([1, 5, 10, 25], 20_000)
    assert result == expected, "fill the table with a loop: 20 000 nested calls exceed Python's recursion limit"


def count_ways_reference(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]
