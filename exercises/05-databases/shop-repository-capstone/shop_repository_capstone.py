"""Capstone: a repository layer with migrations, transactions and a Redis cache.

Next to this file is the package shoprepo/, the data layer of a small shop.
Everything the rest of the service knows about the database goes through it:

    shoprepo/
        models.py      Product (sku, name, price_cents, stock, version),
                       StaleVersionError, OutOfStockError                  (given)
        cache.py       JsonCache: get/set/delete JSON in Redis with a TTL,
                       keys prefixed "shoprepo:"                          (given)
        migrations.py  migrate(conn): applies the pending entries of
                       MIGRATIONS, each in a transaction, and records the
                       count in PRAGMA user_version                       (given)
        schema.py      MIGRATIONS: migration 1 is given             <- TODO migration 2
        repository.py  ProductRepository: add, orders_of given      <- TODO the rest

1. shoprepo/schema.py, migration 2: add products.version (INTEGER NOT NULL
   DEFAULT 1: existing rows start at version 1) and the index
   idx_orders_customer_email on orders (customer_email, id), so a customer's
   orders are a SEARCH without a sort. Never edit migration 1: databases
   already at version 1 must be upgraded in place.

2. Here, open_repository(db_path, redis_client, *, busy_timeout_ms=5000,
   cache_ttl_seconds=300) -> ProductRepository
   Connect in autocommit mode (isolation_level=None) with the busy timeout,
   switch on PRAGMA journal_mode = WAL and PRAGMA foreign_keys = ON, run
   migrate(conn), and return ProductRepository(conn, JsonCache(redis_client,
   ttl_seconds=cache_ttl_seconds)).

3. shoprepo/repository.py (each method's docstring has the details):
   get(sku)             cache-aside under "product:<sku>"
   page(limit, after_sku=None)   keyset pagination in sku order
   change_price(sku, price_cents, expected_version)   optimistic locking,
                        then invalidate the cache
   place_order(email, {sku: qty})   all or nothing in BEGIN IMMEDIATE;
                        stock checked in Python and never negative (qty must
                        be positive and the dict non-empty: ValueError naming
                        the sku / "line"; unknown sku: LookupError naming it; too few:
                        OutOfStockError naming the sku); invalidate the
                        touched products after COMMIT.
   Every value is a ? parameter. Another process writes to the same file in
   the tests, between your reads and your writes: nothing may be lost.

    >>> repo = open_repository(Path("shop.db"), redis.Redis())
    >>> repo.add("PEN", "Pen", 150, stock=10)
    Product(sku='PEN', name='Pen', price_cents=150, stock=10, version=1)
    >>> repo.place_order("ada@example.com", {"PEN": 3})
    1
    >>> repo.get("PEN").stock
    7
"""
import sqlite3
from pathlib import Path

from shoprepo import JsonCache, ProductRepository, migrate


def open_repository(db_path: Path, redis_client, *, busy_timeout_ms: int = 5000,
                    cache_ttl_seconds: int = 300) -> ProductRepository:
    # TODO: sqlite3.connect(..., timeout=..., isolation_level=None), the two PRAGMAs, migrate, wire the cache
    raise NotImplementedError
