"""The schema, as an ordered list of migrations: append, never edit an applied one."""

MIGRATIONS: list[str] = [
    # 1: the first schema (given)
    """
    CREATE TABLE products (
        sku TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)
    );
    CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        customer_email TEXT NOT NULL,
        total_cents INTEGER NOT NULL CHECK (total_cents >= 0)
    );
    CREATE TABLE order_lines (
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        sku TEXT NOT NULL REFERENCES products(sku),
        qty INTEGER NOT NULL CHECK (qty > 0),
        unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
        PRIMARY KEY (order_id, sku)
    );
    """,
    # 2: TODO: products.version (INTEGER NOT NULL DEFAULT 1) for optimistic locking,
    #    and the index idx_orders_customer_email on orders (customer_email, id)
    """
    """,
]
