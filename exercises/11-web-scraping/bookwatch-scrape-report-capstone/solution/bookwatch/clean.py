"""Turn scraped offers into clean, unique deals."""
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Deal:
    sku: str
    title: str
    price: Decimal
    url: str


def parse_price(text: str) -> Decimal | None:
    if not text.startswith("£"):
        return None
    try:
        price = Decimal(text[1:].replace(",", ""))
    except InvalidOperation:
        return None
    return price if price.is_finite() and price >= 0 else None


def clean_deals(items) -> list[Deal]:
    best: dict[str, Deal] = {}
    for item in items:
        price = parse_price(item.get("price") or "")
        if not item.get("sku") or not item.get("title") or price is None:
            continue
        deal = Deal(item["sku"], item["title"], price, item["url"])
        if deal.sku not in best or deal.price < best[deal.sku].price:
            best[deal.sku] = deal
    return sorted(best.values(), key=lambda d: (d.price, d.title, d.sku))
