"""Two-sum in one pass with a dict (reference solution)."""


def two_sum(nums: list[int], target: int) -> tuple[int, int]:
    """Return (i, j) with i < j and nums[i] + nums[j] == target."""
    seen: dict[int, int] = {}
    for j, value in enumerate(nums):
        complement = target - value
        if complement in seen:
            return seen[complement], j
        seen.setdefault(value, j)
    raise ValueError(f"no two numbers add up to {target}")
