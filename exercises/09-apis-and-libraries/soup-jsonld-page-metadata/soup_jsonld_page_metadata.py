"""Read a page's metadata with BeautifulSoup: Open Graph title, canonical URL, JSON-LD products.

Shops describe their pages for search engines and link previews inside <head>:

    <base href="/shop/">
    <title> Mugs | Example Shop </title>
    <meta property="og:title" content="Blue Mug">
    <link rel="canonical" href="mugs/blue">
    <script type="application/ld+json">
      {"@context": "https://schema.org", "@type": "Product", "name": "Blue Mug", "sku": "MUG-1",
       "offers": {"@type": "Offer", "price": 12.50, "priceCurrency": "EUR"}}
    </script>

    page_metadata(html, "https://example.com/catalog/item?id=1") == {
        "title": "Blue Mug",
        "canonical": "https://example.com/shop/mugs/blue",
        "products": [{"name": "Blue Mug", "sku": "MUG-1", "price": Decimal("12.50"), "currency": "EUR"}],
    }

page_metadata(html, page_url) -> {"title", "canonical", "products"}, parsing with
BeautifulSoup(html, "html.parser"):
- title: the content of <meta property="og:title"> (Open Graph uses the
  property attribute, not name), stripped; if there is none or it is blank,
  the <title> text stripped; else None.
- canonical: the href of <link rel="canonical">, resolved (urljoin) against
  the page's base: the href of a <base> tag, itself resolved against
  page_url, or page_url when there is no <base>. None without such a link.
- products: from every <script type="application/ld+json">, in page order,
  every object whose "@type" is "Product" or a list containing "Product".
  Objects are found at the top, in top-level lists, and in "@graph" lists
  (at any depth of @graph). Each gives {"name", "sku", "price", "currency"}:
  name and sku as given (None if missing); price and currency from its
  "offers" object ("price", "priceCurrency"; None if missing or if offers is
  not an object). The price is a Decimal whether the JSON has it as a number
  or a string: 12.50 -> Decimal("12.50") (json.loads(..., parse_float=Decimal)
  keeps every digit; a float would give 12.5), "12.50" -> Decimal("12.50"),
  12 -> Decimal("12"). A script that is not valid JSON (or is empty) is skipped:
  one broken block must not hide the others.
"""

import json  # noqa: F401
from decimal import Decimal  # noqa: F401
from typing import Any
from urllib.parse import urljoin  # noqa: F401

from bs4 import BeautifulSoup  # noqa: F401


def page_metadata(html: str | bytes, page_url: str) -> dict[str, Any]:
    # TODO: title, canonical, products.
    raise NotImplementedError
