"""Dynamic programming: fewest coins and the number of ways.

coins is a list of coin values (positive ints, any order; a value listed
twice counts once), amount an int >= 0. There is an unlimited supply of
every coin.

min_coins(coins, amount) -> int | None
    The fewest coins that add up to amount exactly; 0 for amount 0; None
    when no combination works. Greedy (largest coin first) is NOT enough:
        >>> min_coins([1, 3, 4], 6)      # 3 + 3, not 4 + 1 + 1
        2
        >>> min_coins([5, 10], 3) is None
        True

count_ways(coins, amount) -> int
    How many different combinations add up to amount, order NOT mattering
    (1+2 and 2+1 are the same way); 1 for amount 0 (take nothing).
        >>> count_ways([1, 2, 5], 5)     # 5, 2+2+1, 2+1+1+1, 1*5
        4

Both fill a table of amount + 1 entries, one coin at a time: O(amount *
number of coins). No recursion: amount may be 20 000 (a recursive solution,
even with a cache, needs 20 000 nested calls). The tests count the lines of
your code that run, so plain recursion (exponential) is refused.

Errors, for both:
    a coin <= 0   -> ValueError("coins must be positive, got 0")
    amount < 0    -> ValueError("amount must be >= 0, got -1")
"""


def min_coins(coins: list[int], amount: int) -> int | None:
    """Return the fewest coins adding up to amount, or None."""
    # TODO: best[a] for a = 0 .. amount
    raise NotImplementedError


def count_ways(coins: list[int], amount: int) -> int:
    """Return the number of coin combinations adding up to amount."""
    # TODO: ways[a], coins in the outer loop
    raise NotImplementedError
