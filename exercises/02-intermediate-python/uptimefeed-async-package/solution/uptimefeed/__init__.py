"""uptimefeed: gather status feeds from many sources at once and say what is up.

The public API, importable as `from uptimefeed import ...`:
    StatusEvent, Snapshot, ParseError     (from the submodule events)
    parse_line, parse_feed                (from the submodule parse)
    collect                               (from the submodule collect)
    current_status                        (from the submodule report)
"""

from .collect import collect
from .events import ParseError, Snapshot, StatusEvent
from .parse import parse_feed, parse_line
from .report import current_status

__all__ = [
    "StatusEvent",
    "Snapshot",
    "ParseError",
    "parse_line",
    "parse_feed",
    "collect",
    "current_status",
]
