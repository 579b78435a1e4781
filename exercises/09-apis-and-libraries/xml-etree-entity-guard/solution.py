"""Read an XML orders feed with xml.etree, refusing any DTD first."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from xml.parsers import expat

NS = {"o": "urn:example:orders:v2"}


class UnsafeXMLError(ValueError):
    """The document declares a DTD: it is refused before anything is expanded."""


@dataclass(frozen=True)
class Line:
    sku: str
    qty: int
    price: Decimal


@dataclass(frozen=True)
class Order:
    id: str
    placed: datetime
    customer: str
    lines: tuple[Line, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.qty * line.price for line in self.lines), Decimal(0))


def refuse_dtd(data: bytes) -> None:
    def forbid(*args: object) -> None:
        raise UnsafeXMLError("the document has a DOCTYPE; DTDs are not accepted")

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = forbid
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ValueError(f"malformed XML: {exc}") from None


def _attr(element: ET.Element, name: str) -> str:
    value = element.get(name)
    if not value:
        raise ValueError(f"<{element.tag}> has no {name}")
    return value


def _line(element: ET.Element) -> Line:
    qty, price = _attr(element, "qty"), _attr(element, "price")
    if not (qty.isascii() and qty.isdigit()) or int(qty) == 0:
        raise ValueError(f"bad qty {qty!r}")
    try:
        amount = Decimal(price)
    except InvalidOperation:
        raise ValueError(f"bad price {price!r}") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"bad price {price!r}")
    return Line(_attr(element, "sku"), int(qty), amount)


def _order(element: ET.Element) -> Order:
    text = _attr(element, "placed")
    try:
        placed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"bad placed {text!r}") from None
    if placed.utcoffset() is None:
        raise ValueError(f"bad placed {text!r}: no time zone")
    customer = (element.findtext("o:customer", "", NS)).strip()
    if not customer:
        raise ValueError(f"order {element.get('id')!r} has no customer")
    lines = tuple(_line(line) for line in element.findall("o:line", NS))
    return Order(_attr(element, "id"), placed, customer, lines)


def parse_orders(data: bytes) -> list[Order]:
    refuse_dtd(data)
    root = ET.fromstring(data)
    if root.tag != f"{{{NS['o']}}}orders":
        raise ValueError(f"not an orders document: root is {root.tag}")
    orders = [_order(element) for element in root.findall("o:order", NS)]
    count = _attr(root, "count")
    if not (count.isascii() and count.isdigit()) or int(count) != len(orders):
        raise ValueError(f"count says {count}, found {len(orders)} orders")
    return orders
