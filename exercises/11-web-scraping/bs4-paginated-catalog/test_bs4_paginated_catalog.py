from decimal import Decimal
from pathlib import Path

import pytest

from bs4_paginated_catalog import next_page_url, parse_products, scrape_catalog

CATALOG = Path(__file__).parent / "catalog"
BASE = "https://books.example/catalogue/"
PAGE_1 = BASE + "page-1.html"


def read_page(name: str) -> str:
    return (CATALOG / name).read_text(encoding="utf-8")


@pytest.fixture
def fetch_log():
    """A fake fetch(url) that serves the saved pages and records every URL asked for."""
    requested: list[str] = []

    def fetch(url: str) -> str:
        requested.append(url)
        assert url.startswith(BASE), f"the scraper asked for {url!r}, outside the catalogue"
        return read_page(url.removeprefix(BASE))

    fetch.requested = requested
    return fetch


def test_parse_products_reads_every_field_of_a_book():
    products = parse_products(read_page("page-1.html"), PAGE_1)
    assert products[0] == {
        "sku": "BK-0001",
        "title": "Dune",
        "price": Decimal("12.99"),
        "in_stock": True,
        "url": "https://books.example/book/dune_1/index.html",
    }


def test_parse_products_skips_adverts_and_the_sidebar():
    skus = [p["sku"] for p in parse_products(read_page("page-1.html"), PAGE_1)]
    assert skus == ["BK-0001", "BK-0002", "BK-0003"], (
        "only <article class='product'> without the 'sponsored' class are books; "
        "the 'Recently viewed' sidebar is not part of the listing"
    )


def test_parse_products_takes_the_full_title_from_the_title_attribute():
    titles = [p["title"] for p in parse_products(read_page("page-1.html"), PAGE_1)]
    assert titles == ["Dune", "A Light in the Attic", "Pride & Prejudice"], (
        "long titles are cut short in the link text ('A Light in the ...'); "
        "the title attribute has the whole one, with &amp; decoded to &"
    )


def test_parse_products_reads_stock_and_strips_whitespace_around_prices():
    light = parse_products(read_page("page-1.html"), PAGE_1)[1]
    assert light["price"] == Decimal("51.77")
    assert light["in_stock"] is False


def test_parse_products_handles_thousands_separators_and_unicode():
    products = parse_products(read_page("page-2.html"), BASE + "page-2.html")
    by_sku = {p["sku"]: p for p in products}
    assert by_sku["BK-0005"]["price"] == Decimal("1024.00")
    assert by_sku["BK-0005"]["in_stock"] is True
    assert by_sku["BK-0006"]["title"] == "Tōkyō Stories"
    assert by_sku["BK-0004"]["title"] == "Les Misérables"


def test_parse_products_returns_an_empty_list_for_a_page_without_books():
    assert parse_products("<html><body><p>Nothing here</p></body></html>", PAGE_1) == []


@pytest.mark.parametrize(
    "price",
    ["12.99", "£twelve", "Call us", "£NaN", "£Infinity", "£", "$12.99"],
    ids=["no-currency-sign", "words-instead-of-digits", "no-price-at-all", "not-a-number", "infinity", "sign-only", "dollars"],
)
def test_parse_products_rejects_a_price_it_cannot_read(price):
    html = (
        '<article class="product" data-sku="X-1"><h3><a href="x.html" title="X">X</a></h3>'
        f'<p class="price">{price}</p><p class="availability in-stock">In stock</p></article>'
    )
    with pytest.raises(ValueError, match="cannot parse price"):
        parse_products(html, PAGE_1)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("page-1.html", BASE + "page-2.html"),
        ("page-2.html", BASE + "page-3.html"),
        ("page-3.html", None),
    ],
    ids=["first-page", "middle-page", "last-page-has-no-next"],
)
def test_next_page_url_follows_the_pager_and_makes_the_link_absolute(page, expected):
    assert next_page_url(read_page(page), BASE + page) == expected


def test_scrape_catalog_collects_the_books_of_every_page_in_order(fetch_log):
    books = scrape_catalog(PAGE_1, fetch_log)
    assert [b["sku"] for b in books] == [f"BK-000{n}" for n in range(1, 8)]
    assert fetch_log.requested == [BASE + "page-1.html", BASE + "page-2.html", BASE + "page-3.html"], (
        "each page should be fetched exactly once, following the 'next' links"
    )


