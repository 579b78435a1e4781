import json
import sqlite3

import pytest

from postgres_recursive_cte_json import category_path, products_tagged, products_with_attribute, subtree

CATEGORIES = [
    (1, None, "All"),
    (2, 1, "Electronics"),
    (3, 2, "Phones"),
    (4, 3, "Android"),
    (5, 1, "Books"),
    (6, 5, "Fiction"),
    (7, 2, "Laptops"),
    (8, None, "Archive"),
    (9, 5, "Zines"),
    (10, 2, "Audio"),
]

PRODUCTS = [
    ("Pixel", 4, {"color": "black", "ram_gb": 8, "tags": ["new", "sale"]}),
    ("Galaxy", 4, {"color": "red", "ram_gb": 12, "tags": ["wholesale"]}),
    ("ThinkPad", 7, {"color": "black", "ram_gb": 16, "tags": []}),
    ("Dune", 6, {"color": "sand", "pages": 412}),
    ("Red Book", 6, {"title_color": "red", "tags": ["sale "]}),
    ("Kid's Atlas", 5, {"color": "it's blue", "tags": ["salE", "kids"]}),
]


@pytest.fixture
def conn():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        CREATE TABLE categories (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES categories(id),
                                 name TEXT NOT NULL);
        CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                               category_id INTEGER NOT NULL REFERENCES categories(id), attributes TEXT NOT NULL);
    """)
    conn.executemany("INSERT INTO categories VALUES (?, ?, ?)", CATEGORIES)
    conn.executemany("INSERT INTO products (name, category_id, attributes) VALUES (?, ?, ?)",
                     [(name, cat, json.dumps(attrs)) for name, cat, attrs in PRODUCTS])
    yield conn
    conn.close()


@pytest.mark.parametrize(
    "category_id, path",
    [(4, ["All", "Electronics", "Phones", "Android"]), (7, ["All", "Electronics", "Laptops"]),
     (1, ["All"]), (8, ["Archive"])],
    ids=["three-levels-deep", "two-levels-deep", "the-root-itself", "another-root"],
)
def test_category_path_lists_names_from_the_root_down(conn, category_id, path):
    assert category_path(conn, category_id) == path


def test_category_path_of_an_unknown_id_raises(conn):
    with pytest.raises(LookupError, match="99"):
        category_path(conn, 99)


def test_subtree_lists_every_descendant_with_its_depth(conn):
    assert subtree(conn, 2) == [
        (2, "Electronics", 0), (10, "Audio", 1), (7, "Laptops", 1), (3, "Phones", 1), (4, "Android", 2),
    ]


def test_subtree_of_the_root_is_the_whole_tree_sorted_by_depth_then_name(conn):
    assert subtree(conn, 1) == [
        (1, "All", 0), (5, "Books", 1), (2, "Electronics", 1),
        (10, "Audio", 2), (6, "Fiction", 2), (7, "Laptops", 2), (3, "Phones", 2), (9, "Zines", 2),
        (4, "Android", 3),
    ], "sort by depth, then by name within the same depth"


@pytest.mark.parametrize("root_id, expected", [(4, [(4, "Android", 0)]), (99, [])], ids=["leaf", "unknown-id"])
def test_subtree_edges(conn, root_id, expected):
    assert subtree(conn, root_id) == expected


def test_a_deep_chain_is_followed_to_the_end(conn):
    chain = [(100 + i, 100 + i - 1 if i else None, f"level {i}") for i in range(60)]
    conn.executemany("INSERT INTO categories VALUES (?, ?, ?)", chain)
    assert category_path(conn, 159) == [f"level {i}" for i in range(60)], "the walk up stopped early: recurse, don't self-join a fixed number of times"
    assert [row[2] for row in subtree(conn, 100)] == list(range(60))


@pytest.mark.parametrize(
    "key, value, names",
    [
        ("color", "black", ["Pixel", "ThinkPad"]),
        ("color", "red", ["Galaxy"]),
        ("ram_gb", 8, ["Pixel"]),
        ("pages", 412, ["Dune"]),
        ("color", "it's blue", ["Kid's Atlas"]),
        ("color", "black' OR '1'='1", []),
        ("color') OR 1=1 OR ('", "red", []),
        ("weight", "red", []),
    ],
    ids=["string-value", "not-a-substring-of-title_color", "integer-value", "key-only-some-have",
         "quote-in-value", "injection-in-value", "injection-in-key", "missing-key"],
)
def test_products_with_attribute_compares_one_json_field(conn, key, value, names):
    assert products_with_attribute(conn, key, value) == names, (
        "compare the single JSON field attributes[key] with the value, both passed as ? parameters"
    )


@pytest.mark.parametrize(
    "tag, names",
    [("sale", ["Pixel"]), ("new", ["Pixel"]), ("wholesale", ["Galaxy"]), ("kids", ["Kid's Atlas"]),
     ("sal", []), ("sale' OR 1=1 --", [])],
    ids=["sale-not-wholesale-nor-salE", "second-element", "whole-word", "last-element",
         "prefix-is-not-a-tag", "injection-attempt"],
)
def test_products_tagged_matches_whole_array_elements(conn, tag, names):
    assert products_tagged(conn, tag) == names, (
        "a tag must equal an element of the tags array exactly: LIKE '%sale%' on the JSON text also finds "
        "'wholesale' and 'sale ', and products without tags must simply not match"
    )
