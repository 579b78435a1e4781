"""Design patterns: an immutable, fluent Builder for SQL queries."""

import re
from dataclasses import dataclass, replace

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
OPERATORS = frozenset({"=", "!=", "<", "<=", ">", ">=", "LIKE"})


def _check_identifier(name: str) -> str:
    if not IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a valid identifier: {name!r}")
    return name


@dataclass(frozen=True)
class Query:
    table: str
    columns: tuple[str, ...] = ()
    conditions: tuple[tuple[str, str, object], ...] = ()
    ordering: tuple[str, ...] = ()
    row_limit: int | None = None

    def select(self, *columns: str) -> "Query":
        return replace(self, columns=tuple(_check_identifier(c) for c in columns))

    def where(self, column: str, op: str, value: object) -> "Query":
        if op not in OPERATORS:
            raise ValueError(f"unsupported operator: {op!r}")
        return replace(self, conditions=(*self.conditions, (_check_identifier(column), op, value)))

    def order_by(self, column: str, *, descending: bool = False) -> "Query":
        term = _check_identifier(column) + (" DESC" if descending else "")
        return replace(self, ordering=(*self.ordering, term))

    def limit(self, n: int) -> "Query":
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"limit must be a whole number >= 0, got {n!r}")
        return replace(self, row_limit=n)

    def build(self) -> tuple[str, list[object]]:
        sql = f"SELECT {', '.join(self.columns) or '*'} FROM {self.table}"
        params: list[object] = []
        if self.conditions:
            sql += " WHERE " + " AND ".join(f"{column} {op} ?" for column, op, _ in self.conditions)
            params += [value for _, _, value in self.conditions]
        if self.ordering:
            sql += " ORDER BY " + ", ".join(self.ordering)
        if self.row_limit is not None:
            sql += " LIMIT ?"
            params.append(self.row_limit)
        return sql, params


def query(table: str) -> Query:
    """Start building a SELECT on table."""
    return Query(_check_identifier(table))
