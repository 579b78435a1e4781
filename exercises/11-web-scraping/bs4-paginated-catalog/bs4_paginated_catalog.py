"""Scrape a paginated book catalogue with Beautiful Soup and CSS selectors.

The folder catalog/ holds three saved pages of https://books.example/catalogue/
(page-1.html, page-2.html, page-3.html). Open one in an editor: each book is an
<article class="product" data-sku="...">; adverts are <article class="product
sponsored"> and must be skipped (a book may carry more classes: "product
featured" is a book); the sidebar ("Recently viewed") is not part of the
listing. The "next" link lives in <ul class="pager"> as <li class="next">.

1. parse_products(html, page_url) returns one dict per book, in page order:
       {"sku": "BK-0001",                 # the data-sku attribute
        "title": "Dune",                  # the link's title attribute (the link
                                          #   text is cut short for long titles)
        "price": Decimal("12.99"),        # from "£12.99"; "£1,024.00" -> 1024.00
        "in_stock": True,                 # availability has class "in-stock"
        "url": "https://books.example/book/dune_1/index.html"}  # absolute
   "url" is the link's href resolved against page_url, the page it is on, as
   a browser does (urljoin): "../book/dune_1/index.html" on
   .../catalogue/fiction/page-1.html is .../catalogue/book/dune_1/index.html.
   A price that is not "£" followed by a number raises
   ValueError("cannot parse price: '...'"); "£NaN" and "£Infinity" are not
   prices either, though Decimal reads them.

2. next_page_url(html, page_url) gives the absolute URL of the next page
   (resolved against page_url), or None on the last page.

3. scrape_catalog(start_url, fetch, max_pages=20) fetches start_url with
   fetch(url) -> html, then follows "next" links, and returns every book of
   every page in order; each page's links are resolved against that page's
   own URL. It fetches at most max_pages pages: a catalogue of exactly
   max_pages pages is read whole, and when page max_pages still has a "next"
   it stops with RuntimeError("gave up after 20 pages") instead of looping
   for ever.

       >>> books = scrape_catalog("https://books.example/catalogue/page-1.html", fetch)
       >>> [b["sku"] for b in books][:3]
       ['BK-0001', 'BK-0002', 'BK-0003']
"""
from collections.abc import Callable
from decimal import Decimal
from urllib.parse import urljoin

from bs4 import BeautifulSoup


def parse_products(html: str, page_url: str) -> list[dict]:
    soup = BeautifulSoup(html, "html.parser")
    # TODO: select the product articles that are not sponsored, and build one
    #       dict per book (see the docstring for the keys).
    raise NotImplementedError


def next_page_url(html: str, page_url: str) -> str | None:
    # TODO: find the pager's "next" link and make its href absolute.
    raise NotImplementedError


def scrape_catalog(
    start_url: str, fetch: Callable[[str], str], max_pages: int = 20
) -> list[dict]:
    # TODO: fetch a page, collect its books, follow next_page_url() until there
    #       is none; give up with RuntimeError after max_pages pages.
    raise NotImplementedError
