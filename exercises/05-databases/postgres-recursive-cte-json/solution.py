"""PostgreSQL-style SQL that SQLite runs too: recursive CTEs and JSON queries."""
import sqlite3


def category_path(conn: sqlite3.Connection, category_id: int) -> list[str]:
    rows = conn.execute(
        """
        WITH RECURSIVE up(id, parent_id, name, level) AS (
            SELECT id, parent_id, name, 0 FROM categories WHERE id = ?
            UNION ALL
            SELECT c.id, c.parent_id, c.name, up.level + 1
            FROM categories AS c JOIN up ON c.id = up.parent_id
        )
        SELECT name FROM up ORDER BY level DESC
        """,
        (category_id,),
    ).fetchall()
    if not rows:
        raise LookupError(f"no category {category_id}")
    return [name for (name,) in rows]


def subtree(conn: sqlite3.Connection, root_id: int) -> list[tuple[int, str, int]]:
    return conn.execute(
        """
        WITH RECURSIVE down(id, name, depth) AS (
            SELECT id, name, 0 FROM categories WHERE id = ?
            UNION ALL
            SELECT c.id, c.name, down.depth + 1
            FROM categories AS c JOIN down ON c.parent_id = down.id
        )
        SELECT id, name, depth FROM down ORDER BY depth, name
        """,
        (root_id,),
    ).fetchall()


def products_with_attribute(conn: sqlite3.Connection, key: str, value: object) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM products WHERE json_extract(attributes, '$.' || ?) = ? ORDER BY name",
        (key, value),
    )
    return [name for (name,) in rows]


def products_tagged(conn: sqlite3.Connection, tag: str) -> list[str]:
    rows = conn.execute(
        """
        SELECT name FROM products AS p
        WHERE EXISTS (SELECT 1 FROM json_each(p.attributes, '$.tags') AS t WHERE t.value = ?)
        ORDER BY name
        """,
        (tag,),
    )
    return [name for (name,) in rows]
