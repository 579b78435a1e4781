"""Design patterns: an immutable, fluent Builder for SQL queries.

A Builder assembles a complicated object step by step. Made IMMUTABLE,
every step returns a NEW builder, so a half-built query can be shared and
extended in different directions without the branches leaking into each
other:

    active = query("users").where("active", "=", 1)
    admins = active.where("role", "=", "admin").order_by("name")
    recent = active.order_by("created", descending=True).limit(10)
    admins.build()
    # -> ("SELECT * FROM users WHERE active = ? AND role = ? ORDER BY name", [1, "admin"])
    recent.build()
    # -> ("SELECT * FROM users WHERE active = ? ORDER BY created DESC LIMIT ?", [1, 10])

Query is a frozen dataclass; each method returns a modified copy
(dataclasses.replace) and never changes self.
- query(table) starts one. select(*columns) sets the columns (none: "*").
- where(column, op, value) adds a condition; conditions are joined with
  AND in the order added. op is one of = != < <= > >= LIKE (else
  ValueError). The VALUE never goes into the SQL text: it becomes a "?"
  and is appended to the parameter list, so "O'Brien" is just data.
- order_by(column, descending=False) adds a sort key ("name" or
  "name DESC"); several are joined with ", ".
- limit(n): n a whole number >= 0 (a bool, a float or a negative number:
  ValueError). LIMIT 0 is valid and must appear; it is passed as "?" too.
- Table and column names cannot be parameters, so they are checked
  instead: each must match [A-Za-z_][A-Za-z0-9_]* entirely, else
  ValueError naming it ("name; DROP TABLE users" is refused).
- build() -> (sql, params): "SELECT cols FROM table[ WHERE ...][ ORDER BY
  ...][ LIMIT ?]".
"""

import re
from dataclasses import dataclass, replace  # noqa: F401

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
OPERATORS = frozenset({"=", "!=", "<", "<=", ">", ">=", "LIKE"})


@dataclass(frozen=True)
class Query:
    table: str
    columns: tuple[str, ...] = ()
    conditions: tuple[tuple[str, str, object], ...] = ()
    ordering: tuple[str, ...] = ()
    row_limit: int | None = None

    def select(self, *columns: str) -> "Query":
        raise NotImplementedError  # TODO

    def where(self, column: str, op: str, value: object) -> "Query":
        raise NotImplementedError  # TODO

    def order_by(self, column: str, *, descending: bool = False) -> "Query":
        raise NotImplementedError  # TODO

    def limit(self, n: int) -> "Query":
        raise NotImplementedError  # TODO

    def build(self) -> tuple[str, list[object]]:
        raise NotImplementedError  # TODO


def query(table: str) -> Query:
    """Start building a SELECT on table."""
    raise NotImplementedError  # TODO
