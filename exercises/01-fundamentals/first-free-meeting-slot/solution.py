"""Control structures: find the first free slot in a busy calendar."""


def first_free_slot(
    busy: list[tuple[int, int]],
    duration: int,
    *,
    day_start: int = 540,
    day_end: int = 1020,
) -> int | None:
    """Return the first minute a meeting of `duration` minutes fits, or None."""
    if duration <= 0:
        raise ValueError(f"duration must be positive, got {duration}")
    for start, end in busy:
        if end < start:
            raise ValueError(f"busy interval {(start, end)} ends before it starts")

    candidate = day_start
    for start, end in sorted(busy):
        if start - candidate >= duration:
            break
        candidate = max(candidate, end)

    if candidate + duration <= day_end:
        return candidate
    return None
