import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from json_hooks_atom_feed import ApiJSONEncoder, api_object_hook, from_json, parse_atom, to_json

FEED = Path(__file__).parent / "feed.xml"
UTC = timezone.utc


# ---------------------------------------------------------------- JSON


def test_to_json_writes_a_decimal_as_a_tagged_string():
    assert to_json({"total": Decimal("19.90")}) == '{"total": {"$decimal": "19.90"}}'


def test_to_json_writes_an_aware_datetime_in_iso_format():
    placed = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)

    assert to_json({"placed_at": placed}) == '{"placed_at": {"$datetime": "2024-05-01T12:30:00+00:00"}}'


def test_the_encoder_class_works_with_json_dumps_directly():
    assert json.dumps([Decimal("-0.5")], cls=ApiJSONEncoder) == '[{"$decimal": "-0.5"}]'


def test_an_order_survives_the_round_trip_with_its_types():
    order = {
        "id": 7,
        "customer": "Zoë",
        "total": Decimal("19.90"),
        "placed_at": datetime(2024, 5, 1, 14, 30, tzinfo=timezone(timedelta(hours=2))),
        "lines": [{"sku": "A-1", "price": Decimal("0.10"), "qty": 3}],
        "note": None,
    }

    back = from_json(to_json(order))

    assert back == order
    assert isinstance(back["total"], Decimal), "from_json must give the Decimal back, not a dict or a float"
    assert str(back["total"]) == "19.90", "the trailing zero is part of the amount: keep str(Decimal)"
    assert isinstance(back["lines"][0]["price"], Decimal), "nested values need converting too"
    assert back["placed_at"].utcoffset() == timedelta(hours=2), "the time zone must survive"


@pytest.mark.parametrize(
    "value",
    [
        Decimal("0.1") + Decimal("0.2"),
        Decimal("1E+3"),
        Decimal("-123456789.123456789"),
        Decimal("-0"),
        Decimal("0.00"),
        Decimal("NaN"),
        Decimal("-Infinity"),
    ],
    ids=["sum", "exponent", "many-digits", "negative-zero", "zero-with-cents", "nan", "minus-infinity"],
)
def test_decimals_come_back_exactly(value):
    assert str(from_json(to_json(value))) == str(value)


def test_object_hook_converts_only_the_two_tags():
    assert api_object_hook({"$decimal": "2.50"}) == Decimal("2.50")
    assert api_object_hook({"$datetime": "2024-01-02T03:04:05+00:00"}) == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "obj",
    [{}, {"name": "Ada"}, {"$decimal": "1.0", "unit": "EUR"}, {"price": "19.90"}],
    ids=["empty", "ordinary", "tag-with-other-keys", "plain-string-price"],
)
def test_object_hook_leaves_other_dicts_alone(obj):
    assert api_object_hook(dict(obj)) == obj


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        to_json({"placed_at": datetime(2024, 5, 1, 12, 30)})


@pytest.mark.parametrize("value", [{"a", "b"}, date(2024, 5, 1), b"bytes"], ids=["set", "date-without-time", "bytes"])
def test_an_unsupported_type_still_raises_type_error(value):
    with pytest.raises(TypeError, match="not JSON serializable"):
        to_json({"value": value})
        pytest.fail("only Decimal and datetime are tagged: a date is not a datetime (check isinstance(o, datetime))")


# ---------------------------------------------------------------- Atom


def feed_entries():
    """parse_atom applied to feed.xml, the Atom feed shipped with this exercise."""
    return parse_atom(FEED.read_text(encoding="utf-8"))


def test_parse_atom_returns_one_dict_per_entry_in_order():
    entries = feed_entries()

    assert [e["id"] for e in entries] == [
        "tag:pyroad.example.org,2024:1.2",
        "tag:pyroad.example.org,2024:hints",
        "tag:pyroad.example.org,2024:maintenance",
    ], "only <entry> elements count; the feed's own <title>, <id> and <link> are not entries"


def test_parse_atom_reads_the_first_entry_completely():
    entries = feed_entries()

    assert entries[0] == {
        "id": "tag:pyroad.example.org,2024:1.2",
        "title": "pyroad 1.2: watch mode",
        "link": "https://pyroad.example.org/news/1.2",
        "updated": datetime(2024, 5, 3, 9, 0, tzinfo=UTC),
    }


