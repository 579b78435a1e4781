"""Consume API payloads without losing information: JSON and XML.

Part 1, JSON. `json` knows str, int, float, bool, None, list and dict, nothing
else. Money must not become a float (0.1 + 0.2 != 0.3) and a timestamp must keep
its time zone, so this API writes them as small tagged objects (MongoDB's
Extended JSON does the same with "$numberDecimal" and "$date"):

    Decimal("19.90")                    -> {"$decimal": "19.90"}
    datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc)
                                        -> {"$datetime": "2024-05-01T12:30:00+00:00"}

    to_json({"total": Decimal("19.90")})  == '{"total": {"$decimal": "19.90"}}'
    from_json(to_json(order)) == order    # Decimal and datetime come back as such

- ApiJSONEncoder.default(o) handles Decimal and datetime. A naive datetime (no
  tzinfo) raises ValueError("datetime must be timezone-aware ..."); any other
  type (a date without a time too) is left to json.JSONEncoder.default,
  which raises TypeError. Every Decimal comes back as written: "-0", "0.00",
  "NaN" and "-Infinity" included.
- api_object_hook(obj) turns a dict that is exactly {"$decimal": s} or
  {"$datetime": s} back into a Decimal / datetime and returns any other dict as is.
- to_json / from_json use them through json.dumps(cls=...) / json.loads(object_hook=...).

Part 2, XML. parse_atom(xml_text) reads an Atom feed (RFC 4287, like feed.xml
next to this file). Every element lives in the namespace
"http://www.w3.org/2005/Atom", so ElementTree names them
"{http://www.w3.org/2005/Atom}entry" and a bare find("entry") finds nothing.
Return one dict per <entry>, in document order:

    {"id": "tag:pyroad.example.org,2024:1.2", "title": "pyroad 1.2: watch mode",
     "link": "https://pyroad.example.org/news/1.2",
     "updated": datetime(2024, 5, 3, 9, 0, tzinfo=timezone.utc)}

Read each entry's own child elements: an entry copied from another feed may
hold a <source> with that feed's id, title, link and updated, which are not
the entry's. "title" and "id" are stripped of surrounding whitespace ("" when
missing); "link" is the href of the entry's <link> whose rel is "alternate" (a
<link> without rel counts as "alternate"), or None; "updated" is an aware
datetime ("Z" means UTC). A document whose root is not an Atom <feed> (exactly
that namespace, no look-alike) raises ValueError("not an Atom feed ...").
"""

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from decimal import Decimal
from typing import Any

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


class ApiJSONEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        # TODO: Decimal -> {"$decimal": ...}; aware datetime -> {"$datetime": ...};
        #       naive datetime -> ValueError; anything else -> super().default(o).
        return super().default(o)


def api_object_hook(obj: dict[str, Any]) -> Any:
    # TODO: undo the two tags; return every other dict unchanged.
    return obj


def to_json(data: Any) -> str:
    # TODO: use ApiJSONEncoder.
    return json.dumps(data)


def from_json(text: str) -> Any:
    # TODO: use api_object_hook.
    return json.loads(text)


def parse_atom(xml_text: str) -> list[dict[str, Any]]:
    # TODO: ET.fromstring, check the root tag, then one dict per atom:entry.
    raise NotImplementedError
