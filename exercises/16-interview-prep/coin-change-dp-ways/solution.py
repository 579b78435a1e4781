"""Dynamic programming: fewest coins and the number of ways (reference solution)."""


def _check(coins: list[int], amount: int) -> list[int]:
    for coin in coins:
        if coin <= 0:
            raise ValueError(f"coins must be positive, got {coin}")
    if amount < 0:
        raise ValueError(f"amount must be >= 0, got {amount}")
    return sorted(set(coins))


def min_coins(coins: list[int], amount: int) -> int | None:
    """Return the fewest coins adding up to amount, or None."""
    values = _check(coins, amount)
    best: list[int | None] = [0] + [None] * amount  # best[a]: fewest coins for a
    for a in range(1, amount + 1):
        options = [best[a - coin] for coin in values if coin <= a and best[a - coin] is not None]
        if options:
            best[a] = min(options) + 1
    return best[amount]


def count_ways(coins: list[int], amount: int) -> int:
    """Return the number of coin combinations adding up to amount."""
    values = _check(coins, amount)
    ways = [1] + [0] * amount  # one way to make 0: no coins
    for coin in values:  # coins outside: each combination is counted once, in coin order
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]
