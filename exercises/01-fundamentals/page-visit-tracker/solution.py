"""Functions and scope: two classic bugs in one small function."""

visit_count = 0


def record_visit(page: str, history: list[str] | None = None) -> list[str]:
    """Append `page` to `history` (a new list if none is given) and return it."""
    global visit_count
    if not page:
        raise ValueError("page must not be empty")
    if history is None:
        history = []
    history.append(page)
    visit_count += 1
    return history


def visits_so_far() -> int:
    """Return how many visits have been recorded since the last reset."""
    return visit_count


def reset_visits() -> None:
    """Set the visit counter back to zero."""
    global visit_count
    visit_count = 0
