"""Capstone: a small package that fetches status feeds concurrently and parses them.

Next to this file is the package uptimefeed/:

    uptimefeed/
        __init__.py   the public API: relative imports and __all__     <- TODO
        events.py     StatusEvent, Snapshot, ParseError                 (done)
        parse.py      parse_line, parse_feed: one regular expression   <- TODO
        collect.py    collect: TaskGroup + asyncio.timeout             <- TODO
        report.py     current_status: the latest event per service      (done)

Each file's docstring says what to write. Then, here, write `status_board`
using ONLY the package's top-level API (`from uptimefeed import ...`):

`await status_board(sources, deadline)` collects the feeds, and returns one
line per service, sorted by service name, with its LATEST status, and the
latency in brackets when that event has one; then one line per problem, in
the order collect() reports them, after "! ":

    await status_board({"eu": eu_feed, "us": us_feed, "ap": ap_feed}, deadline=2.0)
    # -> ["api: DEGRADED (850 ms)",
    #     "db: OK",
    #     "! us: down",
    #     "! ap line 4: cannot parse 'garbage'"]

Needs Python 3.11.
"""

from collections.abc import Awaitable, Callable

# TODO: import from the package's top level


async def status_board(
    sources: dict[str, Callable[[], Awaitable[str]]], deadline: float
) -> list[str]:
    """One line per service (latest status), then one "! problem" line per problem."""
    # TODO
    raise NotImplementedError
