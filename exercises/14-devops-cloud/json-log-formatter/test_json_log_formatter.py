import io
import json
import logging
import os
import time
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


def make_record(created, msecs):
    return logging.makeLogRecord({"name": "clock", "levelname": "INFO", "msg": "tick", "created": created, "msecs": msecs})


def test_time_keeps_three_digits_when_the_milliseconds_are_zero():
    line = JsonFormatter().format(make_record(1700000000.0, 0.0))
    assert parse(line)["time"] == "2023-11-14T22:13:20.000Z", (
        "isoformat() drops the fraction when it is zero: ask for timespec='milliseconds'"
    )


@pytest.fixture
def far_from_utc():
    """Run the test with the process's local time zone set to New York (Unix only).

    The zone is written in POSIX form, so no time zone database is needed.
    """
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() is only available on Unix")
    old = os.environ.get("TZ")
    os.environ["TZ"] = "EST5EDT,M3.2.0,M11.1.0"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_time_is_utc_whatever_the_servers_time_zone(far_from_utc):
    line = JsonFormatter().format(make_record(1700000000.123, 123.0))
    assert parse(line)["time"] == "2023-11-14T22:13:20.123Z", (
        "on a server in New York the time must still be UTC: a 'Z' after local time is a lie "
        "(use datetime.fromtimestamp(record.created, tz=timezone.utc), not local time or formatTime)"
    )


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


def test_extra_fields_of_one_record_do_not_appear_on_the_next(logger, stream):
    logger.info("paid", extra={"order_id": 42})
    logger.info("browsing")
    second = parse(written_lines(stream)[1])
    assert "order_id" not in second, (
        "fields passed with extra= belong to that one record: building the payload inside "
        "self.static_fields (instead of a new dict per record) leaks them into every later line"
    )
    assert set(second) == {"time", "level", "logger", "message", "service"}


def test_static_fields_are_copied_when_the_formatter_is_built():
    fields = {"service": "shop"}
    formatter = JsonFormatter(static_fields=fields)
    fields["service"] = "changed"
    fields["message"] = "sneaked in"
    line = formatter.format(logging.makeLogRecord({"name": "x", "levelname": "INFO", "msg": "hi"}))
    entry = parse(line)
    assert (entry["service"], entry["message"]) == ("shop", "hi"), (
        "keep a copy of static_fields: the caller's dict may change later, past the reserved-name check"
    )


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


def test_a_record_already_formatted_by_another_handler_leaks_nothing(logger, stream):
    plain = logging.StreamHandler(io.StringIO())
    plain.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.handlers.insert(0, plain)  # the plain handler formats each record first
    try:
        logger.info("plain")
    finally:
        logger.removeHandler(plain)
    assert set(parse(written_lines(stream)[0])) == {"time", "level", "logger", "message", "service"}, (
        "a standard Formatter adds `message` and `asctime` to the shared record: they are not extra fields"
    )


def test_the_message_is_formatted_afresh_for_this_handler(stream):
    """A handler's filter may rewrite the record after another handler formatted it."""

    def redact(record):
        record.msg = record.msg.replace("hunter2", "***")
        return True

    plain = logging.StreamHandler(io.StringIO())
    plain.setFormatter(logging.Formatter("%(message)s"))  # sets record.message = "password hunter2"
    json_handler = logging.StreamHandler(stream)
    json_handler.setFormatter(JsonFormatter())
    json_handler.addFilter(redact)
    log = logging.getLogger("shop.login")
    log.propagate = False
    for handler in (plain, json_handler):  # the plain handler formats the record first
        log.addHandler(handler)
    try:
        log.warning("password hunter2")
    finally:
        for handler in (plain, json_handler):
            log.removeHandler(handler)
        log.propagate = True
    assert parse(written_lines(stream)[0])["message"] == "password ***", (
        "use record.getMessage(); the record's old `message` attribute (left by another handler) is stale"
    )


def test_unicode_messages_round_trip(logger, stream):
    logger.info("Zoë paid 3 € for ☕")
    assert parse(written_lines(stream)[0])["message"] == "Zoë paid 3 € for ☕"


def test_works_with_pytests_caplog_handler(caplog):
    caplog.handler.setFormatter(JsonFormatter())
    with caplog.at_level(logging.INFO, logger="api"):
        logging.getLogger("api").info("GET /health", extra={"status": 200, "latency_ms": 3.5})
    entry = parse(caplog.text.strip())
    assert (entry["message"], entry["status"], entry["latency_ms"]) == ("GET /health", 200, 3.5)


@pytest.mark.parametrize("name", ["time", "level", "logger", "message", "exception"])
def test_static_fields_cannot_replace_standard_fields(name):
    with pytest.raises(ValueError, match="reserved"):
        JsonFormatter(static_fields={name: "oops"})
