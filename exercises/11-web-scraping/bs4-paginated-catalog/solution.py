"""Scrape a paginated book catalogue with Beautiful Soup and CSS selectors."""
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from urllib.parse import urljoin

from bs4 import BeautifulSoup


def parse_price(text: str) -> Decimal:
    cleaned = text.strip()
    if not cleaned.startswith("£"):
        raise ValueError(f"cannot parse price: {text!r}")
    try:
        price = Decimal(cleaned.removeprefix("£").replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"cannot parse price: {text!r}") from None
    if not price.is_finite():  # Decimal also reads "NaN" and "Infinity"
        raise ValueError(f"cannot parse price: {text!r}")
    return price


def parse_products(html: str, page_url: str) -> list[dict]:
    soup = BeautifulSoup(html, "html.parser")
    products = []
    for article in soup.select("article.product:not(.sponsored)"):
        link = article.select_one("h3 a")
        products.append(
            {
                "sku": article["data-sku"],
                "title": link["title"],
                "price": parse_price(article.select_one("p.price").get_text()),
                "in_stock": article.select_one(".availability.in-stock") is not None,
                "url": urljoin(page_url, link["href"]),
            }
        )
    return products


def next_page_url(html: str, page_url: str) -> str | None:
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("ul.pager li.next > a[href]")
    return urljoin(page_url, link["href"]) if link else None


def scrape_catalog(
    start_url: str, fetch: Callable[[str], str], max_pages: int = 20
) -> list[dict]:
    products = []
    url = start_url
    for _ in range(max_pages):
        html = fetch(url)
        products.extend(parse_products(html, url))
        url = next_page_url(html, url)
        if url is None:
            return products
    raise RuntimeError(f"gave up after {max_pages} pages")
