from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from xml_etree_entity_guard import Line, Order, UnsafeXMLError, parse_orders, refuse_dtd

FEED = """<?xml version="1.0" encoding="ISO-8859-1"?>
<orders xmlns="urn:example:orders:v2" count="2">
  <order id="A-1" placed="2026-12-07T10:00:00Z">
    <customer>  Zoë  </customer>
    <line sku="BK-1" qty="2" price="9.99"/>
    <line sku="BK-2" qty="1" price="12.50"/>
  </order>
  <order id="A-2" placed="2026-12-07T11:30:00+01:00">
    <customer>Ada</customer>
  </order>
</orders>
""".encode("latin-1")

A1 = Order(
    "A-1",
    datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc),
    "Zoë",
    (Line("BK-1", 2, Decimal("9.99")), Line("BK-2", 1, Decimal("12.50"))),
)


def feed(orders, count=None, root='xmlns="urn:example:orders:v2"'):
    """A UTF-8 feed around the given <order> elements; count defaults to how many there are."""
    count = orders.count("<order ") if count is None else count
    return f'<?xml version="1.0" encoding="UTF-8"?><orders {root} count="{count}">{orders}</orders>'.encode()


def order(attrs='id="B-1" placed="2026-12-07T10:00:00Z"', body='<customer>Bo</customer><line sku="S" qty="1" price="1.00"/>'):
    return f"<order {attrs}>{body}</order>"


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE orders [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<orders xmlns="urn:example:orders:v2" count="1">
  <order id="A-1" placed="2026-12-07T10:00:00Z"><customer>&c;</customer></order>
</orders>"""

INTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE orders [<!ENTITY who "Mallory">]>
<orders xmlns="urn:example:orders:v2" count="1">
  <order id="A-1" placed="2026-12-07T10:00:00Z"><customer>&who;</customer></order>
</orders>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE orders [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<orders xmlns="urn:example:orders:v2" count="1">
  <order id="A-1" placed="2026-12-07T10:00:00Z"><customer>&x;</customer></order>
</orders>"""

DOCTYPE_ONLY = b"""<!DOCTYPE orders SYSTEM "https://supplier.example.com/orders.dtd">
<orders xmlns="urn:example:orders:v2" count="0"/>"""

UTF16_INTERNAL = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE o [<!ENTITY who "M">]><o>&who;</o>'.encode("utf-16")


# ---------------------------------------------------------------- parsing


def test_parse_orders_reads_every_order():
    orders = parse_orders(FEED)

    assert orders[0].customer == "Zoë", (
        "the <customer> text, stripped of the spaces around it, read in the document's own encoding (ISO-8859-1 here)"
    )
    assert orders[0] == A1
    assert orders[1].id == "A-2" and orders[1].customer == "Ada" and orders[1].lines == ()
    assert orders[1].placed == datetime(2026, 12, 7, 10, 30, tzinfo=timezone.utc)
    assert orders[1].placed.utcoffset() == timedelta(hours=1), "keep the offset the feed gave"
    assert orders[0].total == Decimal("32.48")


def test_parse_orders_obeys_the_encoding_declaration():
    utf16 = FEED.decode("latin-1").replace("ISO-8859-1", "UTF-16").encode("utf-16")

    assert parse_orders(FEED)[0].customer == "Zoë", "pass the bytes to ET.fromstring: the document says it is ISO-8859-1"
    assert parse_orders(utf16)[0] == A1, "a UTF-16 document too: never decode the bytes yourself"


def test_parse_orders_of_an_empty_feed_is_empty():
    assert parse_orders(feed("")) == []


def test_elements_of_other_namespaces_are_ignored():
    extension = (
        '<x:order xmlns:x="urn:other" id="X-1" placed="2026-12-07T10:00:00Z"><x:customer>Eve</x:customer></x:order>'
        + order(body='<customer>Bo</customer><x:line xmlns:x="urn:other" sku="GIFT" qty="1" price="0"/>'
                '<x:gift xmlns:x="urn:other">wrap it</x:gift>')
    )

    orders = parse_orders(feed(extension, count=1))

    assert [o.id for o in orders] == ["B-1"], "only <order> in urn:example:orders:v2 counts: findall('o:order', NS)"
    assert orders[0].lines == (), "only <line> in urn:example:orders:v2 counts, not an extension's"


@pytest.mark.parametrize(
    "root",
    ['xmlns="urn:example:orders:v1"', "", 'xmlns="urn:example:orders:v2x"'],
    ids=["old-version", "no-namespace", "look-alike-namespace"],
)
def test_another_document_is_refused(root):
    with pytest.raises(ValueError, match="not an orders document"):
        parse_orders(feed(order(), root=root))


def test_a_truncated_feed_is_refused():
    with pytest.raises(ValueError, match="count says 3, found 2 orders"):
        parse_orders(feed(order() + order('id="B-2" placed="2026-12-07T10:00:00Z"'), count=3))


@pytest.mark.parametrize("count", ["", "two", "-1", "١"], ids=["empty", "words", "negative", "arabic-indic-one"])
def test_a_count_that_is_not_a_number_is_refused(count):
    with pytest.raises(ValueError):
        parse_orders(feed(order(), count=count))
        pytest.fail(f"count={count!r} is not the number of orders")


def test_a_missing_count_is_refused():
    with pytest.raises(ValueError, match="has no count"):
        parse_orders(b'<orders xmlns="urn:example:orders:v2"/>')


@pytest.mark.parametrize(
    ("attrs", "body", "message"),
    [
        ('placed="2026-12-07T10:00:00Z"', "<customer>Bo</customer>", "has no id"),
        ('id="" placed="2026-12-07T10:00:00Z"', "<customer>Bo</customer>", "has no id"),
        ('id="B-1"', "<customer>Bo</customer>", "has no placed"),
        ('id="B-1" placed="2026-12-07T10:00:00"', "<customer>Bo</customer>", "bad placed"),
        ('id="B-1" placed="yesterday"', "<customer>Bo</customer>", "bad placed 'yesterday'"),
        ('id="B-1" placed="2026-12-07T10:00:00Z"', "", "order 'B-1' has no customer"),
        ('id="B-1" placed="2026-12-07T10:00:00Z"', "<customer>  </customer>", "order 'B-1' has no customer"),
        ('id="B-1" placed="2026-12-07T10:00:00Z"', '<customer>Bo</customer><line qty="1" price="1"/>', "has no sku"),
        ('id="B-1" placed="2026-12-07T10:00:00Z"', '<customer>Bo</customer><line sku="S" price="1"/>', "has no qty"),
        ('id="B-1" placed="2026-12-07T10:00:00Z"', '<customer>Bo</customer><line sku="S" qty="1"/>', "has no price"),
    ],
    ids=[
        "no-id", "empty-id", "no-placed", "placed-without-zone", "placed-words", "no-customer", "blank-customer",
        "line-no-sku", "line-no-qty", "line-no-price",
    ],
)
def test_an_incomplete_order_is_refused(attrs, body, message):
    with pytest.raises(ValueError, match=message):
        parse_orders(feed(order(attrs, body)))
        pytest.fail("an order with a missing or unusable field must raise ValueError")


@pytest.mark.parametrize(
    ("qty", "price"),
    [("0", "1.00"), ("-1", "1.00"), ("1.5", "1.00"), ("٢", "1.00"), ("1", "cheap"), ("1", "NaN"), ("1", "-0.01"), ("1", "Infinity")],
    ids=["qty-zero", "qty-negative", "qty-fraction", "qty-arabic-indic", "price-words", "price-nan", "price-negative", "price-infinity"],
)
def test_a_bad_line_is_refused(qty, price):
    body = f'<customer>Bo</customer><line sku="S" qty="{qty}" price="{price}"/>'

    with pytest.raises(ValueError, match="bad qty" if price == "1.00" else "bad price"):
        parse_orders(feed(order(body=body)))
        pytest.fail(f"qty={qty!r} price={price!r} must be refused")


@pytest.mark.parametrize(("qty", "price"), [("1", "0"), ("12", "0.00")], ids=["free", "free-with-cents"])
def test_edge_values_of_a_line_are_accepted(qty, price):
    body = f'<customer>Bo</customer><line sku="S" qty="{qty}" price="{price}"/>'

    (line,) = parse_orders(feed(order(body=body)))[0].lines
    assert (line.qty, line.price) == (int(qty), Decimal(price)), "qty 1 and up, price 0 and up are valid"


@pytest.mark.parametrize("data", [b"<orders", b"", b"<orders></order>", b"not xml"], ids=["unclosed", "empty", "mismatched-tag", "text"])
def test_malformed_xml_is_a_value_error(data):
    with pytest.raises(ValueError, match="malformed XML"):
        parse_orders(data)
        pytest.fail("malformed XML must raise ValueError('malformed XML: ...'); ET.ParseError is not a ValueError")


# ---------------------------------------------------------------- the DTD guard


@pytest.mark.parametrize(
    "data",
    [LAUGHS, INTERNAL, EXTERNAL, DOCTYPE_ONLY],
    ids=["billion-laughs", "internal-entity", "external-entity", "doctype-without-entities"],
)
def test_a_document_with_a_dtd_is_refused(data):
    with pytest.raises(UnsafeXMLError, match="the document has a DOCTYPE"):
        parse_orders(data)
        pytest.fail("refuse any DOCTYPE before ElementTree sees it: ET.fromstring would expand &c; to 1000 characters")


def test_the_guard_reads_the_document_not_its_bytes():
    with pytest.raises(UnsafeXMLError):
        refuse_dtd(UTF16_INTERNAL)
        pytest.fail('in UTF-16 the bytes b"<!DOCTYPE" never occur: let expat find the DOCTYPE')


def test_the_guard_does_not_refuse_the_text_doctype_in_content():
    harmless = feed(order(body="<customer><![CDATA[<!DOCTYPE html> fan]]></customer><!-- <!ENTITY x 'y'> -->"))

    try:
        orders = parse_orders(harmless)
    except UnsafeXMLError:
        pytest.fail("'<!DOCTYPE' inside CDATA or a comment is only text: a substring search refuses a harmless document")
    assert orders[0].customer == "<!DOCTYPE html> fan", (
        "'<!DOCTYPE' inside CDATA or a comment is only text: a substring search refuses a harmless document"
    )


def test_refuse_dtd_accepts_a_plain_document():
    assert refuse_dtd(FEED) is None
