"""Read a page's metadata with BeautifulSoup: Open Graph title, canonical URL, JSON-LD products."""

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph", []))


def _is_product(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    return kind == "Product" or (isinstance(kind, list) and "Product" in kind)


def page_metadata(html: str | bytes, page_url: str) -> dict[str, Any]:
    soup = BeautifulSoup(html, "html.parser")

    og_title = soup.find("meta", attrs={"property": "og:title"})
    if og_title is not None and og_title.get("content", "").strip():
        title = og_title["content"].strip()
    elif soup.title is not None and soup.title.get_text().strip():
        title = soup.title.get_text().strip()
    else:
        title = None

    base_tag = soup.find("base", href=True)
    base = urljoin(page_url, base_tag["href"]) if base_tag is not None else page_url
    canonical_tag = soup.find("link", rel="canonical", href=True)
    canonical = urljoin(base, canonical_tag["href"].strip()) if canonical_tag is not None else None

    products = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.get_text(), parse_float=Decimal)
        except ValueError:
            continue
        for obj in _objects(data):
            if _is_product(obj):
                offer = obj.get("offers") if isinstance(obj.get("offers"), dict) else {}
                price = offer.get("price")
                products.append(
                    {
                        "name": obj.get("name"),
                        "sku": obj.get("sku"),
                        "price": None if price is None else Decimal(str(price)),
                        "currency": offer.get("priceCurrency"),
                    }
                )
    return {"title": title, "canonical": canonical, "products": products}