def test_parse_atom_picks_the_alternate_link_or_a_link_without_rel():
    entries = feed_entries()

    links = [e["link"] for e in entries]

    assert links[0] == "https://pyroad.example.org/news/1.2", "skip the rel='enclosure' link"
    assert links[1] == "https://pyroad.example.org/news/hints", "a <link> without rel is the alternate link"
    assert links[2] is None, "an entry without a link gets None"


def test_parse_atom_strips_titles_and_keeps_unicode():
    entries = feed_entries()

    assert entries[1]["title"] == "Hints for the café crowd ☕"


def test_parse_atom_keeps_the_offset_of_updated():
    entries = feed_entries()

    updated = entries[1]["updated"]

    assert updated == datetime(2024, 4, 20, 16, 30, tzinfo=UTC)
    assert updated.utcoffset() == timedelta(hours=2)


def test_parse_atom_matches_the_namespace_not_the_prefix():
    # The same feed, but the Atom namespace is bound to the prefix "a:" instead of being the default.
    xml_text = """<a:feed xmlns:a="http://www.w3.org/2005/Atom">
      <a:title>Prefixed</a:title>
      <a:entry>
        <a:id>urn:1</a:id><a:title>One</a:title>
        <a:link rel="alternate" href="https://example.org/1"/>
        <a:updated>2024-01-01T00:00:00Z</a:updated>
      </a:entry>
    </a:feed>"""

    assert parse_atom(xml_text) == [
        {"id": "urn:1", "title": "One", "link": "https://example.org/1", "updated": datetime(2024, 1, 1, tzinfo=UTC)}
    ]


def test_parse_atom_of_a_feed_without_entries_is_empty():
    assert parse_atom('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>') == []


@pytest.mark.parametrize(
    "xml_text",
    [
        "<feed><entry><id>1</id></entry></feed>",
        '<rss version="2.0"><channel><title>RSS</title></channel></rss>',
        '<entry xmlns="http://www.w3.org/2005/Atom"><id>1</id></entry>',
        '<feed xmlns="http://www.w3.org/2005/Atomic"><title>Not Atom</title></feed>',
        '<feed xmlns="http://purl.org/atom/ns#"><title>Old draft</title></feed>',
    ],
    ids=["feed-without-namespace", "rss", "bare-entry", "look-alike-namespace", "atom-0.3-namespace"],
)
def test_parse_atom_refuses_a_document_that_is_not_an_atom_feed(xml_text):
    with pytest.raises(ValueError, match="not an Atom feed"):
        parse_atom(xml_text)


def test_parse_atom_reads_the_entrys_own_elements_not_those_of_its_source():
    # RFC 4287 4.2.11: an entry copied from another feed keeps that feed's metadata in <source>,
    # which has its own <id>, <title>, <link> and <updated>.
    xml_text = """<feed xmlns="http://www.w3.org/2005/Atom">
      <title>Planet</title>
      <entry>
        <source>
          <id>tag:blog.example.com,2024:feed</id>
          <title>Someone's blog</title>
          <link href="https://blog.example.com/"/>
          <updated>2020-01-01T00:00:00Z</updated>
        </source>
        <id>tag:blog.example.com,2024:post-9</id>
        <title>Post nine</title>
        <link rel="alternate" href="https://blog.example.com/9"/>
        <updated>2024-02-03T04:05:06Z</updated>
      </entry>
    </feed>"""

    assert parse_atom(xml_text) == [
        {
            "id": "tag:blog.example.com,2024:post-9",
            "title": "Post nine",
            "link": "https://blog.example.com/9",
            "updated": datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC),
        }
    ], "read the entry's DIRECT children (find/findall with 'atom:title'), not any descendant ('.//' or iter())"


def test_parse_atom_gives_an_empty_string_for_a_missing_title_or_id():
    xml_text = """<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><id>urn:no-title</id><updated>2024-01-01T00:00:00Z</updated></entry>
      <entry><title>No id</title><updated>2024-01-01T00:00:00Z</updated></entry>
    </feed>"""

    entries = parse_atom(xml_text)

    assert [(e["id"], e["title"]) for e in entries] == [("urn:no-title", ""), ("", "No id")]
