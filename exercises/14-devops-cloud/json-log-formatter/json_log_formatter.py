"""Structured logging: one JSON object per log line.

Log collectors (CloudWatch, Loki, Elasticsearch, Datadog) can search and
count fields in JSON lines, not in free text. Write JsonFormatter, a
logging.Formatter whose format(record) returns a single line of JSON with:

    "time"      record.created as UTC ISO 8601 with milliseconds and a Z:
                "2023-11-14T22:13:20.123Z"
    "level"     "INFO", "ERROR", ...
    "logger"    the logger's name
    "message"   the message with its %-arguments filled in
    every static field given to JsonFormatter(static_fields={...}) (keep a
                copy: the caller may change that dict later)
    every field passed with extra={...} (values JSON cannot encode, such as a
                Decimal or a datetime, are written as str(value))
    "exception" the formatted traceback, only when the record has exc_info

A static field named like one of RESERVED raises ValueError("... reserved ...").

    >>> handler = logging.StreamHandler()
    >>> handler.setFormatter(JsonFormatter(static_fields={"service": "shop"}))
    >>> log = logging.getLogger("shop.checkout"); log.addHandler(handler)
    >>> log.warning("paid %d EUR", 30, extra={"order_id": 42})   # (one line, wrapped here)
    {"time": "2024-05-01T09:30:00.000Z", "level": "WARNING", "logger": "shop.checkout",
     "message": "paid 30 EUR", "service": "shop", "order_id": 42}
"""
import json
import logging
from datetime import datetime, timezone

# The attribute names every LogRecord has. Anything else on a record was passed with extra=.
STANDARD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
RESERVED = {"time", "level", "logger", "message", "exception"}


class JsonFormatter(logging.Formatter):
    def __init__(self, static_fields: dict[str, object] | None = None) -> None:
        super().__init__()
        # TODO: store the static fields; reject reserved names with ValueError.
        self.static_fields = static_fields or {}

    def format(self, record: logging.LogRecord) -> str:
        # TODO: build the payload described above and return it as JSON.
        return super().format(record)
