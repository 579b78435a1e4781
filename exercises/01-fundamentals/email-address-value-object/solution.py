"""OOP basics: an email address that behaves like a value."""


class EmailAddress:
    """An email address compared by local part and lower-case domain."""

    def __init__(self, text: str) -> None:
        cleaned = text.strip()
        local, _, domain = cleaned.partition("@")
        if (
            cleaned.count("@") != 1
            or not local
            or not domain
            or any(ch.isspace() for ch in cleaned)
        ):
            raise ValueError(f"not an email address: {text!r}")
        self._local = local
        self._domain = domain.lower()

    @property
    def local(self) -> str:
        return self._local

    @property
    def domain(self) -> str:
        return self._domain

    def __str__(self) -> str:
        return f"{self._local}@{self._domain}"

    def __repr__(self) -> str:
        return f"EmailAddress({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EmailAddress):
            return NotImplemented
        return (self._local, self._domain) == (other._local, other._domain)

    def __hash__(self) -> int:
        return hash((self._local, self._domain))
