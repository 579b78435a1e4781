"""Functions and scope: two classic bugs in one small function.

`record_visit(page, history)` appends `page` to a list of visited pages and
returns that list. It also counts every visit in the module-level variable
`visit_count`:

    record_visit("home")               # -> ["home"]
    record_visit("about")              # -> ["about"]   (a fresh list!)
    mine = ["home"]
    record_visit("cart", mine)         # -> ["home", "cart"], and `mine` is that same list
    visits_so_far()                    # -> 3

The code below has two bugs. Fix both:
1. Calling it crashes with UnboundLocalError. A function that ASSIGNS to a
   name makes that name local, unless you declare it `global`. (Reading a
   global, as visits_so_far() does, needs no declaration.)
2. Calls without a `history` must each start with a new, empty list. Right
   now they all share one list, so "home" shows up in the second result too.

An empty page name raises ValueError("page must not be empty"), is not
counted and leaves the history alone. Keep that behaviour.

Module-level state like `visit_count` is fine for a small script; in bigger
programs you would keep it in an object instead (classes come next).
"""

visit_count = 0


def record_visit(page: str, history: list[str] = []) -> list[str]:
    """Append `page` to `history` (a new list if none is given) and return it."""
    # TODO: bug 2 - this default list is created ONCE, when `def` runs,
    #       and shared by every call that leaves `history` out.
    if not page:
        raise ValueError("page must not be empty")
    history.append(page)
    # TODO: bug 1 - this assignment makes `visit_count` a local variable.
    visit_count += 1
    return history


def visits_so_far() -> int:
    """Return how many visits have been recorded since the last reset."""
    return visit_count


def reset_visits() -> None:
    """Set the visit counter back to zero."""
    global visit_count
    visit_count = 0
