import asyncio
import re
import shutil
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

import uptimefeed
from uptimefeed.collect import collect
from uptimefeed.events import ParseError, Snapshot, StatusEvent
from uptimefeed.parse import parse_feed, parse_line
from uptimefeed_async_package import status_board

PUBLIC_API = {
    "StatusEvent", "Snapshot", "ParseError", "parse_line", "parse_feed", "collect",
    "current_status",
}


def utc(*parts):
    return datetime(*parts, tzinfo=timezone.utc)


def feed(text, turns=0):
    """A fake source: answers `text` after `turns` turns of the event loop."""

    async def source():
        for _ in range(turns):
            await asyncio.sleep(0)
        return text

    return source


def failing(error):
    async def source():
        await asyncio.sleep(0)
        raise error

    return source


class Hangs:
    """A source that never answers; it notes whether it was cancelled."""

    def __init__(self):
        self.cancelled = False

    async def __call__(self):
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise


# ---------------------------------------------------------------- the package's API


@pytest.mark.parametrize("name", sorted(PUBLIC_API))
def test_the_package_offers_the_name_at_its_top_level(name):
    assert hasattr(uptimefeed, name), (
        f"`from uptimefeed import {name}` fails: re-export it in uptimefeed/__init__.py"
    )


def test_star_import_gives_exactly_the_public_api():
    namespace = {}
    exec("from uptimefeed import *", namespace)
    exported = set(namespace) - {"__builtins__"}

    assert exported == PUBLIC_API, (
        f"`from uptimefeed import *` gave {sorted(exported)}: set __all__ to the seven names "
        "of the public API (without __all__ the submodules leak out too)"
    )


@pytest.fixture
def vendored_copy(tmp_path, monkeypatch):
    """Copy the package into another 'project' as `vendored_uptimefeed`, hide `uptimefeed`."""
    source = Path(uptimefeed.__file__).parent
    shutil.copytree(source, tmp_path / "vendored_uptimefeed",
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m.partition(".")[0] == "uptimefeed"]:
        monkeypatch.setitem(sys.modules, name, None)
    yield "vendored_uptimefeed"
    for name in [m for m in sys.modules if m.partition(".")[0] == "vendored_uptimefeed"]:
        del sys.modules[name]


def test_the_package_works_under_another_name(vendored_copy):
    try:
        package = __import__(vendored_copy)
    except ImportError as error:
        pytest.fail(f"the package broke when copied under another name ({error}): import "
                    "its own submodules relatively, `from .parse import ...`")
    assert package.parse_line("2026-12-07T01:02:03Z api OK").status == "OK"


# ---------------------------------------------------------------- parse_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2026-12-07T01:02:03Z api DOWN", StatusEvent(utc(2026, 12, 7, 1, 2, 3), "api", "DOWN")),
        ("2026-12-07T01:02:03Z api-eu2 DEGRADED latency=850ms",
         StatusEvent(utc(2026, 12, 7, 1, 2, 3), "api-eu2", "DEGRADED", 850)),
        ("2026-01-31T23:59:59Z db OK latency=0ms",
         StatusEvent(utc(2026, 1, 31, 23, 59, 59), "db", "OK", 0)),
        ("  2026-12-07T01:02:03Z \t cdn   OK\tlatency=12ms \t",
         StatusEvent(utc(2026, 12, 7, 1, 2, 3), "cdn", "OK", 12)),
        ("2024-02-29T00:00:00Z q OK", StatusEvent(utc(2024, 2, 29), "q", "OK")),
    ],
    ids=["no-latency", "latency-and-dashed-name", "latency-zero", "spaces-and-tabs", "leap-day"],
)
def test_parse_line_reads_each_field(line, expected):
    event = parse_line(line)

    assert event == expected
    assert event.at.tzinfo is timezone.utc, "`at` is in UTC: .replace(tzinfo=timezone.utc)"


