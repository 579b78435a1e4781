"""A logging.Formatter that writes one JSON object per line."""
import json
import logging
from datetime import datetime, timezone

STANDARD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
RESERVED = {"time", "level", "logger", "message", "exception"}


class JsonFormatter(logging.Formatter):
    def __init__(self, static_fields: dict[str, object] | None = None) -> None:
        super().__init__()
        self.static_fields = dict(static_fields or {})
        clashes = RESERVED & self.static_fields.keys()
        if clashes:
            raise ValueError(f"static fields use reserved names: {sorted(clashes)}")

    def format(self, record: logging.LogRecord) -> str:
        created = datetime.fromtimestamp(record.created, tz=timezone.utc)
        payload = {
            "time": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **self.static_fields,
        }
        payload.update({key: value for key, value in vars(record).items() if key not in STANDARD_ATTRS})
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)
