'''Code documentation: write Google-style docstrings with doctests for a small module.

The three functions below already work, but nobody can use them without reading their
bodies. Give each PUBLIC function (parse_hhmm, format_hhmm, free_slots) a docstring that the
tests read with `inspect.getdoc` and check against the code itself:

- a one-line summary that ends with a period, then a blank line;
- `Args:` listing every parameter by name, in the order of the signature, each with a
  description (`name: what it is` or `name (type): what it is`);
- `Returns:` saying what comes back;
- `Raises:` naming every exception the function raises itself (the tests find your `raise`
  statements with `ast`), each with the condition - and none it never raises, neither itself
  nor through the functions of this module that it calls;
- `Examples:` with at least one doctest that calls the function and shows its exact output
  (a `>>>` line, the result below it). The tests run them with `doctest`, so they must pass -
  an error example shows the traceback like this:

      >>> parse_hhmm("25:00")
      Traceback (most recent call last):
          ...
      ValueError: time out of range: '25:00'

Comments are for WHY, docstrings for WHAT and HOW TO USE. A comment that no longer tells the
truth is worse than none: one of the comments below is wrong - fix it or delete it
(a comment may mention noon, as long as it tells the truth).
Do not change what the functions do. Try it: `python -m doctest -v timeslot_docstrings.py`.
'''

MINUTES_PER_DAY = 24 * 60


def parse_hhmm(text: str) -> int:
    # TODO: docstring
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(f"expected HH:MM, got {text!r}")
    if int(hours) > 23 or int(minutes) > 59:
        raise ValueError(f"time out of range: {text!r}")
    # convert to minutes past noon
    return int(hours) * 60 + int(minutes)


def format_hhmm(minutes: int) -> str:
    # TODO: docstring
    if not isinstance(minutes, int):
        raise TypeError(f"minutes must be an int, not {type(minutes).__name__}")
    if not 0 <= minutes < MINUTES_PER_DAY:
        raise ValueError(f"minutes out of range: {minutes}")
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def free_slots(
    busy: list[tuple[str, str]],
    *,
    day_start: str = "09:00",
    day_end: str = "17:00",
    min_length: int = 30,
) -> list[tuple[str, str]]:
    # TODO: docstring
    start, end = parse_hhmm(day_start), parse_hhmm(day_end)
    if start >= end:
        raise ValueError(f"day_start {day_start} is not before day_end {day_end}")
    free = []
    cursor = start
    for busy_start, busy_end in sorted((parse_hhmm(a), parse_hhmm(b)) for a, b in busy):
        # Meetings may start before the day or run past its end: clamp the gap to the day.
        gap_end = min(busy_start, end)
        if gap_end - cursor >= min_length:
            free.append((format_hhmm(cursor), format_hhmm(gap_end)))
        cursor = max(cursor, busy_end)
    if end - cursor >= min_length:
        free.append((format_hhmm(cursor), format_hhmm(end)))
    return free
