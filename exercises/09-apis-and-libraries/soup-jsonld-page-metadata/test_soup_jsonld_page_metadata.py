from decimal import Decimal

import pytest

from soup_jsonld_page_metadata import page_metadata

URL = "https://example.com/catalog/item?id=1"

PAGE = """<!doctype html>
<html><head>
  <base href="/shop/">
  <title> Mugs | Example Shop </title>
  <meta name="og:title" content="Wrong: og:title lives in property">
  <meta property="og:title" content="  Blue Mug ">
  <link rel="stylesheet" href="style.css">
  <link rel="canonical" href="mugs/blue">
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "Product", "name": "Blue Mug", "sku": "MUG-1",
     "offers": {"@type": "Offer", "price": 12.50, "priceCurrency": "EUR"}}
  </script>
  <script type="application/ld+json">{ this block is broken </script>
  <script type="application/ld+json"></script>
  <script type="application/json" id="app-state">{"@type": "Product", "name": "not JSON-LD"}</script>
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "BreadcrumbList", "name": "crumbs"},
      {"@type": ["Product", "IndividualProduct"], "name": "Red Mug", "sku": "MUG-2",
       "offers": {"price": "9.90", "priceCurrency": "EUR"}},
      {"@graph": [{"@type": "Product", "name": "Green Mug", "offers": {"price": 12}}]}
    ]}
  </script>
  <script type="application/ld+json">
    [{"@type": "Organization", "name": "Example"}, {"@type": "Product", "name": "Mug Set", "offers": "call us"}]
  </script>
</head><body><h1>Blue Mug</h1></body></html>
"""


@pytest.fixture
def meta():
    return page_metadata(PAGE, URL)


def test_the_title_comes_from_og_title_stripped(meta):
    assert meta["title"] == "Blue Mug", "Open Graph uses <meta property=\"og:title\">, not name=; strip the content"


def test_the_canonical_link_is_resolved_against_the_base(meta):
    assert meta["canonical"] == "https://example.com/shop/mugs/blue", (
        "resolve the canonical href against <base href> (itself resolved against the page URL), not against the page URL"
    )


def test_every_product_is_found_in_page_order(meta):
    assert [product["name"] for product in meta["products"]] == ["Blue Mug", "Red Mug", "Green Mug", "Mug Set"], (
        "look in every ld+json script (skip broken or empty ones), in top-level lists and in @graph at any depth; "
        "an @type list containing Product counts; other scripts (even JSON ones) are not JSON-LD"
    )


def test_products_carry_sku_price_and_currency(meta):
    assert meta["products"] == [
        {"name": "Blue Mug", "sku": "MUG-1", "price": Decimal("12.50"), "currency": "EUR"},
        {"name": "Red Mug", "sku": "MUG-2", "price": Decimal("9.90"), "currency": "EUR"},
        {"name": "Green Mug", "sku": None, "price": Decimal("12"), "currency": None},
        {"name": "Mug Set", "sku": None, "price": None, "currency": None},
    ]
    assert str(meta["products"][0]["price"]) == "12.50", "json.loads(..., parse_float=Decimal) keeps 12.50; a float gives 12.5"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<title>\n  Plain Title \n</title>", "Plain Title"),
        ('<title>Fallback</title><meta property="og:title" content="   ">', "Fallback"),
        ('<meta property="og:title" content="Only OG">', "Only OG"),
        ('<title>Fallback</title><meta property="og:title">', "Fallback"),
        ("", None),
        ("<title>   </title>", None),
    ],
    ids=["title-tag", "blank-og-falls-back", "og-without-title-tag", "og-without-content", "nothing", "blank-title"],
)
def test_the_title_falls_back_to_the_title_tag(head, expected):
    assert page_metadata(f"<html><head>{head}</head></html>", URL)["title"] == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="/items/1">', "https://example.com/items/1"),
        ('<link rel="canonical" href="item?id=2">', "https://example.com/catalog/item?id=2"),
        ('<link rel="canonical" href="https://other.example.org/x">', "https://other.example.org/x"),
        ('<base href="https://cdn.example.net/a/"><link rel="canonical" href="b">', "https://cdn.example.net/a/b"),
        ('<link rel="alternate canonical" href="/both">', "https://example.com/both"),
        ('<link rel="alternate" href="/alt">', None),
        ("", None),
    ],
    ids=["root-relative", "page-relative", "absolute", "absolute-base", "two-rel-words", "not-canonical", "none"],
)
def test_canonical_in_every_form(head, expected):
    assert page_metadata(f"<html><head>{head}</head></html>", URL)["canonical"] == expected


def test_a_page_without_json_ld_has_no_products():
    assert page_metadata("<html><head><title>x</title></head></html>", URL)["products"] == []


def test_bytes_are_read_too():
    assert page_metadata(PAGE.encode("utf-8"), URL)["title"] == "Blue Mug"


def test_offers_that_are_not_an_object_give_no_price():
    page = '<script type="application/ld+json">{"@type": "Product", "name": "A", "offers": [{"price": 1}]}</script>'

    assert page_metadata(page, URL)["products"] == [{"name": "A", "sku": None, "price": None, "currency": None}]
