"""OOP basics: a support ticket as a dataclass with rules of its own."""

from dataclasses import dataclass, field


@dataclass
class Ticket:
    title: str
    priority: int = 3
    tags: list[str] = field(default_factory=list)
    reporter_email: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self.title = self.title.strip()
        if not self.title:
            raise ValueError("title must not be empty")
        if type(self.priority) is not int or not 1 <= self.priority <= 5:
            raise ValueError(f"priority must be an int from 1 to 5, got {self.priority!r}")
        tags: list[str] = []
        for tag in self.tags:
            cleaned = tag.strip().lower()
            if cleaned and cleaned not in tags:
                tags.append(cleaned)
        self.tags = tags

    @property
    def is_urgent(self) -> bool:
        return self.priority == 1

    def sort_key(self) -> tuple[int, str]:
        return (self.priority, self.title.lower())


def triage(tickets: list[Ticket]) -> list[Ticket]:
    """Return the tickets most urgent first, then by title (ignoring case)."""
    return sorted(tickets, key=Ticket.sort_key)
