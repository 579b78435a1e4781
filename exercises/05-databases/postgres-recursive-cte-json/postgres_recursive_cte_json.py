"""PostgreSQL-style SQL that SQLite runs too: recursive CTEs and JSON queries.

A category tree is stored as an adjacency list, each row naming its parent;
products keep loose attributes as a JSON document. The tests create:

    categories(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES categories(id),
               name TEXT NOT NULL)                      -- parent_id NULL = a root
    products(id INTEGER PRIMARY KEY, name TEXT NOT NULL,
             category_id INTEGER NOT NULL REFERENCES categories(id),
             attributes TEXT NOT NULL)                  -- a JSON object
    e.g. attributes = '{"color": "red", "ram_gb": 8, "tags": ["sale", "new"]}'

A tree can be any depth, so a fixed number of self-joins is never enough:
`WITH RECURSIVE` starts from one row and repeats a step until it yields no
new rows. All values travel as ? parameters.

1. category_path(conn, category_id) -> ['All', 'Electronics', 'Phones']
   Names from the root down to this category (walk up the parent_ids).
   An unknown id raises LookupError naming the id.

2. subtree(conn, root_id) -> [(id, name, depth), ...]
   The category and every descendant at any depth, the category itself at
   depth 0, its children at 1, ...; sorted by depth, then name. An unknown
   id gives [].

3. products_with_attribute(conn, key, value) -> sorted product names
   Products whose JSON has attributes[key] equal to value (a str or int):
   `json_extract(attributes, '$.' || ?) = ?` (key and value both parameters).

4. products_tagged(conn, tag) -> sorted product names
   Products whose "tags" array contains exactly this tag: 'sale' must not
   match 'wholesale' (no LIKE on the JSON text). `json_each(attributes,
   '$.tags')` turns the array into rows with a `value` column; test them
   with EXISTS (SELECT 1 FROM json_each(...) WHERE value = ?).

On a real PostgreSQL the CTEs run unchanged. The JSON column would be jsonb,
and you would write attributes ->> 'color' (SQLite 3.38+ accepts ->> too)
instead of json_extract, `attributes -> 'tags' ? 'sale'` or
jsonb_array_elements_text() instead of json_each, and psycopg's %s instead
of ?. PostgreSQL 14+ can also stop cycles in a recursive CTE with CYCLE.
"""
import sqlite3


def category_path(conn: sqlite3.Connection, category_id: int) -> list[str]:
    # TODO: WITH RECURSIVE up(...) AS (start row UNION ALL parent of each row)
    raise NotImplementedError


def subtree(conn: sqlite3.Connection, root_id: int) -> list[tuple[int, str, int]]:
    # TODO: WITH RECURSIVE down(id, name, depth) AS (...)
    raise NotImplementedError


def products_with_attribute(conn: sqlite3.Connection, key: str, value: object) -> list[str]:
    # TODO: json_extract(attributes, '$.' || ?) = ?
    raise NotImplementedError


def products_tagged(conn: sqlite3.Connection, tag: str) -> list[str]:
    # TODO: EXISTS (SELECT 1 FROM json_each(p.attributes, '$.tags') ...)
    raise NotImplementedError