def test_scrape_catalog_works_from_a_middle_page(fetch_log):
    books = scrape_catalog(BASE + "page-2.html", fetch_log)
    assert [b["sku"] for b in books] == ["BK-0004", "BK-0005", "BK-0006", "BK-0007"]


def test_scrape_catalog_gives_up_on_a_pager_that_never_ends():
    endless = (
        '<article class="product" data-sku="LOOP"><h3><a href="b.html" title="B">B</a></h3>'
        '<p class="price">£1.00</p><p class="availability in-stock">In stock</p></article>'
        '<ul class="pager"><li class="next"><a href="page-1.html">next</a></li></ul>'
    )
    calls = []

    def fetch(url):
        calls.append(url)
        assert len(calls) <= 10, "scrape_catalog keeps following 'next' links: stop after max_pages pages"
        return endless

    with pytest.raises(RuntimeError, match="gave up after 3 pages"):
        scrape_catalog(PAGE_1, fetch, max_pages=3)
    assert len(calls) == 3, "max_pages=3 means at most three fetches"


def test_parse_products_resolves_links_against_the_page_they_are_on():
    products = parse_products(read_page("page-1.html"), "https://books.example/catalogue/fiction/page-1.html")

    assert products[0]["url"] == "https://books.example/catalogue/book/dune_1/index.html", (
        "'../book/dune_1/index.html' climbs ONE folder from the page's own folder (catalogue/fiction/): "
        "urljoin(page_url, href), not the site root"
    )


def test_parse_products_keeps_a_book_with_more_classes():
    html = (
        '<article class="product featured" data-sku="BK-0100"><h3><a href="x.html" title="X">X</a></h3>'
        '<p class="price">£5.00</p><p class="availability in-stock">In stock</p></article>'
    )

    assert [p["sku"] for p in parse_products(html, PAGE_1)] == ["BK-0100"], (
        "class='product featured' is a product: test class membership, not class == ['product']"
    )


SHELF = {
    # page 1 links to a page in another folder; that page's links are relative to ITS folder
    "https://books.example/catalogue/page-1.html": (
        '<article class="product" data-sku="S-1"><h3><a href="../book/one/index.html" title="One">One</a></h3>'
        '<p class="price">£1.00</p><p class="availability in-stock">In stock</p></article>'
        '<ul class="pager"><li class="next"><a href="archive/page-2.html">next</a></li></ul>'
    ),
    "https://books.example/catalogue/archive/page-2.html": (
        '<article class="product" data-sku="S-2"><h3><a href="two/index.html" title="Two">Two</a></h3>'
        '<p class="price">£2.00</p><p class="availability in-stock">In stock</p></article>'
        '<ul class="pager"><li class="next"><a href="page-3.html">next</a></li></ul>'
    ),
    "https://books.example/catalogue/archive/page-3.html": (
        '<article class="product" data-sku="S-3"><h3><a href="//books.example/book/three/" title="Three">Three</a></h3>'
        '<p class="price">£3.00</p><p class="availability in-stock">In stock</p></article>'
    ),
}


def test_scrape_catalog_resolves_each_pages_links_against_that_page():
    books = scrape_catalog("https://books.example/catalogue/page-1.html", SHELF.__getitem__)

    assert [b["url"] for b in books] == [
        "https://books.example/book/one/index.html",
        "https://books.example/catalogue/archive/two/index.html",
        "https://books.example/book/three/",
    ], "page 2 lives in catalogue/archive/: its 'two/index.html' and 'page-3.html' are relative to that folder"


def test_scrape_catalog_reads_a_catalogue_of_exactly_max_pages(fetch_log):
    books = scrape_catalog(PAGE_1, fetch_log, max_pages=3)

    assert len(books) == 7, "three pages and max_pages=3: the last page has no next, so this is a whole catalogue"


def test_scrape_catalog_gives_up_when_the_last_allowed_page_still_has_a_next(fetch_log):
    with pytest.raises(RuntimeError, match="gave up after 2 pages"):
        scrape_catalog(PAGE_1, fetch_log, max_pages=2)
    assert len(fetch_log.requested) == 2


def test_scrape_catalog_gives_up_after_20_pages_by_default():
    endless = '<ul class="pager"><li class="next"><a href="page-1.html">next</a></li></ul>'
    calls = []

    def fetch(url):
        calls.append(url)
        assert len(calls) <= 50, "scrape_catalog keeps following 'next' links"
        return endless

    with pytest.raises(RuntimeError, match="gave up after 20 pages"):
        scrape_catalog(PAGE_1, fetch)
    assert len(calls) == 20
