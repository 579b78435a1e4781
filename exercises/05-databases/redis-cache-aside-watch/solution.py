"""Cache-aside with TTLs, and an atomic check-and-decrement with WATCH/MULTI."""
import json
import sqlite3

import redis


def product_key(product_id: int) -> str:
    return f"product:{product_id}"


def get_product(r: redis.Redis, conn: sqlite3.Connection, product_id: int, *,
                ttl: int = 300, negative_ttl: int = 30) -> dict | None:
    key = product_key(product_id)
    cached = r.get(key)
    if cached is not None:
        return json.loads(cached)
    row = conn.execute("SELECT id, name, price_cents FROM products WHERE id = ?", (product_id,)).fetchone()
    product = None if row is None else {"id": row[0], "name": row[1], "price_cents": row[2]}
    r.set(key, json.dumps(product), ex=ttl if product is not None else negative_ttl)
    return product


def update_price(r: redis.Redis, conn: sqlite3.Connection, product_id: int, price_cents: int) -> None:
    with conn:
        cursor = conn.execute("UPDATE products SET price_cents = ? WHERE id = ?", (price_cents, product_id))
    if cursor.rowcount == 0:
        raise LookupError(f"no product {product_id}")
    r.delete(product_key(product_id))


def reserve_stock(r: redis.Redis, sku: str, qty: int) -> bool:
    if qty <= 0:
        raise ValueError(f"qty must be positive, got {qty}")
    key = f"stock:{sku}"
    with r.pipeline() as pipe:
        while True:
            try:
                pipe.watch(key)
                available = int(pipe.get(key) or 0)
                if available < qty:
                    pipe.unwatch()
                    return False
                pipe.multi()
                pipe.decrby(key, qty)
                pipe.execute()
                return True
            except redis.WatchError:
                continue