@pytest.mark.parametrize(
    "line",
    [
        "2026-12-07T01:02:03Z api DOWN because of dns",
        "2026-12-07T01:02:03Z api DOWN latency=5ms extra",
        "note: 2026-12-07T01:02:03Z api DOWN",
        "2026-12-07T01:02:03Z api down",
        "2026-12-07T01:02:03Z api UP",
        "2026-12-07T01:02:03Z api DOWNED",
        "2026-12-07T01:02:03Z api DOWNlatency=5ms",
        "2026-12-07T01:02:03Z 1api OK",
        "2026-12-07T01:02:03Z Api OK",
        "2026-12-07T01:02:03Z apí OK",
        "2026-12-07T01:02:03 api OK",
        "2026-12-07 01:02:03Z api OK",
        "2026-12-0٧T01:02:03Z api OK",
        "2026-12-07T01:02:03Z api OK latency=٣ms",
        "2026-12-07T01:02:03Z api OK latency=5",
        "2026-12-07T01:02:03Z api OK latency=-5ms",
        "2026-12-07T01:02:03Z api OK latency=ms",
        "2026-02-30T01:02:03Z api OK",
        "2026-12-07T24:00:00Z api OK",
        "2026-12-07T01:02:03Z api",
        "2026-12-07T01:02:03Z api OK\n2026-12-07T01:02:04Z db OK",
        "",
    ],
    ids=[
        "words-after", "junk-after-latency", "junk-before", "lower-case-status",
        "unknown-status", "status-prefix", "latency-glued-to-status", "name-starts-with-digit",
        "upper-case-name", "non-ascii-name", "no-z", "space-instead-of-t",
        "unicode-digit-in-time", "unicode-digit-in-latency", "latency-without-ms",
        "negative-latency", "latency-without-digits", "february-30", "hour-24", "no-status",
        "two-lines", "empty",
    ],
)
def test_parse_line_rejects_anything_off_format(line):
    try:
        event = parse_line(line)
    except ParseError as error:
        assert str(error) == f"cannot parse {line!r}", "the message quotes the line as given"
    else:
        pytest.fail(
            f"{line!r} was accepted as {event!r}: the WHOLE line must follow the format "
            "(fullmatch; ASCII digits [0-9], not \\d; only OK, DEGRADED or DOWN; a real date)"
        )


def test_parse_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_line("garbage")


# ---------------------------------------------------------------- parse_feed


def test_parse_feed_keeps_events_in_order_and_numbers_bad_lines_from_one():
    text = (
        "# status feed of eu\n"
        "2026-12-07T01:00:00Z api OK latency=90ms\n"
        "\n"
        "garbage\n"
        "   # an indented comment\n"
        "2026-12-07T00:59:00Z db DOWN\n"
        "   \t \n"
        "2026-12-07T01:00:00Z api sleepy\n"
    )

    events, errors = parse_feed(text)

    assert [(e.service, e.status) for e in events] == [("api", "OK"), ("db", "DOWN")], (
        "events come in the order of the feed (sorting is collect's job)"
    )
    assert errors == [
        (4, "cannot parse 'garbage'"),
        (8, "cannot parse '2026-12-07T01:00:00Z api sleepy'"),
    ], "bad lines are numbered from 1, counting blank and comment lines too"


def test_parse_feed_reads_windows_line_endings():
    events, errors = parse_feed("2026-12-07T01:00:00Z api OK\r\n2026-12-07T01:01:00Z db DOWN\r\n")

    assert [e.service for e in events] == ["api", "db"]
    assert errors == [], "split the text with str.splitlines(), which knows '\\r\\n' too"


def test_parse_feed_of_an_empty_text_is_empty():
    assert parse_feed("") == ([], [])


# ---------------------------------------------------------------- collect


EU = "2026-12-07T01:00:00Z api OK latency=90ms\n2026-12-07T01:05:00Z api DEGRADED latency=850ms\n"
US = "2026-12-07T01:01:00Z db OK\n2026-12-07T01:05:00Z db DOWN\n"


def test_collect_merges_every_feed_oldest_first():
    snapshot = asyncio.run(collect({"eu": feed(EU, turns=3), "us": feed(US)}, deadline=1))

    assert isinstance(snapshot, Snapshot)
    assert [(e.at.minute, e.service) for e in snapshot.events] == [
        (0, "api"), (1, "db"), (5, "api"), (5, "db"),
    ], "events oldest first; at the same time, in the order of the sources (a stable sort)"
    assert snapshot.problems == []


def test_collect_keeps_source_order_for_events_at_the_same_time():
    same_time = {
        "first": feed("2026-12-07T01:00:00Z zeta OK\n"),
        "second": feed("2026-12-07T01:00:00Z alpha OK\n"),
    }

    snapshot = asyncio.run(collect(same_time, deadline=1))

    assert [e.service for e in snapshot.events] == ["zeta", "alpha"], (
        "sort by time only: events at the same time keep the order of the sources"
    )


