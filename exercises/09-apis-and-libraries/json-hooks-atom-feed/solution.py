"""Consume API payloads exactly: tagged JSON for Decimal/datetime, and an Atom feed."""

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from decimal import Decimal
from typing import Any

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


class ApiJSONEncoder(json.JSONEncoder):
    """Write Decimal as {"$decimal": "..."} and aware datetime as {"$datetime": "..."}."""

    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return {"$decimal": str(o)}
        if isinstance(o, datetime):
            if o.utcoffset() is None:
                raise ValueError(f"datetime must be timezone-aware, got {o!r}")
            return {"$datetime": o.isoformat()}
        return super().default(o)


def api_object_hook(obj: dict[str, Any]) -> Any:
    """Turn the two tagged shapes back into Decimal / datetime; leave other dicts alone."""
    if len(obj) == 1:
        if "$decimal" in obj:
            return Decimal(obj["$decimal"])
        if "$datetime" in obj:
            return datetime.fromisoformat(obj["$datetime"])
    return obj


def to_json(data: Any) -> str:
    return json.dumps(data, cls=ApiJSONEncoder)


def from_json(text: str) -> Any:
    return json.loads(text, object_hook=api_object_hook)


def _atom_datetime(text: str) -> datetime:
    # datetime.fromisoformat() reads a trailing "Z" only from Python 3.11 on.
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


def _alternate_link(entry: ET.Element) -> str | None:
    for link in entry.findall("atom:link", ATOM):
        if link.get("rel", "alternate") == "alternate":
            return link.get("href")
    return None


def parse_atom(xml_text: str) -> list[dict[str, Any]]:
    root = ET.fromstring(xml_text)
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        raise ValueError(f"not an Atom feed: the root element is {root.tag!r}")
    return [
        {
            "id": entry.findtext("atom:id", "", ATOM).strip(),
            "title": entry.findtext("atom:title", "", ATOM).strip(),
            "link": _alternate_link(entry),
            "updated": _atom_datetime(entry.findtext("atom:updated", "", ATOM)),
        }
        for entry in root.findall("atom:entry", ATOM)
    ]

