"""Control structures: find the first free slot in a busy calendar.

Times are minutes after midnight: 9:00 is 540, 17:00 is 1020. A busy
interval (start, end) covers start up to, but not including, end, so a
meeting may begin exactly when another one ends.

    busy = [(600, 660), (540, 600), (690, 720)]      # 10-11, 9-10, 11:30-12
    first_free_slot(busy, 30)      # -> 660   (11:00, fits exactly before 11:30)
    first_free_slot(busy, 45)      # -> 720   (12:00)
    first_free_slot([(540, 1000)], 30)   # -> None (16:40 + 30 min is after 17:00)

first_free_slot(busy, duration, *, day_start=540, day_end=1020) -> int | None
- Returns the earliest minute `start` with day_start <= start and
  start + duration <= day_end such that [start, start + duration) overlaps
  no busy interval; None if there is no such minute.
- `busy` may be in any order, and intervals may overlap, sit inside each
  other, or lie partly or wholly outside the working day.
- The caller's `busy` list is not changed (not even reordered).
- duration must be positive: otherwise raise
  ValueError("duration must be positive, got 0").
- Any interval with end < start raises
  ValueError("busy interval (600, 540) ends before it starts"), even if a
  free slot is found before it.
"""


def first_free_slot(
    busy: list[tuple[int, int]],
    duration: int,
    *,
    day_start: int = 540,
    day_end: int = 1020,
) -> int | None:
    """Return the first minute a meeting of `duration` minutes fits, or None."""
    # TODO: validate, then walk the meetings in start order.
    raise NotImplementedError