def test_collect_fetches_every_source_at_the_same_time():
    everyone_started = asyncio.Event()
    started = []

    def waits_for_the_others(name):
        async def source():
            started.append(name)
            if len(started) == 3:
                everyone_started.set()
            await everyone_started.wait()
            return f"2026-12-07T01:00:00Z {name} OK\n"

        return source

    sources = {name: waits_for_the_others(name) for name in ["a", "b", "c"]}

    snapshot = asyncio.run(collect(sources, deadline=0.05))

    assert [e.service for e in snapshot.events] == ["a", "b", "c"], (
        "each source waited for the others to start: run them all as tasks of one TaskGroup"
    )


def test_collect_reports_down_late_and_bad_lines_in_source_order():
    late = Hangs()
    sources = {
        "eu": feed(EU),
        "us": failing(ConnectionRefusedError("refused")),
        "ap": late,
        "sa": feed("garbage\n2026-12-07T01:02:00Z cdn OK\nDOWN\n"),
    }

    started = time.perf_counter()
    snapshot = asyncio.run(collect(sources, deadline=0.03))
    elapsed = time.perf_counter() - started

    assert snapshot.problems == [
        "us: down",
        "ap: timed out",
        "sa line 1: cannot parse 'garbage'",
        "sa line 3: cannot parse 'DOWN'",
    ]
    assert [e.service for e in snapshot.events] == ["api", "cdn", "api"]
    assert late.cancelled, "the deadline must cancel the source that is still running"
    assert elapsed < 0.5, f"collect took {elapsed:.2f} s with a deadline of 0.03 s"


def test_an_empty_feed_is_not_a_problem():
    snapshot = asyncio.run(collect({"quiet": feed("")}, deadline=1))

    assert snapshot.problems == [], "an empty feed arrived in time: it is not 'timed out'"
    assert snapshot.events == []


def test_collect_lets_a_bug_out_and_cancels_the_other_sources():
    late = Hangs()
    sources = {"eu": late, "us": failing(KeyError("feed"))}

    try:
        snapshot = asyncio.run(collect(sources, deadline=1))
    except ExceptionGroup as group:
        assert [type(error) for error in group.exceptions] == [KeyError]
    else:
        pytest.fail(f"the KeyError was hidden ({snapshot!r}): only ConnectionError means down")
    assert late.cancelled


def test_a_cancelled_caller_stays_cancelled():
    async def main():
        caller = asyncio.create_task(collect({"eu": Hangs()}, deadline=10))
        for _ in range(5):
            await asyncio.sleep(0)
        caller.cancel()
        await asyncio.wait({caller}, timeout=1)
        return caller.cancelled()

    assert asyncio.run(main()), (
        "collect returned after its caller was cancelled: only the deadline's TimeoutError "
        "is caught, never CancelledError"
    )


# ---------------------------------------------------------------- status_board


def test_status_board_shows_the_latest_status_of_each_service_then_the_problems():
    sources = {
        "eu": feed(EU),
        "us": failing(ConnectionError("no route")),
        "ap": feed(US + "garbage\n2026-12-07T01:06:00Z cache OK latency=0ms\n"),
    }

    board = asyncio.run(status_board(sources, deadline=1))

    assert board == [
        "api: DEGRADED (850 ms)",
        "cache: OK (0 ms)",
        "db: DOWN",
        "! us: down",
        "! ap line 3: cannot parse 'garbage'",
    ]


def test_status_board_uses_the_latest_event_whatever_the_feed_order():
    sources = {
        "new": feed("2026-12-07T02:00:00Z api OK\n"),
        "old": feed("2026-12-07T01:00:00Z api DOWN latency=5ms\n"),
    }

    assert asyncio.run(status_board(sources, deadline=1)) == ["api: OK"]


def test_status_board_takes_the_later_of_two_events_at_the_same_time():
    sources = {
        "eu": feed("2026-12-07T01:00:00Z api DOWN\n"),
        "us": feed("2026-12-07T01:00:00Z api OK\n"),
    }

    assert asyncio.run(status_board(sources, deadline=1)) == ["api: OK"]


def test_status_board_of_no_sources_is_empty():
    assert asyncio.run(status_board({}, deadline=1)) == []
