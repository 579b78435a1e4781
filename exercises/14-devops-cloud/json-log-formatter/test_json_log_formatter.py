import io
import json
import logging
from decimal import Decimal

import pytest

from json_log_formatter import JsonFormatter


@pytest.fixture
def stream():
    return io.StringIO()


@pytest.fixture
def logger(stream):
    """A logger that writes through JsonFormatter into `stream`."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(static_fields={"service": "shop"}))
    log = logging.getLogger("shop.checkout")
    log.setLevel(logging.DEBUG)
    log.propagate = False
    log.addHandler(handler)
    yield log
    log.removeHandler(handler)
    log.propagate = True


def written_lines(stream):
    return stream.getvalue().splitlines()


def parse(line):
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        pytest.fail(f"this log line is not JSON: {line!r}")


def test_each_record_is_one_json_line_with_the_standard_fields(logger, stream):
    logger.info("order placed")
    logger.error("payment failed")
    lines = written_lines(stream)
    assert len(lines) == 2, "one record must give exactly one line"
    first, second = parse(lines[0]), parse(lines[1])
    assert first["level"] == "INFO" and second["level"] == "ERROR"
    assert first["logger"] == "shop.checkout"
    assert first["message"] == "order placed"


def test_message_arguments_are_filled_in(logger, stream):
    logger.warning("disk %s is %d%% full", "/var", 91)
    assert parse(written_lines(stream)[0])["message"] == "disk /var is 91% full"


def test_time_is_utc_iso_8601_with_milliseconds():
    record = logging.makeLogRecord(
        {"name": "clock", "levelname": "INFO", "msg": "tick", "created": 1700000000.123, "msecs": 123.0}
    )
    line = JsonFormatter().format(record)
    assert parse(line)["time"] == "2023-11-14T22:13:20.123Z"


def test_static_fields_appear_on_every_line(logger, stream):
    logger.info("a")
    logger.debug("b")
    assert [parse(line)["service"] for line in written_lines(stream)] == ["shop", "shop"]


def test_extra_fields_are_included_and_made_serialisable(logger, stream):
    logger.info("paid", extra={"order_id": 42, "amount": Decimal("9.99"), "tags": ["eu", "card"]})
    entry = parse(written_lines(stream)[0])
    assert entry["order_id"] == 42
    assert entry["amount"] == "9.99", "a Decimal cannot be JSON-encoded, so it is written as str()"
    assert entry["tags"] == ["eu", "card"]


def test_no_internal_record_attributes_leak_into_the_output(logger, stream):
    logger.info("plain")
    assert set(parse(written_lines(stream)[0])) == {"time", "level", "logger", "message", "service"}


def test_exception_traceback_is_included_on_the_same_line(logger, stream):
    try:
        1 / 0
    except ZeroDivisionError:
        logger.exception("could not compute total")
    lines = written_lines(stream)
    assert len(lines) == 1, "the multi-line traceback must be escaped inside the JSON string"
    entry = parse(lines[0])
    assert entry["level"] == "ERROR"
    assert entry["exception"].startswith("Traceback")
    assert "ZeroDivisionError: division by zero" in entry["exception"]


def test_unicode_messages_round_trip(logger, stream):
    logger.info("Zoë paid 3 € for ☕")
    assert parse(written_lines(stream)[0])["message"] == "Zoë paid 3 € for ☕"


def test_works_with_pytests_caplog_handler(caplog):
    caplog.handler.setFormatter(JsonFormatter())
    with caplog.at_level(logging.INFO, logger="api"):
        logging.getLogger("api").info("GET /health", extra={"status": 200, "latency_ms": 3.5})
    entry = parse(caplog.text.strip())
    assert (entry["message"], entry["status"], entry["latency_ms"]) == ("GET /health", 200, 3.5)


@pytest.mark.parametrize("name", ["message", "level", "time"])
def test_static_fields_cannot_replace_standard_fields(name):
    with pytest.raises(ValueError, match="reserved"):
        JsonFormatter(static_fields={name: "oops"})
