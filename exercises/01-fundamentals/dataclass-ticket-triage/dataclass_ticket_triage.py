"""OOP basics: a support ticket as a dataclass with rules of its own.

    t = Ticket("  Printer on fire ", priority=1, tags=["Hardware", "urgent", "hardware", " "],
               reporter_email="ann@example.com")
    t.title                 # -> "Printer on fire"
    t.tags                  # -> ["hardware", "urgent"]
    t.is_urgent             # -> True
    repr(t)                 # -> "Ticket(title='Printer on fire', priority=1, tags=['hardware', 'urgent'])"

Ticket (use @dataclass) has the fields, in this order:
- title: str, required. Surrounding whitespace is removed; an empty title
  raises ValueError("title must not be empty").
- priority: int = 3, from 1 (most urgent) to 5. Anything that is not an
  int in 1..5 raises ValueError("priority must be an int from 1 to 5, got 0")
  (the value's repr). True and 2.0 are not ints for this purpose.
- tags: list[str], empty by default (each ticket its own list). Each tag
  is stripped and lower-cased; empty tags are dropped, and so are repeats
  (the first one stays). The ticket keeps a new list: the caller's list is
  neither changed nor shared.
- reporter_email: str = "", left out of the repr (tickets end up in logs,
  and logs must not collect people's addresses). It still counts for ==.

Two tickets are equal when all their fields are equal (the dataclass
default). `is_urgent` is a read-only property: priority == 1.
`sort_key()` returns (priority, title in lower case).

triage(tickets) -> list[Ticket]
- A new list, most urgent first, then by title ignoring case; the input
  list is not reordered.
"""

from dataclasses import dataclass, field


# TODO: make this a dataclass with the four fields, __post_init__ checks,
#       the is_urgent property and sort_key().
class Ticket:
    pass


def triage(tickets: list[Ticket]) -> list[Ticket]:
    """Return the tickets most urgent first, then by title (ignoring case)."""
    # TODO
    raise NotImplementedError
